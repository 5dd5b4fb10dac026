import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'unused-macro';
const opts = { rules: [rule] };

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
`, { rules: [rule] });
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
`, { rules: [rule] });
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
`, { rules: [rule] });
});

test('distprefix is read by the forge and Go macros', () => {
  // golang-cloud-google-compute-metadata.spec: `%global distprefix %{nil}` before %gometa.
  assertFindings(`Name: foo
%global distprefix %{nil}
%gometa
`, { rules: [rule] });
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
`, { rules: [rule] });
});

testDocExamples(rule);
