import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'make-install-without-destdir';
const opts = { rules: [rule] };

test('make install without DESTDIR', () => {
  assertFindings(`Name: foo
%install
make install
# <- ${rule}
make -C src install-strip V=1
# <- ${rule}
cd x && %{__make} install
#       ^^^^^^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: DESTDIR forms, exported DESTDIR, other sections, variables, qmake, configured prefix', () => {
  assertFindings(`Name: foo
%build
make install
%install
make install DESTDIR=%{buildroot}
make DESTDIR="$RPM_BUILD_ROOT" -C src install
DESTDIR=%{buildroot} make install
make install INSTALL_ROOT=%{buildroot} install_root=%{buildroot}
make -C x install prefix=%{buildroot}/usr
make $MAKEFLAGS install
make %{?_smp_mflags} install
%make_install
# make install
`, opts);
  assertFindings('Name: foo\n%install\nexport DESTDIR=%{buildroot}\nmake install\n', opts);
  assertFindings('Name: foo\n%install\n./configure --prefix=%{buildroot}/usr\nmake install\n', opts);
  assertFindings('Name: foo\n%build\nqmake-qt5\n%install\nmake install\n', opts);
});

test('fixes; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%install\nmake install\n', rule), 'Name: é\n%install\n%make_install\n');
  assert.equal(fixed('Name: é\r\n%install\r\nmake -C ü install V=1\r\n', rule), 'Name: é\r\n%install\r\nmake -C ü install DESTDIR=%{buildroot} V=1\r\n');
  assertFindings('Name: é\n%install\necho ä; make install\n#       ^^^^^^^^^^^^ make-install-without-destdir\n', { ...opts, crlf: true });
});

test('a destination the packager chose is not reported (qemu, linux-sgx, freefem++); an empty one is', () => {
  assertFindings(`Name: foo
%install
make DESTDIR=%{static_buildroot} install
%__make -f Makefile SRCDIR=. DESTDIR=%{vroot}/psw install
make DESTDIR=\`pwd\`/buildtree install
make DSTROOT=/tmp/x install
make DESTDIR= install
# <- ${rule}
`, opts);
});

test('a configuration file edited to put the build root in counts (latex2html: sed -i on cfgcache.pm before make install)', () => {
  assertFindings(`Name: foo
%install
sed -i "s,%{_prefix},%{buildroot}%{_prefix}," cfgcache.pm
make install
`, opts);
  // a sed that only reads from the build root, or mkdir, does not
  assertFindings(`Name: foo
%install
mkdir -p %{buildroot}%{_bindir}
sed -n p %{buildroot}/x
make install
# <- ${rule}
`, opts);
});

testDocExamples(rule);

test('the build root given to the build another way (Fedora: brltty, gprolog, emacs-common-ddskk, pdfio)', () => {
  // brltty: the configure options kept in a variable.
  assertFindings(`Name: brltty
%build
configure_opts=" \\
  --with-install-root=%{buildroot} \\
  --disable-stripping"
%configure $configure_opts
%install
pushd Authorization/Polkit
make install
popd
`, opts);
  // gprolog: an install directory under the build root.
  assertFindings(`Name: gprolog
%build
%configure \\
      --with-install-dir=$RPM_BUILD_ROOT%{_libdir}/gprolog-%{version} \\
      --without-links-dir
%install
cd src
(
    make install
)
`, opts);
  // emacs-common-ddskk: a configuration file written with the build root.
  assertFindings(`Name: emacs-common-ddskk
%install
cat >> SKK-CFG <<END
(setq PREFIX "%{buildroot}%{_prefix}")
END
make EMACS=emacs install
`, opts);
  // pdfio: the next command removes files the make install put into the build root.
  assertFindings(`Name: pdfio
%install
make install
rm %{buildroot}/%{_pkgdocdir}/{LICENSE,NOTICE}
`, opts);
  // …but `rm -f` succeeds on missing files and proves nothing.
  assertFindings(`Name: foo
%install
make install
# <- ${rule}
rm -f %{buildroot}%{_libdir}/*.la
`, opts);
});
