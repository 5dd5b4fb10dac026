import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'no-%prep-section';
const POSITIVE = `Name: test
# <- no-%prep-section
Version: 1
Source0: https://example.org/test-%{version}.tar.gz
%build
%install
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name: test
BuildSystem: meson
`, { rules: [RULE] });
  assertFindings(`Version: 1
%build
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: a package with nothing to unpack or patch needs no %prep (gnat-srpm-macros.spec)`, () => {
  // gnat-srpm-macros installs its one Source, a macro file, straight from %{SOURCE1}.
  assertFindings(`Name:           gnat-srpm-macros
Version:        7
Release:        3%{?dist}
Summary:        RPM macros needed when source packages that need GNAT are built
License:        FSFAP
Source1:        macros.gnat-srpm
BuildArch:      noarch

%description
Macros.

%install
mkdir -p %{buildroot}/%{rpmmacrodir}
install -p -m 0644 -t %{buildroot}/%{rpmmacrodir} %{SOURCE1}

%files
%{rpmmacrodir}/*
`, { rules: [RULE] });
  // a meta-package without sources
  assertFindings(`Name: texlive-scheme-basic
Version: 1
%build
%install
%files
`, { rules: [RULE] });
  // appstream-data: a compressed file and a tarball handed to a tool as files
  assertFindings(`Name: appstream-data
Version: 44
Source1: https://example.org/f%{version}/fedora-%{version}.xml.gz
Source2: https://example.org/f%{version}/fedora-%{version}-icons.tar.gz
%install
DESTDIR=%{buildroot} appstream-util install-origin fedora %{SOURCE1} %{SOURCE2}
`, { rules: [RULE] });
});

test(`${RULE}: patches, an archive unpacked elsewhere or never used, a build directory, a Source that does not expand`, () => {
  const reported = (body: string) => assertFindings(`Name: test
# <- no-%prep-section
Version: 1
${body}`, { rules: [RULE] });
  reported('Source0: macros.test\nPatch0: fix.patch\n%install\n');
  reported('Source0: test-%{version}.zip\n%build\nunzip %{SOURCE0}\n');
  reported('Source0: test-%{version}.tar.xz\n%build\nmake\n');
  reported('Source0: macros.test\n%build\ncd %{buildsubdir}\n');
  reported('Source0: %{forgesource}\n%build\nmake\n');
});

testDocExamples(RULE);
