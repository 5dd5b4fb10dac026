import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'mixed-use-of-spaces-and-tabs';
const ON = { rules: [RULE], severities: { [RULE]: 'information' as const } };
const POSITIVE = `Name:	test
Version:        1.0
# <- mixed-use-of-spaces-and-tabs
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, ON);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name:	test
Version:	1.0
`, ON);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { ...ON, crlf: true });
});

test(`${RULE}: off by default`, () => {
  assert.deepEqual(lintText(POSITIVE).filter((f) => f.rule === RULE), []);
});

test(`${RULE}: whitespace-only lines are not alignment`, () => {
  assertFindings(`Name:           test
Version:        1.0
%changelog
* Mon Jan 01 2024 Jane - 1.0-1
- one
\t
* Sun Dec 31 2023 Jane - 0.9-1
- two
 \t 
`, ON);
});

testDocExamples(RULE, { severities: ON.severities });
