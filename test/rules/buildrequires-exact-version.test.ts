import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const rule = 'buildrequires-exact-version';
const opts = { rules: [rule], severities: { [rule]: 'hint' as const } };

test('off by default: Fedora\'s exact pins are deliberate (cachelib\'s lockstep folly release, Rocq plugins)', () => {
  const text = 'Name: cachelib\nBuildRequires:  folly-devel = %{tag}\nBuildRequires:  rocq = %{rocqver}\nBuildRequires:  colm-devel = 0.14.7\n';
  assert.deepEqual(lintText(text, { rules: [rule] }), []);
  assert.equal(lintText(text, opts).length, 3);
});

test('exact pins', () => {
  assertFindings(`Name: foo
BuildRequires: bar-devel = 1.2.3, baz == 2.0-1
#              ^^^^^^^^^^^^^^^^^ ${rule}
#                                 ^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: >=, self pins, kernel pins, major pins, Requires', () => {
  assertFindings('Name: foo\nBuildRequires: bar >= 1.2\nBuildRequires: %{name}-devel = %{version}-%{release}\nBuildRequires: kernel-devel = %{kver}\nBuildRequires: clang(major) = 18\nBuildRequires: python3 = 3\nRequires: bar = 1.2.3\n', opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Summary: ü\nBuildRequires: bär = 1.0\n#              ^^^^^^^^^ buildrequires-exact-version\n', { ...opts, crlf: true });
});

testDocExamples(rule, { severities: { [rule]: 'hint' } });
