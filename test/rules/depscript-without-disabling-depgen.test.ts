import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'depscript-without-disabling-depgen';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
%define __find_requires x
#       ^^^^^^^^^^^^^^^ depscript-without-disabling-depgen
%global __find_provides y
#       ^^^^^^^^^^^^^^^ depscript-without-disabling-depgen
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
%define _use_internal_dependency_generator 0
%define __find_requires x
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
