import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-preun-upgrade';
const HEAD = DKMS_SPEC_HEAD;

test(`${RULE}: unguarded remove in %preun and %postun`, () => {
  assertFindings(HEAD + `%preun
dkms remove -m foo -v %{version} --all || :
#<- ${RULE}
%postun
/usr/sbin/dkms uninstall foo/%{version} --all
#<- ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  for (const body of [
    'dkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :\n',
    'if [ "$1" -eq 0 ]; then\n  dkms remove -m foo -v %{version} --all\nfi\n',
    '[ $1 = 0 ] || exit 0\ndkms remove -m foo -v %{version} --all\n',
    'case "${1}" in 0|remove) dkms remove -m foo -v %{version} --all ;; esac\n',
    'for v in $old; do dkms remove -m foo -v $v --all; done\n',
    'dkms remove -m foo -v %{version} --all %{!?not_rpm:--rpm_safe_upgrade}\n',
  ]) assertFindings(HEAD + '%preun\n' + body, { rules: [RULE] });
  assertFindings(HEAD + '%pre\ndkms remove -m foo -v %{version} --all\n', { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%preun
echo "Entferne ✓"; dkms remove foo/1.2 --all
#                  ^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = HEAD + `%preun
dkms remove -m foo -v 1.2 --all >/dev/null || :
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `%preun
dkms remove -m foo -v 1.2 --all --rpm_safe_upgrade >/dev/null || :
`);
});

testDocExamples(RULE);
