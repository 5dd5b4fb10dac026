import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'hardcoded-library-path';
/** The library-directory settings are reported by hardcoded-libdir-setting, from the same scan. */
const SETTING = 'hardcoded-libdir-setting';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: lib64 anywhere, lib with library files`, () => {
  assertFindings(HEAD + `%build
%configure --libdir=/usr/lib64
#                   ^^^^^^^^^^ ${SETTING}
gcc -o foo foo.c -L/usr/lib64/mysql
#                  ^^^^^^^^^^ ${RULE}
%install
install -m 755 libfoo.so.1 %{buildroot}/usr/lib/libfoo.so.1
#                                      ^^^^^^^^ ${RULE}
ln -s libfoo.so.1 $RPM_BUILD_ROOT/lib64/libfoo.so
#                                ^^^^^^ ${RULE}
mkdir -p %{buildroot}/usr/lib/pkgconfig
#                    ^^^^^^^^ ${RULE}
%post
/usr/lib64/foo/helper --update || :
#<- ${RULE}
%files
/usr/lib64/libfoo.so.*
#<- ${RULE}
/usr/lib/libbar.a
#<- ${RULE}
%attr(0755,root,root) /lib/libbaz.so.2
#                     ^^^^ ${RULE}
`, { rules: [RULE, SETTING] });
});

test(`${RULE}: arch-independent trees and other near-misses stay silent`, () => {
  assertFindings(HEAD + `%install
install -D foo.rules %{buildroot}/usr/lib/udev/rules.d/60-foo.rules
install -D foo.service %{buildroot}/usr/lib/systemd/system/foo.service
install -D foo.ko %{buildroot}/lib/modules/%{kver}/extra/foo.ko
mkdir -p %{buildroot}%{_prefix}/lib/udev %{buildroot}/usr/lib/debug %{buildroot}%{_prefix}/lib/sysimage/foo
install -D foo %{buildroot}/usr/libexec/foo
sed -i 's|/usr/lib64|%{_libdir}|' foo.pc
echo "/usr/lib64/foo" > foo.conf
cat > foo.conf <<'END'
/usr/lib64/foo
END
# copy to /usr/lib64
mkdir -p %{buildroot}/lib64
%ifarch x86_64
ln -s /usr/lib64/libfoo.so.1 %{buildroot}%{_libdir}/libfoo.so
%endif
%post
if [ -e /usr/lib64/old/thing ]; then rm -f /usr/lib64/old/thing; fi
%files
%{_libdir}/libfoo.so.*
%{_prefix}/lib/foo/plugin.so
%exclude /usr/lib/debug/.build-id
/usr/lib/udev/rules.d/60-foo.rules
/lib/modules/%{kver}/extra/foo.ko
%dir /lib64
%global _libdir %{_libdir}/wine
%ifarch x86_64
%global _lib lib64
%endif
`, { rules: [RULE] });
  // upstream's install location: probed, removed, or the source of a move
  assertFindings(HEAD + `%install
rm -f $RPM_BUILD_ROOT/usr/lib/libfoo_core.a %{buildroot}/usr/lib64/libfoo.la
if test -d %{buildroot}/usr/lib64/cups; then
  install -D -m0755 %{buildroot}/usr/lib64/cups/backend/foo %{buildroot}%{_prefix}/lib/cups/backend/foo
  mv %{buildroot}/usr/lib/foo %{buildroot}%{_prefix}/lib/bar
fi
find %{_libdir}/qt6 /usr/lib64/qt6 -name rcc
RCC=$(which rcc || find /usr/lib64/qt6 -name rcc | head -1)
mkdir -p $RPM_BUILD_ROOT/usr/lib/debug%{_bindir}
%files
%exclude /usr/lib/systemd
%dir /usr/lib/modules
%ghost /usr/lib/sendmail
/usr/lib/sendmail.exim
`, { rules: [RULE] });
  // a layout package owns /usr/lib and its trees literally
  assertFindings(HEAD + `%files
%dir %attr(555,root,root) /usr/lib
%attr(555,root,root) /usr/lib/games
`, { rules: [RULE] });
  // a noarch package may pin %{_libdir}
  assertFindings("%global _libdir /usr/lib\n" + HEAD + `BuildArch: noarch
`, { rules: [RULE] });
  // noarch: /usr/lib is right
  assertFindings(HEAD + `BuildArch: noarch
%files
/usr/lib/libfoo.a
`, { rules: [RULE] });
  // ExclusiveArch knows its library directory
  assertFindings(HEAD + `ExclusiveArch: x86_64
%files
/usr/lib64/libfoo.so.1
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%install
echo "✓ ü" ; cp libfoo.so %{buildroot}/usr/lib64/
#                                     ^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fixes`, () => {
  const before = HEAD + `%files
/usr/lib64/libfoo.so.1
/usr/lib/libbar.so.1
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.deepEqual(findings.map((f) => f.fixes[0].safety), ['safe', 'unsafe']);
  assert.equal(applyFixes(before, findings), HEAD + `%files
%{_libdir}/libfoo.so.1
%{_libdir}/libbar.so.1
`);
  // noarch: no %{_libdir} suggestion
  const noarch = HEAD + `BuildArch: noarch
%files
/usr/lib64/libfoo.so.1
`;
  assert.deepEqual(lintText(noarch, { rules: [RULE] }).map((f) => f.fixes.length), [0]);
  // noarch scripts that read the build host's lib64 tree on purpose (python-zope-testrunner copies
  // the system Python; mingw-qt5-qtwebkit points CMake at the host's libruby): %{_libdir} is /usr/lib there
  assertFindings(HEAD + `BuildArch: noarch
