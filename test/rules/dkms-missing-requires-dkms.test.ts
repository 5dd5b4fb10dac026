import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-missing-requires-dkms';
const HEAD = `Name: foo-dkms
Version: 1.2
Release: 1
Summary: Foo
License: MIT
BuildArch: noarch
`;

test(`${RULE}: positive, reported once per package`, () => {
  assertFindings(HEAD + `%post
dkms add -m foo -v %{version}
#<- ${RULE}
dkms install -m foo -v %{version}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  for (const req of ['Requires(post): dkms\n', 'Requires(preun): dkms >= 3\n', 'Requires: (dkms or dkms-compat)\n', 'Requires: foo-common\n%package -n foo-common\nSummary: c\nRequires: dkms\n']) {
    assertFindings(HEAD + req + `%post
dkms install -m foo -v %{version} || :
`, { rules: [RULE] });
  }
  assertFindings(HEAD + `%post
if command -v dkms >/dev/null; then dkms install -m foo -v %{version}; fi
`, { rules: [RULE] });
  assertFindings(`Name: dkms
Version: 3
%post
dkms autoinstall
`, { rules: [RULE] });
  assertFindings(HEAD + `%post
dkms status
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%post
echo "Ünïcode ✓" ; dkms install -m foo -v 1 || :
#                  ^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = HEAD + `%post
dkms install -m foo -v 1 || :
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `Requires:       dkms
%post
dkms install -m foo -v 1 || :
`);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

testDocExamples(RULE);
