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
