// Rule messages that say what rpm does are checked against rpm itself (issue 11, point 7): each
// case lints a fixture, asserts the rule reports it with the claim in its message, then runs rpm
// 4.18 sandboxed (scripts/oracle/rpm.mjs) and asserts rpm behaves as the message says. Skips when
// rpm, python3-rpm or the sandbox (unshare) is missing.
//
// Claims not checked here, and why: obsolete-patchn-syntax ("removed in rpm 4.20": the oracle is
// rpm 4.18); dkms-scriptlet-can-fail ("rpm then refuses to remove or upgrade the package": needs an
// rpm database and an installed package); buildarch-instead-of-exclusivearch-tag and
// hardcoded-packager-tag (about rpmbuild hosts and ~/.rpmmacros, not the spec's parse);
// syntax-too-new-for-release's claims about rpm before 4.17.1/4.18 (%bcond, %conf, %patch N: rpm
// 4.18 has them; its docs page says how they were checked by hand and in rpm's source).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { lintText } from '../helpers/fixtures';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { querySpec } from '../../server/src/service/specfile/rpmQuery';
import { loadRpm, type RpmModule, type RpmView } from './oracle';

const HEAD = 'Name: foo\nVersion: 1.0\nRelease: 1\nSummary: Foo\nLicense: MIT\nBuildArch: noarch\n';
const BUILDROOT = '/tmp/home/rpmbuild/BUILDROOT/foo-1.0-1.x86_64';

let rpm: RpmModule | undefined;
let skip: string | false = false;
before(async () => {
  rpm = await loadRpm();
  const a = rpm.rpmAvailability();
  if (!a.ok) skip = `skipped: ${a.reason}`;
});

/** The rule reports the fixture, and one of its messages matches the claim. */
function assertClaim(rule: string, text: string, claim: RegExp): void {
  // Rules that are off by default are turned on for the claim.
  const messages = lintText(text, { rules: [rule], distro: 'generic', severities: { [rule]: 'warning' } }).map((f) => f.message);
  assert.ok(messages.some((m) => claim.test(m)), `${rule} does not report the fixture with ${claim}: ${JSON.stringify(messages)}\n${text}`);
}

async function view(text: string): Promise<RpmView> {
  return rpm!.rpmView(text, { fileName: 'foo.spec' });
}

