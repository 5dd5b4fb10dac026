import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-status-parsing'] };
const HEAD = 'Name: foo\nVersion: 1.0\nRelease: 1\nSummary: s\nLicense: MIT\nBuildArch: noarch\n%description\nd\n';

test('fields, separators and states taken from dkms status in a pipe, $(…) and backquotes', () => {
  const f = assertFindings(`${HEAD}%post
v=$(dkms status foo | awk -F', ' '{print $2}')
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-status-parsing
if dkms status -m foo | grep -q ": installed"; then :; fi
#  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-status-parsing
n=\`dkms status | grep "foo, %{version}"\`
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-status-parsing
`, opts);
  assert.match(f[0].message, /format changed between dkms versions .*"name\/version, kernel, arch: installed" since 3\.0/);
});

test('near misses: dkms status alone, || after it, %build, comments, CRLF', () => {
  assertFindings(`${HEAD}%build\ndkms status | awk '{print $2}'\n%post\ndkms status\ndkms status -m foo || :\n# dkms status | cut -d, -f2\n`, { ...opts, crlf: true });
  // a test for the name alone reads the same on every dkms (openzfs, bcachefs-tools)
  assertFindings(`${HEAD}%preun\nif [ \`dkms status -m foo -v 1 | grep -c foo\` -gt 0 ]; then :; fi\nif [ "$(dkms status -m foo -v 1)" ]; then :; fi\nn=$(dkms status | grep "%{name}" | grep "%{version}" | wc -l)\n`, opts);
  assert.ok(true);
});

testDocExamples('dkms-status-parsing');
