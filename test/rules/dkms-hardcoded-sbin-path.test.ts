import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-hardcoded-sbin-path';
const HEAD = `Name: foo-dkms
Version: 1.2
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: positives`, () => {
  assertFindings(HEAD + `%post
/usr/sbin/dkms add -m foo -v %{version}
#<- ${RULE}
    /sbin/dkms build -m foo -v %{version} || :
#   ^^^^^^^^^^ ${RULE}
"/usr/sbin/dkms" install -m foo -v %{version}
#^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `%prep
/usr/sbin/dkms mktarball -m foo -v 1
%post
if [ -x /usr/sbin/dkms ]; then dkms install -m foo -v 1; fi
%{_sbindir}/dkms install -m foo -v 1
/usr/bin/dkms-helper install
# /usr/sbin/dkms remove
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%post
echo "ünïcode ✓"; /usr/sbin/dkms install -m foo -v 1
#                 ^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = HEAD + `%preun
/usr/sbin/dkms remove -m foo -v 1 --all || :
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `%preun
dkms remove -m foo -v 1 --all || :
`);
});

testDocExamples(RULE);
