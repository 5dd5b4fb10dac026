import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'hardcoded-prefix-tag';
const POSITIVE = `${SPEC_HEAD}Prefix: /usr
#       ^^^^ hardcoded-prefix-tag
Prefix: /opt/test
#       ^^^^^^^^^ hardcoded-prefix-tag
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Prefix: %{_prefix}
Prefix: @PREFIX@
`, { rules: [RULE] });
  // libvirt-java: a word, not a path (rpm 4.18 builds it; %{prefix} names the jar): no macro to suggest
  assertFindings(`${SPEC_HEAD}Prefix:     libvirt
%install
cp target/%{prefix}-%{version}.jar %{buildroot}%{_javadir}/%{prefix}.jar
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Prefix: /usr
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Prefix: %{_prefix}
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);
