import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-preun-upgrade';
const HEAD = DKMS_SPEC_HEAD;

test(`${RULE}: unguarded remove in %preun and %postun`, () => {
  assertFindings(HEAD + `%preun
dkms remove -m foo -v %{version} --all || :
#<- ${RULE}
%postun
/usr/sbin/dkms uninstall foo/%{version} --all
#<- ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  for (const body of [
    'dkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :\n',
    'if [ "$1" -eq 0 ]; then\n  dkms remove -m foo -v %{version} --all\nfi\n',
    '[ $1 = 0 ] || exit 0\ndkms remove -m foo -v %{version} --all\n',
    'case "${1}" in 0|remove) dkms remove -m foo -v %{version} --all ;; esac\n',
    'for v in $old; do dkms remove -m foo -v $v --all; done\n',
    'dkms remove -m foo -v %{version} --all %{!?not_rpm:--rpm_safe_upgrade}\n',
  ]) assertFindings(HEAD + '%preun\n' + body, { rules: [RULE] });
  assertFindings(HEAD + '%pre\ndkms remove -m foo -v %{version} --all\n', { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%preun
echo "Entferne ✓"; dkms remove foo/1.2 --all
#                  ^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = HEAD + `%preun
dkms remove -m foo -v 1.2 --all >/dev/null || :
`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + `%preun
dkms remove -m foo -v 1.2 --all --rpm_safe_upgrade >/dev/null || :
`);
});

testDocExamples(RULE);

test(`${RULE}: the fix also puts --rpm_safe_upgrade on %post's dkms add, or adds one before the install`, () => {
  const withAdd = HEAD + `%post
dkms add -m foo -v %{version} || :
dkms install -m foo -v %{version} || :
%preun
dkms remove -m foo -v %{version} --all || :
`;
  assert.equal(applyFixes(withAdd, lintText(withAdd, { rules: [RULE] })), HEAD + `%post
dkms add -m foo -v %{version} --rpm_safe_upgrade || :
dkms install -m foo -v %{version} || :
%preun
dkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :
`);
  const installOnly = HEAD + `%post\r\nif [ -x /usr/sbin/dkms ]; then\r\n    dkms install foo/%{version} || :\r\nfi\r\n%preun\r\ndkms remove foo/%{version} --all || :\r\n`;
  const fixed = applyFixes(installOnly, lintText(installOnly, { rules: [RULE] }));
  assert.equal(fixed, HEAD + `%post\r\nif [ -x /usr/sbin/dkms ]; then\r\n    dkms add foo/%{version} --rpm_safe_upgrade || :\r\n    dkms install foo/%{version} || :\r\nfi\r\n%preun\r\ndkms remove foo/%{version} --all --rpm_safe_upgrade || :\r\n`);
  assert.deepEqual(lintText(fixed, { rules: [RULE] }), []);
  // common.postinst adds without the flag: no fix can make the remove safe
  const helper = HEAD + `%post\n/usr/lib/dkms/common.postinst foo %{version}\n%preun\ndkms remove -m foo -v %{version} --all\n`;
  const f = lintText(helper, { rules: [RULE] });
  assert.equal(f.length, 1);
  assert.deepEqual(f[0].fixes, []);
});

test(`${RULE}: --rpm_safe_upgrade on the remove without it on %post's dkms add does nothing (checked with dkms 3.0.10)`, () => {
  const findings = assertFindings(HEAD + `%post
dkms add -m foo -v %{version} || :
dkms install -m foo -v %{version} || :
%preun
dkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :
#                                      ^^^^^^^^^^^^^^^^^^ ${RULE}
%package -n bar-dkms
Summary: Bar
BuildArch: noarch
Requires: dkms
%post -n bar-dkms
if [ "$1" -ge "1" ]; then
   if [ -f /usr/lib/dkms/common.postinst ]; then
      /usr/lib/dkms/common.postinst bar %{version}
   fi
fi
%preun -n bar-dkms
if [ "$(dkms status -m bar -v %{version})" ]; then
   dkms remove -m bar -v %{version} --all --rpm_safe_upgrade
#                                         ^^^^^^^^^^^^^^^^^^ ${RULE}
fi
%package -n baz-dkms
Summary: Baz
BuildArch: noarch
Requires: dkms
%post -n baz-dkms
dkms install baz/%{version} || :
%preun -n baz-dkms
dkms remove baz/%{version} --all --rpm_safe_upgrade || :
#                                ^^^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
  assert.deepEqual(findings.map((f) => f.messageId), ['flagWithoutAdd', 'flagWithoutAdd', 'flagWithoutAdd']);
  assert.match(findings[0].message, /and %post runs `dkms add` without it\. So an upgrade/);
  assert.match(findings[1].message, /and %post runs \/usr\/lib\/dkms\/common\.postinst, whose `dkms add` has no --rpm_safe_upgrade\./);
  assert.match(findings[2].message, /and %post runs no `dkms add` \(only `dkms install`\)\./);
  // fixes: the flag on the add; none for common.postinst; a new add line before the install
  assert.equal(findings[0].fixes[0].edits.length, 1);
  assert.deepEqual(findings[1].fixes, []);
  assert.equal(findings[2].fixes[0].edits[0].newText, 'dkms add baz/%{version} --rpm_safe_upgrade || :\n');
});

test(`${RULE}: the flag on both sides, a %posttrans that installs again, or a %post we cannot read stay silent`, () => {
  for (const post of [
    '%post\ndkms add -m foo -v %{version} --rpm_safe_upgrade || :\ndkms install -m foo -v %{version} || :\n',
    '%post\ndkms add -m foo -v %{version} || :\n%posttrans\ndkms install -m foo -v %{version} || :\n',
    '%post\n$DKMS add -m foo -v %{version} || :\n',
    '%post\ndkms add $ARGS || :\n',
    '',
  ]) assertFindings(HEAD + post + '%preun\ndkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :\n', { rules: [RULE] });
});

test(`${RULE}: dkms uninstall is not protected by --rpm_safe_upgrade (dkms checks the lock only in remove)`, () => {
  const text = HEAD + `%post
dkms add -m foo -v %{version} -q --rpm_safe_upgrade || :
%preun
dkms uninstall -m foo -v %{version} -q --all || :
#<- ${RULE}
dkms remove -m foo -v %{version} -q --all --rpm_safe_upgrade || :
`;
  const findings = assertFindings(text, { rules: [RULE] });
  assert.equal(findings[0].messageId, 'uninstallOnUpgrade');
  assert.equal(applyFixes(text.replace(/#<-.*\n/, ''), findings), HEAD + `%post
dkms add -m foo -v %{version} -q --rpm_safe_upgrade || :
%preun
dkms remove -m foo -v %{version} -q --all --rpm_safe_upgrade || :
`);
  // with the flag too, and no remove after it: reported, no fix
  const alone = lintText(HEAD + '%preun\ndkms uninstall foo/%{version} --all --rpm_safe_upgrade\n', { rules: [RULE] });
  assert.equal(alone.length, 1);
  assert.deepEqual(alone[0].fixes, []);
  // guarded by $1: silent
  assertFindings(HEAD + '%preun\nif [ $1 -eq 0 ]; then dkms uninstall foo/%{version} --all; fi\n', { rules: [RULE] });
});

test(`${RULE}: rm -rf of dkms's record of the module in %preun/%postun, with the $1 guard as a fix`, () => {
  const source = HEAD + `%preun
dkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :
rm -rf /var/lib/dkms/foo || :
# <- ${RULE}:removesModuleState
%postun
  rm -rf %{_localstatedir}/lib/dkms/foo/%{version}/
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}:removesVersionState
rm -fr /var/lib/dkms/%{name}/* ; echo gone
# <- ${RULE}:removesModuleState
`;
  const findings = assertFindings(source, { rules: [RULE] });
  assert.equal(findings[0].message, "%preun also runs when the package is upgraded, after the new package's %post, and this deletes dkms's whole record of foo (/var/lib/dkms/foo), the version the new package has just added included: dkms forgets the module (`dkms status` no longer lists it, no new kernel gets it built) and the modules dkms installed stay in /lib/modules. Use `dkms remove -m foo -v <version> --all --rpm_safe_upgrade` (with `dkms add … --rpm_safe_upgrade` in %post), or run it only when $1 is 0");
  assert.match(findings[1].message, /^%postun also runs .* When the version stays the same \(a release bump or rebuild\), this deletes dkms's record of the version the new package has just added \(\/var\/lib\/dkms\/foo\/1\.2\)/);
  assert.match(findings[2].message, /whole record of foo-dkms \(\/var\/lib\/dkms\/foo-dkms\/\*\)/);
  // the guard fix for the whole module's record where the command has its line to itself; not
  // after `;`-joined commands, not for one version's folder
  assert.equal(findings[1].fixes.length, 0);
  assert.equal(findings[2].fixes.length, 0);
  const text = source.split('\n').filter((l) => !l.startsWith('#')).join('\n');
  assert.equal(applyFixes(text, findings), HEAD + `%preun
dkms remove -m foo -v %{version} --all --rpm_safe_upgrade || :
if [ "$1" -eq 0 ]; then rm -rf /var/lib/dkms/foo || :; fi
%postun
  rm -rf %{_localstatedir}/lib/dkms/foo/%{version}/
rm -fr /var/lib/dkms/%{name}/* ; echo gone
`);
});

test(`${RULE}: rm near misses: guarded, another version found at run time, a kernel's folder, rm -f, %pre, a whole tree glob`, () => {
  for (const body of [
    'if [ "$1" -eq 0 ]; then\n  rm -rf /var/lib/dkms/foo\nfi\n',
    '[ "$1" = 0 ] && rm -rf /var/lib/dkms/foo\n',
    'rm -rf /var/lib/dkms/foo/$oldver\n',
    'rm -rf /var/lib/dkms/*/*/6.1.0-1-amd64\n',
    'rm -rf /var/lib/dkms/foo/1.0/6.1.0-1-amd64\n',
    'rm -f /var/lib/dkms/foo/1.0/source\n',
    'rm -rf /var/lib/dkms-binary/foo\n',
    'rm -rf /usr/src/foo-%{version}\n',
  ]) assertFindings(HEAD + '%preun\n' + body, { rules: [RULE] });
  assertFindings(HEAD + '%pre\nrm -rf /var/lib/dkms/foo\n', { rules: [RULE] });
  assertFindings(HEAD + '%preun -p <lua>\nos.execute("rm -rf /var/lib/dkms/foo")\n', { rules: [RULE] });
  assert.ok(true);
});

test(`${RULE}: the fixture package (dkms remove with the flag on both sides, then rm -rf of the module's record)`, () => {
  const rel = path.join('test', 'fixtures', 'dkms', 'specs', 'preun-deletes-dkms-record.spec');
  const file = path.join(__dirname, '..', '..', '..', rel);
  const text = fs.readFileSync(fs.existsSync(file) ? file : rel, 'utf8');
  const [f] = assertFindings(text, { rules: [RULE] });
  assert.match(f.message, /whole record of acme \(\/var\/lib\/dkms\/acme\)/);
  assert.match(applyFixes(text, [f]), /\nif \[ "\$1" -eq 0 \]; then rm -rf %\{_localstatedir\}\/lib\/dkms\/%\{module\}; fi\n/);
});
