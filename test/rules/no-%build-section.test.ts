import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'no-%build-section';
const POSITIVE = `Name: test
# <- no-%build-section
%prep
%install
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name: test
%include common.inc
`, { rules: [RULE] });
  assertFindings(`Name: test
%build
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: specs with nothing to compile by design stay silent (go2rpm source-only library, noarch)`, () => {
  // golang-github-jmoiron-sqlx.spec (go2rpm library template: %gometa, %goprep, %gopkginstall).
  assertFindings(`%global goipath github.com/jmoiron/sqlx
%gometa
Name: %{goname}
%prep
%goprep
%install
%gopkginstall
%gopkgfiles
`, { rules: [RULE] });
  assertFindings(`Name: test
BuildArch: noarch
%prep
%install
`, { rules: [RULE] });
  // hedley.spec: a header-only library; only the noarch -devel package is built.
  assertFindings(`Name: test
%prep
%install
%package devel
Summary: Headers
BuildArch: noarch
%files devel
`, { rules: [RULE] });
  // A Go spec that builds a command still needs %build.
  assertFindings(`%gometa
Name: test
# <- no-%build-section
%prep
%goprep
%install
%gobuild -o %{gobuilddir}/bin/x %{goipath}
`, { rules: [RULE] });
});

test(`${RULE}: a header written inside a macro counts (rlwrap's %{?conf:%build})`, () => {
  assertFindings(`Name: test
%prep
%{?conf:%conf}
%{!?conf:%build}
./configure
%{?conf:%build}
make
%install
`, { rules: [RULE] });
});

testDocExamples(RULE);
