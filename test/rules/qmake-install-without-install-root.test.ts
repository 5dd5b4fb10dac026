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

test('a make install in a directory where qmake wrote no Makefile runs a hand-written one (ansifilter, gmic, smplayer)', () => {
  // ansifilter.spec: qmake in src/qt-gui, the top-level Makefile's install and install-gui targets.
  assertFindings(`Name: ansifilter
%build
%make_build
pushd src/qt-gui
%{qmake} ansifilter-gui.pro
%make_build
popd
%install
%make_install INSTALL_PROGRAM="install -p -m755"
%make_install install-gui DESTDIR=%{buildroot}
`, opts);
  // gmic.spec: qmake in ../gmic-qt and ../zart, install from src/.
  assertFindings(`Name: gmic
%build
cd src
make cli lib
cd ../gmic-qt
%{qmake_qt5} gmic_qt.pro && %{make_build}
%install
cd src
make DESTDIR=$RPM_BUILD_ROOT PREFIX=%{_prefix} install
`, opts);
  // smplayer.spec: qmake in src, yet the top-level make install is reported only where qmake ran.
  assertFindings(`Name: smplayer
%build
pushd src
%{qmake_qt5}
%make_build
popd
%install
%make_install PREFIX=%{_prefix}
pushd src
make install
# <- ${rule}
popd
pushd smplayer-themes
%make_install PREFIX=%{_prefix}
popd
`, opts);
  // vokoscreenNG.spec: qmake and make install in the same directory (make -C) still reports.
  assertFindings(`Name: vokoscreenNG
%build
pushd src/%{_target_platform}
%qmake_qt6 ..
popd
%make_build -C src/%{_target_platform}
%install
%make_install -C src/%{_target_platform}
# <- ${rule}
`, opts);
  // A directory that cannot be read (cd $dir) keeps the report.
  assertFindings(`Name: foo
%build
cd $SUBDIR
qmake-qt5
%install
%make_install
# <- ${rule}
`, opts);
});

test('INSTALL_ROOT exported before make install (qsstv)', () => {
  assertFindings('Name: qsstv\n%build\nqmake-qt5 PREFIX=%{_prefix}\nmake\n%install\nexport INSTALL_ROOT=%{buildroot}\nmake install\n', opts);
});

test('fix appends INSTALL_ROOT; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%build\n%qmake5\n%install\n%make_install\n', rule), 'Name: é\n%build\n%qmake5\n%install\n%make_install INSTALL_ROOT=%{buildroot}\n');
  assertFindings('Name: é\n%build\ncd ä\nqmake6 ü.pro\n%install\nmake -C ä install\n# <- qmake-install-without-install-root\n', { ...opts, crlf: true });
});

testDocExamples(rule);