%check
if [ -d %{_prefix}/lib64/python%{python3_version} ]; then
  mkdir lib64
  cp -a %{_prefix}/lib64/python%{python3_version} lib64
fi
%build
%cmake -DRUBY_LIBRARY:FILEPATH=/usr/lib64/libruby.so
`, { rules: [RULE] });
});

test(`${RULE}: library-directory arguments, %{_prefix}/lib64 and redefinitions of %_libdir/%_lib`, () => {
  const f = assertFindings(`%define _libdir /usr/lib64
#       ^^^^^^^^^^^^^^^^^^ ${SETTING}
%global _lib lib64
#       ^^^^^^^^^^ ${SETTING}
` + HEAD + `%prep
./configure --libdir=/usr/lib64
#                    ^^^^^^^^^^ ${SETTING}
%build
%configure --libdir=/usr/lib
#                   ^^^^^^^^ ${SETTING}
%cmake -DCMAKE_INSTALL_LIBDIR=/usr/lib
#                             ^^^^^^^^ ${SETTING}
%make_build LIBDIR=/usr/lib PREFIX=/usr
#                  ^^^^^^^^ ${SETTING}
%install
install -D libfoo.so.1 %{buildroot}%{_prefix}/lib64/libfoo.so.1
#                                  ^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE, SETTING] });
  assert.equal(f[0].message, '%define _libdir /usr/lib64 sets the library directory of every architecture to /usr/lib64: rpm already sets %{_libdir} per architecture (lib64 on 64-bit, lib on 32-bit); remove the line');
  assert.equal(f[3].message, '/usr/lib as the library directory is wrong on 64-bit architectures (/usr/lib64): use %{_libdir}');
  assert.deepEqual(f.map((x) => x.fixes.map((fix) => fix.safety)), [[], [], ['safe'], ['unsafe'], ['unsafe'], ['unsafe'], ['safe']]);
});

test(`${RULE}: other trees under /usr/lib where files are installed or listed: the dedicated macro, else %{_prefix}/lib`, () => {
  const text = HEAD + `%install
install -D fw.bin %{buildroot}/usr/lib/firmware/fw.bin
#                             ^^^^^^^^^^^^^^^^^ ${RULE}
cp -a plugins %{buildroot}/usr/lib/%{name}/
#                         ^^^^^^^^ ${RULE}
%files
/usr/lib/java/foo.jar
#<- ${RULE}
/usr/lib/python3.12/site-packages/foo
#<- ${RULE}
/usr/lib64/python3.15/site-packages/foo
#<- ${RULE}
/usr/lib/%{name}/plugin.so
#<- ${RULE}
/usr/lib/gcc/x86_64-redhat-linux/14/plugin
#<- ${RULE}
`;
  const f = assertFindings(text, { rules: [RULE] });
  assert.deepEqual(f.map((x) => x.message), [
    '/usr/lib/firmware is hard-coded: use %{_firmwarepath}',
    '/usr/lib is hard-coded: use %{_prefix}/lib for a tree that is lib on every architecture, or %{_libdir} if it holds architecture-dependent files (plugins, .so)',
    '/usr/lib/java is hard-coded: use %{_jnidir}',
    '/usr/lib/python3.12/site-packages is hard-coded: use %{python3_sitelib} (/usr/lib/python3.15/site-packages on fedora)',
    '/usr/lib64/python3.15/site-packages is hard-coded and only exists on 64-bit architectures: use %{python3_sitearch}',
    '/usr/lib is hard-coded: use %{_prefix}/lib for a tree that is lib on every architecture, or %{_libdir} if it holds architecture-dependent files (plugins, .so)',
    '/usr/lib is hard-coded: use %{_prefix}/lib for a tree that is lib on every architecture, or %{_libdir} if it holds architecture-dependent files (plugins, .so)',
  ]);
  assert.deepEqual(f.map((x) => x.fixes.map((fix) => `${fix.title}:${fix.safety}`)), [
    ['Use %{_firmwarepath}:safe'],
    ['Use %{_prefix}/lib:safe', 'Use %{_libdir} (architecture-dependent files):unsafe'],
    ['Use %{_jnidir}:safe'],
    ['Use %{python3_sitelib}:unsafe'],
    ['Use %{python3_sitearch}:safe'],
    ['Use %{_prefix}/lib:safe', 'Use %{_libdir} (architecture-dependent files):unsafe'],
    ['Use %{_prefix}/lib:safe', 'Use %{_libdir} (architecture-dependent files):unsafe'],
  ]);
  const fixed = applyFixes(text.replace(/^#.*\n/gm, ''), lintText(text.replace(/^#.*\n/gm, ''), { rules: [RULE] }));
  assert.match(fixed, /^%\{_jnidir\}\/foo\.jar$/m);
  assert.match(fixed, /^%\{_prefix\}\/lib\/gcc\/x86_64-redhat-linux\/14\/plugin$/m);
  // fixed output converges: nothing left to report
  assert.deepEqual(lintText(fixed, { rules: [RULE] }).map((x) => x.message), []);
  // noarch: only %{_prefix}/lib is offered
  const noarch = HEAD + 'BuildArch: noarch\n%files\n/usr/lib/%{name}/data\n';
  assert.deepEqual(lintText(noarch, { rules: [RULE] }).map((x) => [x.message, x.fixes.map((fix) => fix.title)]), [['/usr/lib is hard-coded: use %{_prefix}/lib', ['Use %{_prefix}/lib']]]);
});

testDocExamples(RULE);
