import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import assert from 'node:assert/strict';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'no-%build-section';
const POSITIVE = `Name: test
# <- no-%build-section
%prep
%install
%configure
%make_install
`;

test(`${RULE}: reports a spec that builds outside %build`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
  const [finding] = lintText(POSITIVE.replace('# <- no-%build-section\n', ''), { rules: [RULE] });
  assert.equal(finding.message, "The spec has no %build section but builds in %install (line 4: '%configure'): move the build to %build");
  assertFindings(`Name: test
# <- no-%build-section
%install
CFLAGS="%{optflags}" make -C src
make install DESTDIR=%{buildroot}
`, { rules: [RULE] });
});

test(`${RULE}: a spec that only copies files needs no %build (rpm does not require one)`, () => {
  // mozilla-filesystem, kf5 (macro files), sse2neon (a header; its tests are built in %check),
  // btrbk and autorandr (scripts installed by `make install`), colorgcc (a loop over compiler names).
  assertFindings(`Name: test
%prep
%setup -q
%install
mkdir -p %{buildroot}%{_libdir}/mozilla/plugins
install -pm644 sse2neon.h %{buildroot}%{_includedir}/
%make_install PREFIX=%{_prefix}
make install DESTDIR=%{buildroot}
make DESTDIR=%{buildroot} PREFIX=%{_prefix} \\
     install
for n in cc gcc g++; do ln -s colorgcc %{buildroot}%{_bindir}/$n; done
%check
%make_build -C test
%files
`, { rules: [RULE] });
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
