import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'non-break-space';
const POSITIVE = `${SPEC_HEAD}Requires: a\u00a0b
#          ^ non-break-space
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Requires: a b
`, { rules: [RULE] });
});

test(`${RULE}: comments, prose and Lua strings stay silent; code, tags and changelog headers do not`, () => {
  // libewf.spec ('#\u00a0Remove rpath'), sil-namdhinggo-fonts ('400\u00a0000 people' in %description),
  // google-noto-fonts (a Lua pattern matching U+00A0 on purpose).
  assertFindings(`${SPEC_HEAD}Summary: Fonts for 400\u00a0000 people
%global _description %{expand:
workers must finish operation\u00a0X first.}
#\u00a0Remove rpath
%dnl a\u00a0b
%description
Used by around 400\u00a0000 people.
%build
make # see\u00a0bug 1
make\u00a0install
#   ^ non-break-space
%{lua: text = string.gsub(text, "[ \u00a0]+", " ")}
%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1\u00a0
#                                          ^ non-break-space
- rebuilt for «\u00a0rpm-fonts\u00a0»
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Requires:\u00a0a
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Requires: a
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);
