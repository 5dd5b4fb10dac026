import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'use-of-RPM_SOURCE_DIR';
const ON = { rules: [RULE], severities: { [RULE]: 'information' as const } };
const POSITIVE = `${SPEC_HEAD}
%install
cp $RPM_SOURCE_DIR/a \${RPM_SOURCE_DIR}/b .
#  ^^^^^^^^^^^^^^^ use-of-RPM_SOURCE_DIR
#                    ^^^^^^^^^^^^^^^^^ use-of-RPM_SOURCE_DIR
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, ON);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}
%description
Uses $RPM_SOURCE_DIR.
%install
# $RPM_SOURCE_DIR
cp %{_sourcedir}/a .
echo \\$RPM_SOURCE_DIR
`, ON);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { ...ON, crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
%prep
cp $RPM_SOURCE_DIR/x .
`;
  const findings = lintText(before, ON);
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
%prep
cp %{_sourcedir}/x .
`);
  assert.deepEqual(lintText(applyFixes(before, findings), ON), []);
});

testDocExamples(RULE, { severities: { [RULE]: 'information' } });

test('use-of-RPM_SOURCE_DIR: off by default (rpmbuild still sets the variable, the spec builds; httpd.spec uses it for declared sources)', () => {
  const text = `Name: httpd
Source11: httpd.conf
%install
install -m 644 $RPM_SOURCE_DIR/httpd.conf \\
    $RPM_BUILD_ROOT%{_sysconfdir}/httpd/conf/httpd.conf
`;
  assert.deepEqual(lintText(text, { rules: ['use-of-RPM_SOURCE_DIR'] }), []);
  assert.deepEqual(lintText(text, { rules: ['use-of-RPM_SOURCE_DIR'], severities: { 'use-of-RPM_SOURCE_DIR': 'information' } }).map((f) => f.severity), ['information']);
});
