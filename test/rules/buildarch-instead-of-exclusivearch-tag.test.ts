import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'buildarch-instead-of-exclusivearch-tag';
const POSITIVE = `${SPEC_HEAD}BuildArch: x86_64
# <- buildarch-instead-of-exclusivearch-tag
BuildArchitectures: i586
# <- buildarch-instead-of-exclusivearch-tag
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}BuildArch: noarch
ExclusiveArch: x86_64
`, { rules: [RULE] });
  assertFindings('Name: @NAME@\nBuildArch: @CPACK_RPM_PACKAGE_ARCHITECTURE@\n', { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
BuildArch: aarch64
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
ExclusiveArch: aarch64
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);
