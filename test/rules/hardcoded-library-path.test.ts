import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'hardcoded-library-path';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: lib64 anywhere, lib with library files`, () => {
  assertFindings(HEAD + `%build
%configure --libdir=/usr/lib64
#                   ^^^^^^^^^^ ${RULE}
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
`, { rules: [RULE] });
});

test(`${RULE}: arch-independent trees and other near-misses stay silent`, () => {
  assertFindings(HEAD + `%install
install -D foo.rules %{buildroot}/usr/lib/udev/rules.d/60-foo.rules
install -D foo.service %{buildroot}/usr/lib/systemd/system/foo.service
install -D fw.bin %{buildroot}/usr/lib/firmware/fw.bin
install -D foo.ko %{buildroot}/lib/modules/%{kver}/extra/foo.ko
mkdir -p %{buildroot}%{_prefix}/lib/udev %{buildroot}/usr/lib/debug %{buildroot}/usr/lib/sysimage/foo
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
/usr/lib/foo/plugin.so
/usr/lib/python3.12/site-packages/foo
%dir /lib64
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
});

testDocExamples(RULE);
