import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'setup-not-in-prep';
const POSITIVE = `${SPEC_HEAD}%build
%setup -q
# <- setup-not-in-prep
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%prep
%setup -q
%define s %setup -q
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);

test(`${RULE}: a %setup the spec defines itself is its own macro (picard: %define setup setup.py)`, () => {
  assertFindings(`%define setup setup.py
${SPEC_HEAD}%build
  %{setup}
sed -i 's/x/y/' %{setup}
`, { rules: [RULE] });
});
