import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'duplicate-dependency';
const opts = { rules: [rule] };

test('duplicates on separate lines and in one list', () => {
  assertFindings(`Name: foo
BuildRequires: gcc
BuildRequires: make, gcc
#                    ^^^ ${rule}
Requires(post): systemd
Requires(post): systemd
#               ^^^^^^^ ${rule}
Requires: bar >= 1.0
Requires: bar  >=  1.0
#         ^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: other arms, packages, qualifiers, versions', () => {
  assertFindings(`Name: foo
BuildRequires: gcc
%if 0%{?fedora}
BuildRequires: gcc
%else
BuildRequires: gcc
%endif
Requires: bar
Requires(post): bar
Requires: bar >= 2
Provides: bar
%package devel
Requires: bar
`, opts);
});

test('fix deletes a duplicate line only when it holds one dependency; CRLF', () => {
  assert.equal(fixed('Name: é\nBuildRequires: gcc\nBuildRequires: gcc\nBuildRequires: x\n', rule), 'Name: é\nBuildRequires: gcc\nBuildRequires: x\n');
  assert.equal(fixed('Name: é\r\nBuildRequires: gcc\r\nBuildRequires: gcc\r\n', rule), 'Name: é\r\nBuildRequires: gcc\r\n');
  assert.equal(fixed('Name: é\nBuildRequires: gcc\nBuildRequires: gcc make\n', rule), 'Name: é\nBuildRequires: gcc\nBuildRequires: gcc make\n');
  assertFindings('Name: é\nBuildRequires: bär\nBuildRequires: bär\n#              ^^^ duplicate-dependency\n', { ...opts, crlf: true });
});

testDocExamples(rule);
