import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = '%ifarch-applied-patch';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
Patch0: a.patch
Patch1: b.patch
%prep
%ifarch x86_64
%if 1
%patch -P 0 -p1
# <- %ifarch-applied-patch
%endif
%endif
%patch -P 1
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
%prep
%if 0%{?fedora}
%patch -P 0
%endif
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
