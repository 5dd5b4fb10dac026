import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'depscript-without-disabling-depgen';
const POSITIVE = `${SPEC_HEAD}%define __find_requires x
#       ^^^^^^^^^^^^^^^ depscript-without-disabling-depgen
%global __find_provides y
#       ^^^^^^^^^^^^^^^ depscript-without-disabling-depgen
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%define _use_internal_dependency_generator 0
%define __find_requires x
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
