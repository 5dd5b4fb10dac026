import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'hardcoded-path-in-buildroot-tag';
const POSITIVE = `${SPEC_HEAD}BuildRoot: /var/tmp/test-buildroot
#          ^^^^^^^^^^^^^^^^^^^^^^^ hardcoded-path-in-buildroot-tag
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}BuildRoot: %{_tmppath}/%{name}-%{version}-build
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
