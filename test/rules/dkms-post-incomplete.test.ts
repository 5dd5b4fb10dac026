import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-post-incomplete';
const HEAD = DKMS_SPEC_HEAD;

test(`${RULE}: add/build without install`, () => {
  assertFindings(HEAD + `%post
dkms add -m foo -v %{version} --rpm_safe_upgrade || :
#<- ${RULE}
dkms build -m foo -v %{version} || :
`, { rules: [RULE] });
  assertFindings(HEAD + `%post -p /bin/sh
  dkms build foo/%{version}
# ^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  for (const body of [
    'dkms install -m foo -v %{version} || :\n',
    'dkms add -m foo -v %{version}\ndkms build -m foo -v %{version}\ndkms install -m foo -v %{version}\n',
    'dkms add -m foo -v %{version}\n/usr/lib/dkms/common.postinst foo %{version}\n',
    'dkms add -m foo -v %{version}\ndkms autoinstall\n',
    'dkms add $ARGS\n',
  ]) assertFindings(HEAD + '%post\n' + body, { rules: [RULE] });
  // install in %posttrans of the same package
  assertFindings(HEAD + '%post\ndkms add -m foo -v 1\n%posttrans\ndkms install -m foo -v 1\n', { rules: [RULE] });
  // %preun only
  assertFindings(HEAD + '%preun\ndkms remove -m foo -v 1 --all\n', { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%description
Straße ✓
%post
echo "✓"; dkms add -m foo -v 1
#         ^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix adds dkms install after the last call`, () => {
  const before = HEAD + `%post
  dkms add -m foo -v %{version} || :
  dkms build -m foo -v %{version}
exit 0
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `%post
  dkms add -m foo -v %{version} || :
  dkms build -m foo -v %{version}
  dkms install -m foo -v %{version}
exit 0
`);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

testDocExamples(RULE);
