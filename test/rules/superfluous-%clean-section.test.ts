import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'superfluous-%clean-section';
const POSITIVE = `${SPEC_HEAD}%clean
# <- superfluous-%clean-section
rm -rf $RPM_BUILD_ROOT
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%install
# %clean
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
%clean
rm -rf %{buildroot}

%files
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
%files
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);

test(`${RULE}: a %clean that also removes build-directory files is not superfluous (systemd, docbook-simple)`, () => {
  assertFindings(`${SPEC_HEAD}%clean
rm -rf \\
    $RPM_BUILD_ROOT \\
    .file-list-* \\
    debugfiles.list
`, { rules: [RULE] });
  assertFindings(`${SPEC_HEAD}%clean
rm -rf $RPM_BUILD_ROOT
rm -rf ../%{version}
`, { rules: [RULE] });
});
