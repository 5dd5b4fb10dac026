import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'make-check-outside-check-section';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
%build
make check
# <- make-check-outside-check-section
cd x && %{__make} -C sub test
#       ^^^^^^^^^^^^^^^^^^^^^ make-check-outside-check-section
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
%check
make check
%build
# make check
make checkout
cmake test
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
