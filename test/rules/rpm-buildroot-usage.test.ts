import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'rpm-buildroot-usage';
const POSITIVE = `${SPEC_HEAD}%prep
cp x %{buildroot}
#    ^^^^^^^^^^^^ rpm-buildroot-usage
%build
echo $RPM_BUILD_ROOT %buildroot
#    ^^^^^^^^^^^^^^^ rpm-buildroot-usage
install -d %{buildroot}/usr
%post
ls \${RPM_BUILD_ROOT}
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: one finding per section, counting the other uses`, () => {
  const [finding] = assertFindings(POSITIVE, { rules: [RULE] }).filter((f) => f.range.start.line === 8);
  assert.match(finding.message, /2 more uses in this section/);
});

test(`${RULE}: information (the build root handed on as an install destination usually works)`, () => {
  assert.deepEqual(lintText(POSITIVE, { rules: [RULE] }).map((f) => f.severity), ['information', 'information']);
  assert.match(lintText(POSITIVE, { rules: [RULE] })[0].message, /^The build root is used in %prep: rpm empties it before %install/);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%build
echo %%{buildroot} \\$RPM_BUILD_ROOT # %{buildroot}
%install
rm -rf %{buildroot}
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);

test('rpm-buildroot-usage: %build of a spec that keeps the build root (%__spec_install_pre without rm -rf) is not checked', () => {
  const head = 'Name: k\nVersion: 1\nRelease: 1\nSummary: K\nLicense: MIT\n';
  assert.deepEqual(lintText(`%global __spec_install_pre %{___build_pre}\n${head}%build\nmkdir -p $RPM_BUILD_ROOT/boot\n`, { rules: ['rpm-buildroot-usage'] }), []);
  assert.equal(lintText(`${head}%build\nmkdir -p $RPM_BUILD_ROOT/boot\n`, { rules: ['rpm-buildroot-usage'] }).length, 1);
});

test(`${RULE}: $RPM_BUILD_ROOT in single quotes is text for another script, not a use (arm-none-eabi-gcc-cs)`, () => {
  assertFindings(`${SPEC_HEAD}%prep
cat os_install_post~ | while read a x y; do
case $a in
*/brp-strip*)
  sed -e 's,find "*$RPM_BUILD_ROOT"*,find "$RPM_BUILD_ROOT%_bindir",' $a > b
  ;;
esac
done
echo "$RPM_BUILD_ROOT"
#     ^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});
