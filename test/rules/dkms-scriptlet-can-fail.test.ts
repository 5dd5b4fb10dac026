import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-scriptlet-can-fail';
const HEAD = DKMS_SPEC_HEAD;

test(`${RULE}: last command, inside a trailing block, exit $?, set -e`, () => {
  assertFindings(HEAD + `%post
dkms add -m foo -v %{version} || :
dkms install -m foo -v %{version}
#<- ${RULE}
%preun
if [ "$1" -eq 0 ]; then
  dkms remove -m foo -v %{version} --all
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
else
  echo upgrade
fi
%postun
dkms status
dkms remove -m foo -v 1 --all >/dev/null
#<- ${RULE}
exit $?
%posttrans
set -e
dkms build -m foo -v 1
#<- ${RULE}
dkms install -m foo -v 1 && echo ok
echo done
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `%post
dkms add -m foo -v %{version}
dkms install -m foo -v %{version} || :
%preun
dkms remove -m foo -v %{version} --all
exit 0
%postun
if dkms status -m foo | grep -q foo; then echo x; fi
dkms remove -m foo -v 1 --all || true
%pretrans
dkms remove -m foo -v 1 --all
echo cleaned
%triggerin -- kernel
dkms autoinstall >/dev/null 2>&1 || exit 0
%posttrans -p <lua>
print("dkms install")
`, { rules: [RULE] });
  // set -e but protected
  assertFindings(HEAD + `%post
set -e
dkms install -m foo -v 1 || :
if dkms build -m foo -v 1; then :; fi
echo ok
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%post
echo "✓ grüß"; dkms install -m foo -v 1
#              ^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix appends || :`, () => {
  const before = HEAD + `%preun
dkms remove -m foo -v 1 --all >/dev/null 2>&1
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `%preun
dkms remove -m foo -v 1 --all >/dev/null 2>&1 || :
`);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

testDocExamples(RULE);
