import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'unversioned-same-spec-requires';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;
const SIBLING = `
%package plugins
Summary: Plugins
Provides: foo-plugin-api = %{version}-%{release}
Provides: pkgconfig(foo-plugins) = %{version}
`;

test(`${RULE}: positives`, () => {
  assertFindings(HEAD + `Requires: foo-plugin-api pkgconfig(foo-plugins)
#         ^^^^^^^^^^^^^^ ${RULE}
#                        ^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
` + SIBLING, { rules: [RULE] });
});

test(`${RULE}: packages already pinned to each other's exact build stay silent (perl-Archive-Extract, perl-Getopt-Long)`, () => {
  // every provider of the alternative pins the requiring package
  assertFindings(HEAD + `Requires: foo-zip
%package unzip
Summary: u
Requires: foo = %{version}-%{release}
Provides: foo-zip = %{version}-%{release}
%package infozip
Summary: i
Requires: %{name} = %{version}-%{release}
Provides: foo-zip = %{version}-%{release}
`, { rules: [RULE] });
  // the requiring package pins the provider
  assertFindings(HEAD + `Provides: perl(newgetopt.pl) = 1
%package tests
Summary: t
Requires: %{name} = %{version}-%{release}
Requires: perl(newgetopt.pl)
`, { rules: [RULE] });
  // pinned through another package (ruby.spec: ruby-devel = ruby = ruby-libs, which provides ruby(release))
  assertFindings(HEAD.replace(/^Name: .*$/m, 'Name: ruby') + `Requires: %{name}-libs%{?_isa} = %{version}-%{release}
%package devel
Summary: d
Requires: %{name}%{?_isa} = %{version}-%{release}
Requires: ruby(release)
%package libs
Summary: l
Provides: ruby(release) = 3.4.0
`, { rules: [RULE] });
  // one provider not pinned: still reported
  assertFindings(HEAD + `Requires: foo-zip
#         ^^^^^^^ ${RULE}
%package unzip
Summary: u
Requires: foo = %{version}-%{release}
Provides: foo-zip = %{version}-%{release}
%package infozip
Summary: i
Provides: foo-zip = %{version}-%{release}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `Requires: foo-plugin-api >= 1.0
BuildRequires: foo-plugin-api
Requires: foo-other
` + SIBLING + `Requires: foo-plugin-api
Provides: foo-other
%package -n libfoo
Summary: lib
Provides: libfoo = %{version}-%{release}
%package devel
Summary: devel
Requires: libfoo
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# Grüße ✓\n' + HEAD + `Requires:\tfoo-plugin-api
#        \t^^^^^^^^^^^^^^ ${RULE}
` + SIBLING, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix requires the provided version`, () => {
  const before = HEAD + 'Requires: foo-plugin-api\n' + SIBLING;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + 'Requires: foo-plugin-api = %{version}-%{release}\n' + SIBLING);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

testDocExamples(RULE);

test('unversioned-same-spec-requires: alternatives provided at different versions are left alone (clamav: data(clamav) = full / = empty)', () => {
  assertFindings(`Name: clamav
Version: 1.4
Release: 1
Summary: C
License: GPL-2.0-only
Requires: data(clamav)
%package data
Summary: d
Provides: data(clamav) = full
%package filesystem
Summary: f
Provides: data(clamav) = empty
`, { rules: ['unversioned-same-spec-requires'] });
});

test('unversioned-same-spec-requires: texlive-base, rewritten by its generator at each update, is left to it', () => {
  const text = `%global tl_version 2025
Name: texlive-base
Version: 20250308
Release: 1
Summary: T
License: LPPL-1.3c
Requires: tex-kpathsea
%package -n texlive-kpathsea
Summary: k
Provides: tex-kpathsea = %{epoch}:%{source_date}-%{release}
`;
  assertFindings(text, { rules: [RULE] });
  assertFindings(text.replace('%global tl_version 2025\n', '').replace('Requires: tex-kpathsea', `Requires: tex-kpathsea\n#         ^^^^^^^^^^^^ ${RULE}`), { rules: [RULE] });
});
