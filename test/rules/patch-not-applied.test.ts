import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'patch-not-applied';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
Patch0: a.patch
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
  assertFindings(`Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
Patch0: a.patch
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
