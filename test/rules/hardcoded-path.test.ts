import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'hardcoded-path';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: build root paths, %files entries, prefix options`, () => {
  assertFindings(HEAD + `%build
%configure --prefix=/usr --sysconfdir="/etc"
#                   ^^^^ ${RULE}
#                                      ^^^^ ${RULE}
cmake -DCMAKE_INSTALL_PREFIX=/usr .
#                            ^^^^ ${RULE}
%install
install -D foo %{buildroot}/usr/bin/foo
#                          ^^^^^^^^ ${RULE}
install -D foo.1 $RPM_BUILD_ROOT/usr/share/man/man1/foo.1
#                               ^^^^^^^^^^^^^^ ${RULE}
install -D foo.rules "%{buildroot}/lib/udev/rules.d/60-foo.rules"
#                                 ^^^^^^^^^^^^^^^^^ ${RULE}
echo x > %{buildroot}/etc/foo.conf
#                    ^^^^ ${RULE}
mkdir -p %{buildroot}/var/lib/foo %{buildroot}/usr/lib/systemd/system
#                    ^^^^^^^^ ${RULE}
#                                             ^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
%files
/usr/sbin/foo
#<- ${RULE}
%config(noreplace) /etc/foo.conf
#                  ^^^^ ${RULE}
%dir /usr/share/foo
#    ^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: an %if 0%{?flatpak} arm is dead on an ordinary build (qscintilla.spec)`, () => {
  // flatpak-rpm-macros defines %flatpak only in Flatpak build roots, where the prefix is /app and
  // moving /usr/include under %{_prefix} is the point.
  assertFindings(HEAD + `%install
%if 0%{?flatpak}
# prefix is not configurable at build time
mv %{buildroot}/usr/include %{buildroot}%{_prefix}/
rm -f %{buildroot}/usr/share/qt*/qsci/api/python/Python*.api
%endif
%if 0%{?unknown_switch}
mv %{buildroot}/usr/include %{buildroot}%{_prefix}/
#              ^^^^^^^^^^^^ ${RULE}
%endif
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `%build
#!/bin/sh
/bin/true
%configure --prefix=%{_prefix} --with-shell=/bin/sh
%install
sed -i 's|/usr/bin/env python|/usr/bin/python3|' %{buildroot}%{_bindir}/foo
sed -i -e 's,/etc/foo,%{_sysconfdir}/foo,' foo.conf
install -D foo %{buildroot}%{_bindir}/foo
install -D foo %{buildroot}/usr/lib/foo/foo
install -D foo %{buildroot}/usr/lib64/foo
echo "/usr/bin/foo" > %{buildroot}%{_sysconfdir}/foo.list
cat > %{buildroot}%{_sysconfdir}/foo.conf <<'END'
path = %{buildroot}/usr/bin
END
# install to %{buildroot}/usr/bin
ln -s /usr/bin/foo %{buildroot}%{_bindir}/bar
mv %{buildroot}/sbin/* %{buildroot}%{_sbindir}/
%{__mv} %{buildroot}/usr/sbin/foo %{buildroot}/usr/sbin/bar
rm -f %{buildroot}/sbin/unwanted
%post -p /sbin/ldconfig
%postun
/usr/bin/systemctl daemon-reload
%files
%{_bindir}/foo
/usr/lib/foo
/lib/modules/%{kver}/extra/foo.ko
%doc README
/sbin
%dir /etc
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%install
echo "✓ ü" ; install foo %{buildroot}/usr/include/foo.h
#                                    ^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fixes, safe only when the macro has that value`, () => {
  const before = HEAD + `%files
/usr/bin/foo
/sbin/foo
/usr/libexec/foo
`;
  const fedora = lintText(before, { rules: [RULE], distro: 'fedora' });
  assert.deepEqual(fedora.map((f) => f.fixes[0].safety), ['safe', 'unsafe', 'safe']);
  assert.equal(applyFixes(before, fedora), HEAD + `%files
%{_bindir}/foo
%{_sbindir}/foo
%{_libexecdir}/foo
`);
});

test(`${RULE}: a literal compared with its own macro is the point (fedora-jam-kde-theme)`, () => {
  assertFindings(HEAD + `%install
if [ %{_prefix} != /usr ] ; then
   mv %{buildroot}/usr %{buildroot}%{_prefix}
   mv %{buildroot}/etc %{buildroot}%{_sysconfdir}
fi
install -m644 foo %{buildroot}/usr/share/foo
#                             ^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

testDocExamples(RULE);

test(`${RULE}: the layout package (owning /usr, /etc or /var: filesystem.spec) and the base-files package (owning /etc/passwd: setup.spec) list the system's paths by name`, () => {
  const layout = HEAD + `%install
mkdir -p %{buildroot}/var/spool/lpd
%files
%dir %attr(555,root,root) /
%dir /etc
%attr(755,root,root) /var/spool/lpd
/var/adm
`;
  assert.deepEqual(lintText(layout, { rules: [RULE] }), []);
  // setup.spec: the base files, whose place glibc and shadow-utils fix
  assert.deepEqual(lintText(HEAD + `%install
mkdir -p %{buildroot}/etc/profile.d
%files
%verify(not md5 size mtime) %config(noreplace) /etc/passwd
%verify(not md5 size mtime) %config(noreplace) /etc/group
%config(noreplace) /etc/services
%dir /etc/profile.d
/usr/share/dnf5/libdnf.conf.d/protect-setup.conf
`, { rules: [RULE] }), []);
  // owning a directory below them is not owning the layout
  assertFindings(HEAD + `%files
%dir /etc/foo
#    ^^^^ ${RULE}
`, { rules: [RULE] });
});
