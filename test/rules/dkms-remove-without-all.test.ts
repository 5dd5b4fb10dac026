import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-remove-without-all';
const HEAD = `${DKMS_SPEC_HEAD}%global module foo
`;

test(`${RULE}: every spelling of dkms remove`, () => {
  assertFindings(HEAD + `%preun
dkms remove -m %{module} -v %{version} --rpm_safe_upgrade || :
#<- ${RULE}
/usr/sbin/dkms remove foo/1.2 >/dev/null 2>&1
#<- ${RULE}
if [ "$1" = 0 ]; then %{_sbindir}/dkms remove -m foo/%{version} -q; fi
#                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `%preun
dkms remove -m foo -v %{version} --all || :
dkms remove -m foo -v %{version} -k $(uname -r)
dkms remove $DKMS_ARGS
dkms status -m foo
dkms remove -m foo -v 1 %{?dkms_all:--all}
echo "dkms remove -m foo -v 1"
# dkms remove -m foo -v 1

%build
echo building
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%description
Über ✓
%preun
  dkms remove -m foo -v 1.2 ; true
# ^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix puts --all after the arguments`, () => {
  const before = HEAD + `%preun
dkms remove -m foo -v 1.2 >/dev/null 2>&1 || :
dkms remove foo/1.2 && echo ok | tee log
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `%preun
dkms remove -m foo -v 1.2 --all >/dev/null 2>&1 || :
dkms remove foo/1.2 --all && echo ok | tee log
`);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

test(`${RULE}: calls inside a macro the scriptlet expands`, () => {
  assertFindings(`%define dkms_remove \\
dkms remove -m foo -v 1.2 || :
#<- ${RULE}
` + HEAD + `%preun
%{dkms_remove}
`, { rules: [RULE] });
});

testDocExamples(RULE);
