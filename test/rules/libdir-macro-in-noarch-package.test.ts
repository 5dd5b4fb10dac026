import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'libdir-macro-in-noarch-package';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
BuildArch: noarch
%files
%{_libdir}/a
# <- libdir-macro-in-noarch-package
/usr/%_lib/b
#    ^^^^^ libdir-macro-in-noarch-package
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
%package x
Summary: x
%files
%{_libdir}/a
%files x
%{_libdir}/b
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
