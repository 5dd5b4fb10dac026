import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'patch-not-applied';
const POSITIVE = `${SPEC_HEAD}Patch0: a.patch
# <- patch-not-applied
Patch1: b.patch
Patch2: c.patch
Patch3: d.patch
# <- patch-not-applied
%prep
%patch -P1 -p1
%patch 2 -p1
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Patch0: a.patch
Patch1: b.patch
Patch2: c.patch
%prep
%patch0 -p1
git apply %{PATCH1}
patch -p1 < %{_sourcedir}/c.patch
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