describe('rule messages that say what rpm does are true for rpm 4.18', () => {
  test('spec-unknown-tag: "rpm rejects the spec"', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}Xyzzy: 1\n%description\nFoo.\n`;
    assertClaim('spec-unknown-tag', text, /rpm rejects the spec/);
    const v = await view(text);
    assert.equal(v.ok, false);
    assert.match(v.stderr ?? '', /error: line 7: Unknown tag: Xyzzy: 1/);
  });

  test('changelog-invalid-header: "rpm cannot read the date" (rpm reports a bad date and drops the entry and those below)', async (t) => {
    if (skip) return t.skip(skip);
    for (const bad of ['2024-01-08 Jane <j@example.org> - 1', 'Mon January 08 2024 Jane - 1', 'Fri Feb 30 2024 Jane - 1', 'Wex Jan 08 2024 Jane - 1']) {
      const text = `${HEAD}%description\nFoo.\n%files\n%changelog\n* Wed Jan 10 2024 Jane - 2\n- newer\n* ${bad}\n- bad\n* Mon Jan 01 2024 Jane - 0\n- older\n`;
      assertClaim('changelog-invalid-header', text, /rpm cannot read the date of this %changelog entry/);
      const v = await view(text);
      assert.equal(v.ok, true, bad);
      assert.ok(v.messages?.some((m) => m.startsWith('error: bad date in %changelog')), `${bad}: ${JSON.stringify(v.messages)}`);
      assert.deepEqual(v.changelog.map((e) => e.text), ['- newer'], bad);
    }
  });

  test('changelog-invalid-header: what rpm 4.18 reads as a header and a date, and what it does not', async (t) => {
    if (skip) return t.skip(skip);
    // `* Update …` as the first text line of an entry (even after a blank line) is text for rpm;
    // a time of day with any zone word of up to 8 characters is a date rpm reads.
    const accepted = `${HEAD}%description\nFoo.\n%files\n%changelog\n* Wed Jan 10 2024 Jane - 3\n* Update to 3\n\n* Wed Oct  7 13:49:30 +08 2020 Jane - 2\n\n* Rebuilt\n* Mon Jan 01 2018 Jane - 1\n- one\n`;
    assert.deepEqual(lintText(accepted, { rules: ['changelog-invalid-header'], distro: 'generic' }), []);
    const v = await view(accepted);
    assert.deepEqual(v.messages?.filter((m) => /changelog/.test(m)), []);
    assert.deepEqual(v.changelog.map((e) => e.text), ['* Update to 3', '* Rebuilt', '- one']);
    // a second `*` line, a time without a zone and a year before 1990 are bad dates
    for (const bad of ['* Update to 2', '* Wed Oct  7 13:49:30 2020 Jane - 2', '* Mon Jan 01 1985 Jane - 2']) {
      const text = `${HEAD}%description\nFoo.\n%files\n%changelog\n* Wed Jan 10 2024 Jane - 3\n- three\n${bad}\n- two\n`;
      assertClaim('changelog-invalid-header', text, /rpm cannot read the date of this %changelog entry .*it reports "bad date in %changelog" and leaves this entry and every one below it out of the package/);
      const w = await view(text);
      assert.ok(w.messages?.some((m) => m.startsWith('error: bad date in %changelog')), `${bad}: ${JSON.stringify(w.messages)}`);
      assert.deepEqual(w.changelog.map((e) => e.text), ['- three'], bad);
    }
  });

  test('changelog-wrong-weekday: rpm warns "bogus date in %changelog" and keeps the entry', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}%description\nFoo.\n%files\n%changelog\n* Mon Jan 10 2024 Jane - 1\n- one\n`;
    assertClaim('changelog-wrong-weekday', text, /rpm warns "bogus date in %changelog"/);
    const v = await view(text);
    assert.ok(v.messages?.some((m) => m.startsWith('warning: bogus date in %changelog')), JSON.stringify(v.messages));
    assert.equal(v.changelog.length, 1);
  });

  test('changelog-date-order: rpm reports the order and leaves this entry and the ones below out', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}%description\nFoo.\n%files\n%changelog\n* Wed Jan 10 2024 Jane - 3\n- c\n* Thu Jan 16 2025 Jane - 2\n- b\n* Mon Jan 01 2024 Jane - 1\n- a\n`;
    assertClaim('changelog-date-order', text, /rpm reports "%changelog not in descending chronological order" and leaves this entry and the ones below it out of the package/);
    const v = await view(text);
    assert.ok(v.messages?.includes('error: %changelog not in descending chronological order'), JSON.stringify(v.messages));
    assert.deepEqual(v.changelog.map((e) => e.text), ['- c']);
  });

  test('obsolete-buildroot-tag and hardcoded-path-in-buildroot-tag: rpm ignores BuildRoot and picks the build root itself', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}BuildRoot: /var/tmp/foo-root\n%description\nFoo.\n%install\necho %{buildroot} $RPM_BUILD_ROOT\n%files\n`;
    assertClaim('obsolete-buildroot-tag', text, /rpm ignores it since 4\.6 and picks the build root itself/);
    assertClaim('hardcoded-path-in-buildroot-tag', text, /rpm ≥ 4\.6 ignores the tag/);
    const v = await view(text);
    assert.equal(v.sectionBodies.install, `echo ${BUILDROOT} $RPM_BUILD_ROOT\n`);
    const build = await rpm!.rpmTool('rpmbuild', ['-bb', '{SPEC}'], text, { fileName: 'foo.spec' });
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stderr, new RegExp(`\\+ echo ${BUILDROOT} ${BUILDROOT}\\n`));
  });

  test('redundant-buildroot-cleanup, superfluous-%clean-section: rpmbuild empties the build root before %install and removes it afterwards', async (t) => {
    if (skip) return t.skip(skip);
    const fixture = `${HEAD}%description\nFoo.\n%install\nrm -rf %{buildroot}\nmkdir -p %{buildroot}/usr/share/foo\n%clean\nrm -rf %{buildroot}\n%files\n/usr/share/foo\n`;
    assertClaim('redundant-buildroot-cleanup', fixture, /rpm empties the build root before %install/);
    assertClaim('superfluous-%clean-section', fixture, /rpmbuild removes the build root itself/);
    // Without the two cleanups: rpmbuild still starts %install on an emptied build root and removes it at the end.
    const text = `${HEAD}%description\nFoo.\n%install\nmkdir -p %{buildroot}/usr/share/foo\n%files\n/usr/share/foo\n`;
    const build = await rpm!.rpmTool('rpmbuild', ['-bb', '{SPEC}'], text, { fileName: 'foo.spec', then: `test -e ${BUILDROOT} && echo BUILDROOT-LEFT` });
    assert.equal(build.status, 0, build.stderr);
    const trace = build.stderr;
    const emptied = trace.indexOf(`+ /bin/rm -rf ${BUILDROOT}\n`);
    const installBody = trace.indexOf(`+ mkdir -p ${BUILDROOT}/usr/share/foo`);
    assert.ok(emptied >= 0 && emptied < installBody, trace);
    assert.match(build.stdout, /Executing\(%clean\)/);
    assert.ok(trace.lastIndexOf(`+ /bin/rm -rf ${BUILDROOT}\n`) > installBody, trace);
    assert.doesNotMatch(build.stdout, /BUILDROOT-LEFT/);
  });

  test('package-without-files: rpmbuild does not build a subpackage without %files', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}%description\nFoo.\n%package devel\nSummary: Devel\n%description devel\nDevel.\n%install\nmkdir -p %{buildroot}/usr/share/foo\n%files\n/usr/share/foo\n`;
    assertClaim('package-without-files', text, /has no %files section: rpmbuild will not build it/);
    const build = await rpm!.rpmTool('rpmbuild', ['-bb', '{SPEC}'], text, { fileName: 'foo.spec', then: 'ls /tmp/home/rpmbuild/RPMS/noarch' });
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stdout, /^foo-1\.0-1\.noarch\.rpm$/m);
    assert.doesNotMatch(build.stdout, /foo-devel/);
  });

  test('redundant-defattr: %defattr(-,root,root,-) is rpm\'s default', async (t) => {
    if (skip) return t.skip(skip);
    const fixture = `${HEAD}%description\nFoo.\n%files\n%defattr(-,root,root,-)\n/usr/share/foo\n`;
    assertClaim('redundant-defattr', fixture, /is rpm's default/);
    if (process.getuid?.() !== 0) return t.skip('skipped: only conclusive when the build runs as nobody (started as root)');
    // Built as nobody, the files belong to nobody: without %defattr rpm still packs them as root:root.
    const text = `${HEAD}%description\nFoo.\n%install\nmkdir -p %{buildroot}/usr/share/foo\necho x > %{buildroot}/usr/share/foo/x\nchmod 640 %{buildroot}/usr/share/foo/x\n%files\n/usr/share/foo\n`;
    const build = await rpm!.rpmTool('rpmbuild', ['-bb', '{SPEC}'], text, {
      fileName: 'foo.spec',
      then: 'id -un; rpm -qp --qf "[%{FILEUSERNAME}:%{FILEGROUPNAME}:%{FILEMODES:perms} %{FILENAMES}\\n]" /tmp/home/rpmbuild/RPMS/noarch/foo-1.0-1.noarch.rpm',
    });
    assert.equal(build.status, 0, build.stderr);
    assert.match(build.stdout, /^nobody$/m);
    assert.match(build.stdout, /^root:root:drwxr-xr-x \/usr\/share\/foo$/m);
    assert.match(build.stdout, /^root:root:-rw-r----- \/usr\/share\/foo\/x$/m, 'the mode stays the file\'s own (the - of %defattr)');
  });

  test('macro-in-comment: rpm expands a macro inside a # comment (only its first line stays commented)', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}%description\nFoo.\n%build\n# %configure\nmake\n%files\n`;
    assertClaim('macro-in-comment', text, /in a comment is still expanded by rpm/);
    const v = await view(text);
    assert.match(v.sectionBodies.build ?? '', /^\s*\.\/configure --host=/m);
  });

  test('comment-runs-code: rpm runs a %(…) inside a # comment while it parses the spec', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}%description\nFoo.\n%build\n# %(echo ran-while-parsing)\nmake\n%files\n`;
    assertClaim('comment-runs-code', text, /in a comment still runs the command whenever rpm parses the spec/);
    const v = await view(text);
    assert.match(v.sectionBodies.build ?? '', /^# ran-while-parsing$/m);
  });

  test('buildroot-in-scriptlet: rpm expands %{buildroot} in %post when it builds; $RPM_BUILD_ROOT stays a shell variable', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}%description\nFoo.\n%post\ncp %{buildroot}/a /b\n%postun\nls $RPM_BUILD_ROOT/c\n%files\n`;
    assertClaim('buildroot-in-scriptlet', text, /%\{buildroot\} in %post becomes the build root's path when the package is built/);
    assertClaim('buildroot-in-scriptlet', text, /\$RPM_BUILD_ROOT in %postun is set only while rpmbuild runs the build scripts/);
    const v = await view(text);
    const post = v.packages[0].scriptlets.post?.body ?? '';
    assert.doesNotMatch(post, /buildroot\}/, 'the macro is gone from the packaged %post');
    assert.match(post, /^cp \/\S+\/a \/b$/m, 'it became an absolute build-root path');
    assert.match(v.packages[0].scriptlets.postun?.body ?? '', /^ls \$RPM_BUILD_ROOT\/c$/m, 'the variable is left to the shell at install time');
  });

  test('non-break-space: rpm does not treat U+00A0 as a blank', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}Requires: gcc\u00a0make\n%description\nFoo.\n%files\n`;
    assertClaim('non-break-space', text, /rpm and the shell do not treat it as a blank/);
    const v = await view(text);
    assert.deepEqual(v.packages[0].requires.map((d) => d.name), ['gcc\u00a0make']);
  });

  test('comparison-operator-in-deptoken: rpm reads foo>=1.0 as one capability name', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}Requires: libfoo>=1.0\n%description\nFoo.\n%files\n`;
    assertClaim('comparison-operator-in-deptoken', text, /'libfoo>=1\.0' is read as one capability name/);
    const v = await view(text);
    assert.deepEqual(v.packages[0].requires, [{ name: 'libfoo>=1.0' }]);
    // `=>` standing alone is not a name for rpm: it reads it as `>=`, so the rule leaves it alone
    const alias = `${HEAD}Requires: libfoo => 1.0\n%description\nFoo.\n%files\n`;
    assert.deepEqual(lintText(alias, { rules: ['comparison-operator-in-deptoken'], distro: 'generic' }), []);
    const w = await view(alias);
    assert.deepEqual(w.packages[0].requires, [{ name: 'libfoo', op: '>=', version: '1.0' }]);
  });

  test('unversioned-explicit-obsoletes: rpm reads =< as <= (fcitx.spec), so a versioned Obsoletes is not reported', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}Obsoletes: foo-keyboard =< 4.2.3\n%description\nFoo.\n%files\n`;
    assert.deepEqual(lintText(text, { rules: ['unversioned-explicit-obsoletes'], distro: 'generic' }), []);
    const v = await view(text);
    assert.deepEqual(v.packages[0].obsoletes, [{ name: 'foo-keyboard', op: '<=', version: '4.2.3' }]);
    // and Specwright's own query reads it the same way
    const ours = querySpec(parseSpec(text), 'generic');
    assert.deepEqual(ours.packages[0].obsoletes, [{ name: 'foo-keyboard', op: '<=', version: '4.2.3' }]);
  });

  test('buildprereq-use: rpm reads BuildPreReq: as BuildRequires: (and calls it deprecated)', async (t) => {
    if (skip) return t.skip(skip);
    const text = `${HEAD}BuildPreReq: gcc\n%description\nFoo.\n%files\n`;
    assertClaim('buildprereq-use', text, /obsolete: write 'BuildRequires:' \(same meaning\)/);
    const v = await view(text);
    assert.deepEqual(v.buildRequires.map((d) => d.name), ['gcc']);
    assert.ok(v.messages?.some((m) => /buildprereq is deprecated/.test(m)), JSON.stringify(v.messages));
  });

  test('spec-missing-required-tag: rpm rejects a package without the tag', async (t) => {
    if (skip) return t.skip(skip);
    const noLicense = 'Name: foo\nVersion: 1.0\nRelease: 1\nSummary: Foo\n%description\nFoo.\n';
    assertClaim('spec-missing-required-tag', noLicense, /The main package has no 'License:' tag/);
    const v = await view(noLicense);
    assert.equal(v.ok, false);
    assert.match(v.stderr ?? '', /License field must be present in package: \(main package\)/);
    const noSummary = `${HEAD}%description\nFoo.\n%package devel\n%description devel\nDevel.\n`;
    assertClaim('spec-missing-required-tag', noSummary, /Subpackage 'devel' has no 'Summary:' tag/);
    const w = await view(noSummary);
    assert.equal(w.ok, false);
    assert.match(w.stderr ?? '', /Summary field must be present in package: foo-devel/);
  });

  test('unversioned-virtual-requires: a version is checked only against providers that carry one', async (t) => {
    if (skip) return t.skip(skip);
    const head = `${HEAD}%description\nFoo.\n%files\n`;
    assertClaim('unversioned-virtual-requires', head.replace('%description', 'Requires: webserver\n%description'), /all without a version: any of them satisfies it, and a version here would not be checked either/);
    assertClaim('unversioned-virtual-requires', head.replace('%description', 'BuildRequires: java-devel >= 1:17\nRequires: java-headless\n%description'), /without a version any of them in any version satisfies it, so a newer one can never be enforced/);
    // rpm's own comparison (rpmdsCompare): does each Provides satisfy the Requires?
    const code = [
      'import rpm',
      "req = rpm.ds(('webserver', rpm.RPMSENSE_GREATER | rpm.RPMSENSE_EQUAL, '2.4'), rpm.RPMTAG_REQUIRENAME)",
      "unversioned = rpm.ds(('webserver', 0, ''), rpm.RPMTAG_PROVIDENAME)",
      "old = rpm.ds(('webserver', rpm.RPMSENSE_EQUAL, '1.0'), rpm.RPMTAG_PROVIDENAME)",
      "anyreq = rpm.ds(('java-headless', 0, ''), rpm.RPMTAG_REQUIRENAME)",
      "jdk8 = rpm.ds(('java-headless', rpm.RPMSENSE_EQUAL, '1:1.8.0'), rpm.RPMTAG_PROVIDENAME)",
      'print(bool(req.Compare(unversioned)), bool(req.Compare(old)), bool(anyreq.Compare(jdk8)))',
    ].join('\n');
    const r = await rpm!.rpmTool('/usr/bin/python3', ['-c', code], '');
    assert.equal(r.stdout.trim(), 'True False True', r.stderr);
  });

  test('spec-unclosed-macro and spec-unclosed-if: rpm rejects the spec', async (t) => {
    if (skip) return t.skip(skip);
    const macro = `${HEAD}Source0: https://example.org/%{name-%{version}.tar.gz\n%description\nFoo.\n`;
    assert.ok(lintText(macro, { rules: ['spec-unclosed-macro'], distro: 'generic' }).length > 0);
    const v = await view(macro);
    assert.equal(v.ok, false);
    assert.match(v.stderr ?? '', /unclosed macro or bad line continuation/);
    const iff = `${HEAD}%description\nFoo.\n%if 1\n%build\nmake\n`;
    assert.ok(lintText(iff, { rules: ['spec-unclosed-if'], distro: 'generic' }).length > 0);
    const w = await view(iff);
    assert.equal(w.ok, false);
    assert.match(w.stderr ?? '', /Unclosed %if/);
  });
  test('syntax-too-new-for-release: rpm before 4.20 stops on "Unknown tag: BuildSystem" and on "second %build" beside %build -a', async (t) => {
    if (skip) return t.skip(skip);
    // generic is rpm 4.18, the oracle's own version
    const tags = `${HEAD}BuildSystem: cmake\nBuildOption(conf): -DX=1\n%description\nFoo.\n`;
    const tagMessages = lintText(tags, { rules: ['syntax-too-new-for-release'], distro: 'generic' }).map((f) => f.message);
    assert.ok(tagMessages.some((m) => /rpm 4\.18\.0 of generic .*rpmbuild stops with "Unknown tag: BuildSystem…"/.test(m)), JSON.stringify(tagMessages));
    const v = await view(tags);
    assert.equal(v.ok, false);
    assert.match(v.stderr ?? '', /error: line 7: Unknown tag: BuildSystem: cmake/);
    const buildOption = await view(tags.replace('BuildSystem: cmake\n', ''));
    assert.match(buildOption.stderr ?? '', /error: line 7: Unknown tag: BuildOption\(conf\): -DX=1/);

    for (const [first, second, name] of [['%build', '%build -a', 'build'], ['%check -p', '%check', 'check']]) {
      const text = `${HEAD}%description\nFoo.\n%prep\n${first}\necho one\n${second}\necho two\n%files\n`;
      const messages = lintText(text, { rules: ['syntax-too-new-for-release'], distro: 'generic' }).map((f) => f.message);
      assert.ok(messages.some((m) => m.includes(`ignores it and reads a second %${name}`) && m.includes(`rpmbuild stops with "second %${name}"`)), JSON.stringify(messages));
      const w = await view(text);
      assert.equal(w.ok, false, text);
      assert.match(w.stderr ?? '', new RegExp(`error: line 12: second %${name}`));
    }
    // a lone -a fragment is the section itself: rpm 4.18 reads it, and the rule is silent
    const lone = `${HEAD}%description\nFoo.\n%prep\n%build -a\necho one\n%files\n`;
    assert.deepEqual(lintText(lone, { rules: ['syntax-too-new-for-release'], distro: 'generic' }), []);
    const x = await view(lone);
    assert.equal(x.ok, true, x.stderr);
  });
});
