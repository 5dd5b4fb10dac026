import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'hardcoded-path-in-buildroot-tag';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
BuildRoot: /var/tmp/test-buildroot
#          ^^^^^^^^^^^^^^^^^^^^^^^ hardcoded-path-in-buildroot-tag
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
BuildRoot: %{_tmppath}/%{name}-%{version}-build
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
