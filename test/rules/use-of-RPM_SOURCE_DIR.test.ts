import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'use-of-RPM_SOURCE_DIR';
const POSITIVE = `${SPEC_HEAD}
%install
cp $RPM_SOURCE_DIR/a \${RPM_SOURCE_DIR}/b .
#  ^^^^^^^^^^^^^^^ use-of-RPM_SOURCE_DIR
#                    ^^^^^^^^^^^^^^^^^ use-of-RPM_SOURCE_DIR
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}
%description
Uses $RPM_SOURCE_DIR.
%install
# $RPM_SOURCE_DIR
cp %{_sourcedir}/a .
echo \\$RPM_SOURCE_DIR
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
%prep
cp $RPM_SOURCE_DIR/x .
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
%prep
cp %{_sourcedir}/x .
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);

test('use-of-RPM_SOURCE_DIR: information, not an error or a warning (rpmbuild still sets the variable, the spec builds)', () => {
  const findings = lintText(`Name: a
%install
cp $RPM_SOURCE_DIR/x %{buildroot}/
`, { rules: ['use-of-RPM_SOURCE_DIR'] });
  assert.deepEqual(findings.map((f) => f.severity), ['information']);
});
