import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = '%autopatch-not-in-prep';
const POSITIVE = `${SPEC_HEAD}%install
%autopatch -p1
# <- %autopatch-not-in-prep
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%prep
%autopatch -p1
`, { rules: [RULE] });
  // dnssec-trigger.spec: patches applied after the build change its output (a second variant of the
  // generated example.conf); they cannot move to %prep.
  assertFindings(`${SPEC_HEAD}%build
%configure
%make_build

%autopatch -p1 2
cp -p example.conf dnssec-trigger-workstation.conf
%autopatch -p1 1
`, { rules: [RULE] });
  // Before the build it is still reported.
  assertFindings(`${SPEC_HEAD}%build
%autopatch -p1
# <- ${RULE}
%make_build
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
