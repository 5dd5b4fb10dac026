import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'scons-install-without-sandbox';
const opts = { rules: [rule] };

test('scons install without a sandbox', () => {
  assertFindings(`Name: foo
%install
scons PREFIX=%{_prefix} install
# <- ${rule}
cd src && scons-3 -j2 install
#         ^^^^^^^^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: sandbox, build root in PREFIX, other sections, not install, comments', () => {
  assertFindings(`Name: foo
%build
scons PREFIX=/usr all
%install
scons install --install-sandbox="$RPM_BUILD_ROOT"
scons PREFIX=%{buildroot}%{_prefix} install
scons all
# scons install
echo "scons install"
`, opts);
});

test('the build root passed through the spec\'s own macro (rmlint.spec), or through an argument that cannot be resolved', () => {
  assertFindings(`Name: rmlint
BuildRequires: scons
%global rmlint_scons_flags --prefix="%{buildroot}%{_prefix}" --actual-prefix="%{_prefix}" --libdir="%{_lib}" DEBUG=1
%define sandbox --install-sandbox=%{buildroot}
%build
scons config %{?_smp_mflags} %{rmlint_scons_flags}
%install
scons install %{rmlint_scons_flags}
scons install %{sandbox}
scons install %{flags_from_elsewhere}
`, opts);
  // A spec macro that resolves without the build root is still reported.
  assertFindings(`Name: foo
%global scons_flags PREFIX=%{_prefix} LIBDIR=%{_libdir}
%install
scons %{scons_flags} %{?_smp_mflags} install
# <- ${rule}
`, opts);
});

test('fix appends the sandbox; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%install\nscons install # ü\n', rule), 'Name: é\n%install\nscons install --install-sandbox=%{buildroot} # ü\n');
  assertFindings('Name: é\n%install\nscons ÄRGER=1 install\n# <- scons-install-without-sandbox\n', { ...opts, crlf: true });
});

testDocExamples(rule);

test('the build root given to scons in %build is kept for scons install (glob2.spec)', () => {
  assertFindings(`Name: glob2
%build
scons %{?_smp_mflags} INSTALLDIR=$RPM_BUILD_ROOT%{_datadir} BINDIR=$RPM_BUILD_ROOT%{_bindir} DATADIR=%{_datadir} CXXFLAGS="%{optflags}" --portaudio=true

%install
scons install --portaudio=true
`, opts);
});
