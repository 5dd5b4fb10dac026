import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'comparison-operator-in-deptoken';
const POSITIVE = `${SPEC_HEAD}Requires: libfoo>=1.0
#         ^^^^^^^^^^^ comparison-operator-in-deptoken
Provides: test-x=%{version}
#         ^^^^^^^^^^^^^^^^^ comparison-operator-in-deptoken
Conflicts: bar<= 2
#          ^^^^^ comparison-operator-in-deptoken
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Requires: libfoo >= 1.0, baz >=2
Requires: (a or b)
Requires: %{?with_x:x >= 1}
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Requires: a>=1
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Requires: a >= 1
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

test('=> and =< alone (rpm reads them as >= and <=) and operators inside parentheses (arguments) are not reported', () => {
  assert.deepEqual(lintText('Name: foo\nBuildRequires: SDL-devel => 1.2.5, bar =< 2\nBuildRequires: font(:lang=en) perl(Foo::Bar)\n', { rules: ['comparison-operator-in-deptoken'] }), []);
});

testDocExamples(RULE);
