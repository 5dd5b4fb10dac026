import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'unused-macro';
// Off by default (docs/precision.md: 47 of 60 sampled findings right): the tests turn it on.
const opts = { rules: [rule], severities: { [rule]: 'hint' as const } };

test('definitions nothing reads', () => {
  const f = assertFindings(`Name: foo
%global oldver 1.2
#       ^^^^^^ ${rule}
%define  spare  x
#        ^^^^^ ${rule}
`, opts);
  assert.equal(f[0].tags?.[0], 'unnecessary');
});

test('near misses: uses of every kind, rpm settings, inputs, constructed names', () => {
  assertFindings(`Name: foo
%global a 1
%global b 2
%global c 3
%global d 4
%global e 5
%global f 6
%global _hardened_build 1
%global __requires_exclude ^libx
%global debug_package %{nil}
%global forgeurl https://example.org/x
%global with_docs 1
%global fontfamily Foo
%global ghc_debuginfo 1
%global rustflags_debuginfo 1
%global summary_server Server kernel
Version: %{a}
Release: %{?b}
%{lua: print(macros.c)}
%{expand:%%global g %%{d}}
%global h %e
Summary: %{summary_%{flavour}}
%install
echo %f %{g} %{h}
`, opts);
  assertFindings('Name: foo\n%include common.inc\n%global x 1\n', opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Name: föö\n%global ünused 1\n%global spare 1\n#       ^^^^^ unused-macro\n', { ...opts, crlf: true });
});

test('kmodtool reads %AkmodsBuildRequires', () => {
  assertFindings(`Name: foo-kmod
%global AkmodsBuildRequires libfoo-devel
%global really_unused 1
#       ^^^^^^^^^^^^^ unused-macro
`, opts);
});

test('Fedora\'s octave macros read %octpkg in %octpkgdir/%octpkglibdir (NLopt.spec)', () => {
  assertFindings(`Name: NLopt
%package -n octave-%{name}
%global octpkg %{name}
%global octpkg_unused 1
#       ^^^^^^^^^^^^^ unused-macro
Summary: Octave bindings
%install
mkdir -p %{buildroot}%{octpkgdir}/packinfo
%files -n octave-%{name}
%{octpkglibdir}
%{octpkgdir}
`, opts);
});

test('sblim-cmpi-devel\'s %sblim_pre/%sblim_post/%sblim_preun read SCHEMA and REGISTRATION (sblim-cmpi-syslog.spec)', () => {
  assertFindings(`Name: sblim-cmpi-syslog
BuildRequires: sblim-cmpi-devel
%files
%{_datadir}/sblim-cmpi-syslog

%global SCHEMA %{_datadir}/sblim-cmpi-syslog/Syslog_Log.mof %{_datadir}/sblim-cmpi-syslog/Syslog_Service.mof
%global REGISTRATION %{_datadir}/sblim-cmpi-syslog/Syslog_Log.registration
%global SCHEMA_EXTRA 1
#       ^^^^^^^^^^^^ unused-macro

%pre
%sblim_pre

%post
%sblim_post

%preun
%sblim_preun
`, opts);
});

test('names a Lua block builds by concatenation count as used (swift-lang: rpm.expand("%{?subdir" .. i .. "}"))', () => {
  assertFindings(`Name: foo
%global subdir0 swift
%global subdir1 swift-atomics
%global patchdir0 a
%global unrelated 1
#       ^^^^^^^^^ unused-macro
%prep
%{lua:
for i = 0, 1 do
  local subdir = rpm.expand("%{?subdir" .. i .. "}")
  print(macros["patchdir" .. i])
end
}
`, opts);
});

test('distprefix is read by the forge and Go macros', () => {
  // golang-cloud-google-compute-metadata.spec: `%global distprefix %{nil}` before %gometa.
  assertFindings(`Name: foo
%global distprefix %{nil}
%gometa
`, opts);
});

test('numbered forge inputs (%forgemeta -a), the mingw build switches and redhat-rpm-config inputs are read by their macros', () => {
  // swift-lang.spec (tag26 …, %forgemeta -a), mingw-openssl.spec (mingw_build_ucrt64), unity-gtk-module.spec (build_type_safety_c).
  assertFindings(`Name: foo
%global mingw_build_ucrt64 1
%global build_type_safety_c 2
%global forgeurl3 https://github.com/a/b
%global tag26 v1.0
%global version0 1.0
%global srcname0 foo
#       ^^^^^^^^ unused-macro
%forgemeta -a
`, opts);
});

test('inputs of go-rpm-macros, python-rpm-macros, ghc-rpm-macros, gap-devel and add-determinism are read by their macros', () => {
  // cri-o1.35.spec, gap-pkg-alnuth.spec, gap-pkg-edim.spec, a python %py3_build spec, a ghc spec, a Java spec
  assertFindings(`Name: foo
%global currentgoldflags   %{nil}
%global gap_skip_check %{?with_bootstrap}
%global gap_makedoc makedocrel.g
%global py_setup_args --with-cython
%define cabal_configure_options --ghc-option="-O0"
%define add_determinism_options --handler=-jar
`, opts);
});

test('snapshot bookkeeping of source templates is kept on purpose (php-sebastian-environment7.spec, PackageKit-Qt.spec, lxrandr.spec)', () => {
  assertFindings(`%global gh_commit    b1b7c5b5bfd3e2c4b9b4f3d7ea9a3c3b3e0f0f0f
%global gh_short     %(c=%{gh_commit}; echo \${c:0:7})
%global gh_owner     sebastianbergmann
%global gh_project   environment
%global gh_date      2025-05-21
%global gitdate 20250914.113000
%global commitdate 20240101
%global gittag v1.8.6
%global use_git 0
Name: php-sebastian-environment7
Source0: https://github.com/%{gh_owner}/%{gh_project}/archive/%{gh_short}.tar.gz
%global datestamp 20240101
#       ^^^^^^^^^ ${rule}
`, opts);
});

test('specs their generator rewrites keep its boilerplate (TeX Live tl_version, the COSMIC scripts\' cosmic_minver)', () => {
  assertFindings(`%global __requires_exclude_from ^%{_texmf_main}/doc/.*$
%global tl_version 2025

Name:           texlive-collection-langarabic
`, opts);
  assertFindings(`# Generated using the scripts at https://forge.fedoraproject.org/cosmic/cosmic-packaging/src/branch/main/scripts
# Generated by rust2rpm 26
%global cosmic_minver 1.0.0
Name:           cosmic-screenshot
`, opts);
  // a hand-written spec that happens to define tl_version is checked
  assertFindings(`%global tl_version 2025
#       ^^^^^^^^^^ ${rule}
Name:           foo
`, opts);
});

testDocExamples(rule, { severities: opts.severities });
