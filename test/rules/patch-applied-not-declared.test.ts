import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'patch-applied-not-declared';
const opts = { rules: [rule] };

test('undeclared numbers in every %patch form', () => {
  assertFindings(`Name: foo
Patch0: a.patch
Patch2: b.patch
%prep
%setup -q
%patch -P 1 -p1
#         ^ ${rule}
%patch 3 -p1
#      ^ ${rule}
%patch -P4 -p1
#        ^ ${rule}
%patch5 -p1
# <- ${rule}
%patch -P 0 -p1
%patch 2
`, opts);
});

test('a spec without any Patch tag', () => {
  const f = assertFindings('Name: foo\n%prep\n%patch -P 7 -p1\n#         ^ patch-applied-not-declared\n', opts);
  assert.match(f[0].message, /declares no Patch tags/);
});

test('near misses: unnumbered Patch:, %patchlist, macros, %define bodies, comments, option values', () => {
  assertFindings('Name: foo\nPatch: a.patch\nPatch: b.patch\n%prep\n%patch -P 0 -p1\n%patch -P 1 -p1\n', opts);
  assertFindings('Name: foo\n%patchlist\na.patch\n%prep\n%patch -P 0 -p1\n', opts);
  assertFindings('Name: foo\nPatch0: a\n%define apply() %patch -P 9 -p1\n%prep\n%patch -P %{n} -p1\n# %patch -P 4\n%patch -P 0 -p 1 -F 3 -b .x\n', opts);
  assertFindings('Name: foo\nPatch0: a\n%prep\n%autosetup -p1\n%autopatch -p1\n', opts);
});

test('CRLF and non-ASCII before the number', () => {
  assertFindings('Name: föö\nPatch0: ä.patch\n%prep\n%patch -P 8 -p1\n#         ^ patch-applied-not-declared\n', { ...opts, crlf: true });
});

testDocExamples(rule);
