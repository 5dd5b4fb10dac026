import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'buildrequires-exact-version';
const opts = { rules: [rule] };

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

testDocExamples(rule);
