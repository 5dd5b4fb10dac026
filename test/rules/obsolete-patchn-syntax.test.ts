import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { lintText } from '../helpers/fixtures';
import { ruleTester } from '../helpers/ruleTester';

const rule = 'obsolete-patchn-syntax';

ruleTester(rule, {
  valid: [
    { name: '%patch -P N, %patch N, comments, %{PATCH0}, %autopatch', code: 'Name: foo\nPatch0: a.patch\n%prep\n%setup -q\n%patch -P 0 -p1\n%patch 0 -p1\n# %patch0 -p1\npatch -p1 < %{PATCH0}\n%autopatch -p1\n' },
  ],
  invalid: [
    {
      name: '%patchN forms are reported and rewritten to %patch -P N',
      code: `Name: foo
Patch0: a.patch
Patch12: b.patch
%prep
%setup -q
%patch0 -p1
# <- ${rule}:patchN
  %patch12 -p1 -b .orig
# ^^^^^^^^ ${rule}:patchN
`,
      errors: [{ messageId: 'patchN', data: { n: '0' } }, { messageId: 'patchN', data: { n: '12' } }],
      output: 'Name: foo\nPatch0: a.patch\nPatch12: b.patch\n%prep\n%setup -q\n%patch -P 0 -p1\n  %patch -P 12 -p1 -b .orig\n',
    },
    {
      name: 'the fix keeps the options; non-ASCII text',
      code: `Name: foo\nSummary: Café\nPatch3: a.patch\n%prep\n%patch3 -p1 -b .x\n# <- ${rule}\n%patch3\n# <- ${rule}\n`,
      output: 'Name: foo\nSummary: Café\nPatch3: a.patch\n%prep\n%patch -P 3 -p1 -b .x\n%patch -P 3\n',
    },
    {
      // The braced form gets no fix (only %patchN lines are rewritten).
      name: '%{patch0} is reported beside %patchN',
      code: `Name: foo\nPatch0: a.patch\n%prep\n%setup -q\n%patch0 -p1\n# <- ${rule}:patchN\n%{patch0}\n# <- ${rule}:patchN\n`,
      output: 'Name: foo\nPatch0: a.patch\n%prep\n%setup -q\n%patch -P 0 -p1\n%{patch0}\n',
    },
    { name: 'no fix when a -P is already there', code: `Name: a\nPatch1: a\nPatch2: b\n%prep\n%patch1 -P 2\n# <- ${rule}:patchN\n`, output: null },
  ],
});

testDocExamples(rule);

test('severity follows the profile: error on fedora (rpm ≥ 4.20 refuses %patchN), warning elsewhere', () => {
  const text = `Name: foo
Patch0: a.patch
%prep
%setup -q
%patch0 -p1
`;
  const opts = { rules: [rule] };
  assert.deepEqual(lintText(text, { ...opts, distro: 'fedora' }).map((f) => f.severity), ['error']);
  assert.deepEqual(lintText(text, { ...opts, distro: 'rhel' }).map((f) => f.severity), ['warning']);
  assert.deepEqual(lintText(text, { ...opts, distro: 'fedora', severities: { [rule]: 'information' } }).map((f) => f.severity), ['information']);
});
