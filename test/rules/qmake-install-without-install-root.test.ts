import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'qmake-install-without-install-root';
const opts = { rules: [rule] };

test('make install and %make_install in qmake specs', () => {
  assertFindings(`Name: foo
%build
qmake-qt5 PREFIX=%{_prefix}
%make_build
%install
make install DESTDIR=%{buildroot}
# <- ${rule}
%make_install
# <- ${rule}
`, opts);
});

test('near misses: INSTALL_ROOT given, no qmake, another build system', () => {
  assertFindings('Name: foo\n%build\n%{qmake_qt5}\n%install\nmake install INSTALL_ROOT=%{buildroot}\n%make_install INSTALL_ROOT=%{buildroot}\n', opts);
  assertFindings('Name: foo\n%build\n%configure\n%install\n%make_install\n', opts);
  assertFindings('Name: foo\n%build\n%cmake\ncd sub && qmake\n%install\n%make_install\n', opts);
});

test('the build root already in the project paths: qmake PREFIX=%{buildroot}, a sed on the .pro (admeshgui, QMsgBox)', () => {
  // admeshgui.spec: the prefix given to qmake holds the build root.
  assertFindings('Name: admeshgui\n%build\n%{qmake_qt5} PREFIX=%{buildroot}/usr\nmake %{?_smp_mflags}\n%install\nmake install\n', opts);
  // QMsgBox.spec: target.path rewritten to the build root in %prep.
  assertFindings(`Name: QMsgBox
%prep
%setup -q
sed -i "s|target.path = .*|target.path = %{buildroot}%{_libdir}|g" src/src.pro
%build
%{qmake_qt4}
make %{?_smp_mflags}
%install
make install
make -C ../qt5 install
`, opts);
  assertFindings('Name: foo\n%build\necho "target.path = $RPM_BUILD_ROOT/usr/bin" >> app.pri\nqmake-qt5\n%install\nmake install\n', opts);
  // Near misses: the build root elsewhere (a sed on a non-project file, a qmake without it) still reports.
  assertFindings(`Name: foo
%prep
sed -i "s|@ROOT@|%{buildroot}|" config.h
%build
qmake-qt5 PREFIX=%{_prefix}
%install
make install
# <- ${rule}
`, opts);
});

test('fix appends INSTALL_ROOT; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%build\n%qmake5\n%install\n%make_install\n', rule), 'Name: é\n%build\n%qmake5\n%install\n%make_install INSTALL_ROOT=%{buildroot}\n');
  assertFindings('Name: é\n%build\nqmake6 ü.pro\n%install\nmake -C ä install\n# <- qmake-install-without-install-root\n', { ...opts, crlf: true });
});

testDocExamples(rule);
