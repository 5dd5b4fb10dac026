// Versioned profiles: the release table, the family → newest-release layer, conditions and rules
// read with a release's values, and project macros (specwright.json define / macroFiles).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../helpers/lsp';
import { describe, it } from 'node:test';
import { FAMILY_NAMES, NEWEST, PROFILE_NAMES, RELEASES, findRelease, releaseOf, rpmAtLeast, releasesOf } from '../../server/src/service/catalog/releases';
import { makeProfile, parseDefine, parseMacroFile, profileOf } from '../../server/src/service/catalog/profile';
import { isMacroDefined, macroValue } from '../../server/src/service/catalog/index';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { scopeOf } from '../../server/src/service/specfile/macroScope';
import { createLanguageService } from '../../server/src/service/languageService';
import { specCodeLenses } from '../../server/src/service/features/codeLens';

const service = createLanguageService();
const PREAMBLE = 'Name: hello\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: Hi\nLicense: MIT\n';

/** Truth of the first %if arm of the spec on a profile. */
function firstArm(condition: string, profile: Parameters<typeof scopeOf>[1]): string {
  const doc = parseSpec(`${PREAMBLE}%if ${condition}\n%global x 1\n%endif\n`);
  return scopeOf(doc, profile).arm(doc.conditionals[0].id, 0).truth;
}

function lint(text: string, distro: Parameters<typeof service.lint>[1] extends infer O ? O extends { distro?: infer D } ? D : never : never) {
  // use-of-RPM_SOURCE_DIR (off by default) is the probe below: turned on here.
  return service.lint({ uri: 'file:///p/hello.spec', languageId: 'rpm-spec', version: 1, text }, { distro, rules: { 'use-of-RPM_SOURCE_DIR': 'information' } }).findings;
}

describe('release table', () => {
  it('has the releases the issue asks for, each with an rpm version and sources for every value', () => {
    for (const id of ['fedora-rawhide', 'fedora-45', 'fedora-44', 'rhel-8', 'rhel-9', 'rhel-10', 'opensuse-tumbleweed', 'opensuse-leap-15.6', 'mageia-9', 'mageia-10', 'generic']) {
      assert.ok(findRelease(id), id);
    }
    for (const r of RELEASES) {
      assert.match(r.rpm, /^\d+\.\d+/, `${r.id}: rpm version`);
      const sourced = new Set(r.sources.flatMap((s) => s.macros));
      assert.ok(sourced.has('rpm'), `${r.id}: no source for its rpm version`);
      for (const name of Object.keys(r.macros)) {
        if (/^el\d+$/.test(name) && r.macros[name] === null) continue; // the other EL markers: undefined by construction
        assert.ok(sourced.has(name), `${r.id}: %${name} has no source`);
      }
    }
  });

  it('a value marked verified says where it can be checked again: a link, a repository file, a package NEVRA or a dated file', () => {
    // A URL or domain, a repository path (owner/name or file.ext), a NEVRA-like `name-1.2-3.elN` or Debian version, or a yyyy-mm-dd date.
    const checkable = /https?:\/\/|\b[\w-]+\.(?:org|com)\b|\b[\w.-]+\/[\w.-]+|\.(?:spec|conf|md)\b|\d+\.\d+[\w.]*-\d+[\w.]*\.(?:el|fc|mga|lp)\d|-150\d00\.|\d+\.\d+\.\d+\+dfsg|\b\d{4}-\d{2}-\d{2}\b/;
    for (const r of RELEASES) {
      for (const s of r.sources.filter((x) => x.verified)) assert.match(s.where, checkable, `${r.id}: verified %${s.macros.join(', %')} without a checkable source: ${s.where}`);
    }
    // The values this round checked against the distributions' own files and pages.
    const tw = findRelease('tumbleweed')!;
    assert.equal(tw.macros.suse_version, '1699');
    assert.equal(tw.macros.sle_version, null);
    assert.equal(tw.macros.python3_version, '3.13');
    const leap = findRelease('leap-15.6')!;
    assert.deepEqual([leap.macros.suse_version, leap.macros.sle_version, leap.macros.python3_version, leap.rpm], ['1500', '150600', '3.6', '4.14.3']);
    assert.deepEqual(['rhel-8', 'rhel-9', 'rhel-10'].map((id) => [findRelease(id)!.macros.python3_version, findRelease(id)!.rpm]), [['3.6', '4.14.3'], ['3.9', '4.16.1.3'], ['3.12', '4.19.1.1']]);
  });

  it('a family name is its newest release; every name a newest release sets, its older releases set too', () => {
    assert.equal(releaseOf('fedora').id, 'fedora-45');
    assert.equal(releaseOf('rhel').id, 'rhel-10');
    assert.equal(releaseOf('opensuse').id, 'opensuse-tumbleweed');
    assert.equal(releaseOf('mageia').id, 'mageia-10');
    assert.equal(releaseOf('generic').id, 'generic');
    assert.equal(releaseOf('rawhide').id, 'fedora-rawhide');
    assert.equal(releaseOf('el9').id, 'rhel-9');
    assert.equal(releaseOf('sle-15').id, 'opensuse-leap-15.6');
    for (const f of FAMILY_NAMES) {
      assert.ok(PROFILE_NAMES.includes(f));
      for (const r of releasesOf(f)) {
        // Otherwise the older release would inherit the newest's value through the family catalog.
        for (const name of Object.keys(NEWEST[f].macros)) assert.ok(name in r.macros, `${r.id} does not set %${name}, which ${NEWEST[f].id} sets`);
      }
    }
  });

  it('values differ by release where the distributions differ', () => {
    assert.equal(macroValue('dist', releaseOf('fedora-44')), '.fc44');
    assert.equal(macroValue('dist', releaseOf('fedora-rawhide')), '.fc46');
    assert.equal(macroValue('fedora', 'fedora'), '45');
    assert.equal(macroValue('python3_sitelib', releaseOf('fedora-44')), '/usr/lib/python3.14/site-packages');
    assert.equal(macroValue('python3_sitelib', 'fedora'), '/usr/lib/python3.15/site-packages');
    assert.equal(macroValue('python3_sitearch', releaseOf('rhel-8')), '/usr/lib64/python3.6/site-packages');
    assert.equal(macroValue('__python3', releaseOf('rhel-8')), '/usr/libexec/platform-python');
    assert.equal(macroValue('__python3', releaseOf('rhel-9')), '/usr/bin/python3');
    assert.equal(macroValue('_libexecdir', releaseOf('opensuse-leap-15.6')), '/usr/lib');
    assert.equal(macroValue('_libexecdir', releaseOf('opensuse-tumbleweed')), '/usr/libexec');
    assert.equal(macroValue('sle_version', releaseOf('opensuse-leap-15.6')), '150600');
    assert.equal(isMacroDefined('sle_version', 'opensuse'), false);
    assert.equal(isMacroDefined('el9', releaseOf('rhel-9')), true);
    assert.equal(isMacroDefined('el9', releaseOf('rhel-10')), false);
    assert.equal(macroValue('mgaversion', releaseOf('mageia-9')), '9');
    assert.equal(macroValue('_unitdir', releaseOf('rhel-8')), '/usr/lib/systemd/system');
  });

  it('compares rpm versions part by part', () => {
    assert.equal(rpmAtLeast(releaseOf('fedora-44'), '4.20'), true, '6.0.1 ≥ 4.20');
    assert.equal(rpmAtLeast(releaseOf('rhel-9'), '4.17.1'), false, '4.16.1.3 < 4.17.1');
    assert.equal(rpmAtLeast(releaseOf('rhel-10'), '4.17.1'), true);
    assert.equal(rpmAtLeast(releaseOf('mageia-9'), '4.18'), true);
    assert.equal(rpmAtLeast(releaseOf('opensuse-leap-15.6'), '4.18'), false);
  });
});

describe('conditions evaluate with the release numbers', () => {
  it('%fedora, %rhel, %suse_version, %sle_version, %mgaversion and the EL markers', () => {
    assert.equal(firstArm('0%{?fedora} >= 45', 'fedora'), 'true');
    assert.equal(firstArm('0%{?fedora} >= 45', 'fedora-44'), 'false');
    assert.equal(firstArm('0%{?fedora} > 45', 'fedora-rawhide'), 'true');
    assert.equal(firstArm('0%{?rhel} < 9', 'rhel-8'), 'true');
    assert.equal(firstArm('0%{?rhel} < 9', 'rhel-9'), 'false');
    assert.equal(firstArm('0%{?rhel} < 9', 'rhel'), 'false');
    assert.equal(firstArm('0%{?el8}', 'rhel-8'), 'true');
    assert.equal(firstArm('0%{?el8}', 'rhel-10'), 'false');
    assert.equal(firstArm('0%{?suse_version} > 1500', 'opensuse'), 'true');
    assert.equal(firstArm('0%{?suse_version} > 1500', 'opensuse-leap-15.6'), 'false');
    assert.equal(firstArm('0%{?sle_version} >= 150600 && 0%{?is_opensuse}', 'opensuse-leap-15.6'), 'true');
    assert.equal(firstArm('0%{?mgaversion} >= 10', 'mageia-9'), 'false');
    assert.equal(firstArm('0%{?mgaversion} >= 10', 'mageia'), 'true');
    assert.equal(firstArm('"%{python3_version}" == "3.6"', 'rhel-8'), 'true');
  });

  it('dead-arm filtering follows the release: a finding in an EL 8-only arm is reported on EL 8 only', () => {
    const text = `${PREAMBLE}\n%description\nHi.\n\n%prep\n\n%build\n%if 0%{?rhel} == 8\ncp $RPM_SOURCE_DIR/extra.txt .\n%endif\n\n%install\n\n%files\n\n%changelog\n`;
    const on = (d: string) => lint(text, d).filter((f) => f.rule === 'use-of-RPM_SOURCE_DIR').length;
    assert.equal(on('rhel-8'), 1);
    assert.equal(on('rhel-9'), 0);
    assert.equal(on('rhel'), 0);
    assert.equal(on('fedora'), 0);
  });

  it('code lenses name the releases when a family disagrees with itself', () => {
    const doc = parseSpec(`${PREAMBLE}%if 0%{?rhel} >= 9\n%global x 1\n%endif\n`);
    const lens = specCodeLenses(doc)[0];
    assert.match(lens.title, /live: .*EL 10, EL 9/);
    assert.match(lens.title, /dead: .*EL 8/);
    assert.equal(lens.profiles.rhel, 'live');
    assert.equal(lens.releases['rhel-8'], 'dead');
    const fedoraOnly = specCodeLenses(parseSpec(`${PREAMBLE}%if 0%{?fedora}\n%global x 1\n%endif\n`))[0];
    assert.match(fedoraOnly.title, /live: Fedora(?! \d)/, 'every Fedora release agrees: the family is named once');
  });
});

describe('rules that differ by release', () => {
  const spec = `${PREAMBLE}Source0: hello.tar.gz\nPatch0: fix.patch\n\n%description\nHi.\n\n%prep\n%setup -q\n%patch0 -p1\n\n%build\n\n%install\n\n%files\n\n%changelog\n`;
  const severity = (d: string) => lint(spec, d).find((f) => f.rule === 'obsolete-patchn-syntax')?.severity;
  it('%patchN is an error where rpm ≥ 4.20 refuses it, a warning where the release still accepts it', () => {
    assert.equal(severity('fedora'), 'error');
    assert.equal(severity('fedora-44'), 'error');
    assert.equal(severity('opensuse'), 'error');
    assert.equal(severity('mageia-10'), 'error');
    assert.equal(severity('mageia-9'), 'warning');
    assert.equal(severity('rhel-9'), 'warning');
    assert.equal(severity('rhel'), 'warning', 'EL 10 ships rpm 4.19');
    assert.equal(severity('opensuse-leap-15.6'), 'warning');
    assert.equal(severity('generic'), 'warning');
  });
});

describe('project macros', () => {
  it('reads macro files as rpm does: continuation lines, parametric macros, multi-line %{lua:}, comments', () => {
    const r = parseMacroFile('# comment\n%acme_prefix /opt/acme\n\n%acme_flags \\\n  -O2 \\\n  -g\n%acme_tool(n:) acme --name %{-n*}\n%acme_lua %{lua:\nprint("x")\n}\n  %indented 1\nnot a definition\n%bad-name x\n', 'macros.acme');
    assert.deepEqual(r.macros.map((m) => [m.name, m.body, m.parameters, m.origin]), [
      ['acme_prefix', '/opt/acme', undefined, 'macros.acme line 2'],
      ['acme_flags', '-O2 \\\n  -g'.replace('\\\n', '\n'), undefined, 'macros.acme line 4'],
      ['acme_tool', 'acme --name %{-n*}', 'n:', 'macros.acme line 7'],
      ['acme_lua', '%{lua:\nprint("x")\n}', undefined, 'macros.acme line 8'],
      ['indented', '1', undefined, 'macros.acme line 11'],
    ]);
    assert.deepEqual(r.problems, ['macros.acme line 13: not a macro definition (expected %name body)']);
  });

  it('--define takes NAME VALUE and NAME=VALUE', () => {
    assert.deepEqual(parseDefine('foo=bar baz', '--define'), { name: 'foo', body: 'bar baz', origin: '--define' });
    assert.deepEqual(parseDefine('%foo 1', '--define'), { name: 'foo', body: '1', origin: '--define' });
    assert.equal(parseDefine('1x=2', '--define'), undefined);
  });

  it('project macros take part in conditions, expansion and the undefined-macro check', () => {
    const profile = makeProfile('rhel-9', [
      { name: 'acme_feature', body: '1', origin: 'macros.acme line 1' },
      { name: 'acme_libdir', body: '%{_libdir}/acme', origin: 'macros.acme line 2' },
      { name: 'acme_path', body: '--prefix=%{-p*}', parameters: 'p:', origin: 'macros.acme line 3' },
    ]);
    assert.equal(profileOf(profile).release.id, 'rhel-9');
    assert.equal(firstArm('0%{?acme_feature}', profile), 'true');
    assert.equal(firstArm('0%{?acme_feature}', 'rhel-9'), 'unknown', 'without the project macros the name may come from anywhere');
    const doc = parseSpec(`${PREAMBLE}%global x %{acme_libdir}\n`);
    assert.equal(scopeOf(doc, profile).expand('%{acme_libdir} %{acme_path -p /x}', doc.text.length).text, '/usr/lib64/acme --prefix=/x');
    // A spec's own %define still wins over the project's.
    const own = parseSpec(`${PREAMBLE}%define acme_feature 0\n`);
    assert.equal(scopeOf(own, profile).expand('%{acme_feature}', own.text.length).text, '0');
    const typo = `${PREAMBLE}\n%description\nHi.\n\n%prep\n\n%build\n\n%install\nmkdir -p %{buildroot}%{_libdri}\n\n%files\n\n%changelog\n`;
    assert.equal(lint(typo, 'rhel-9').filter((f) => f.rule === 'undefined-macro').length, 1, 'a typo of %_libdir without project macros');
    assert.equal(lint(typo, makeProfile('rhel-9', [{ name: '_libdri', body: '/x', origin: 'macros.acme line 9' }])).filter((f) => f.rule === 'undefined-macro').length, 0);
  });
});

describe('settings', () => {
  it('the specwright.distro enum in package.json lists every profile name', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[] }> } } };
    assert.deepEqual(pkg.contributes.configuration.properties['specwright.distro'].enum, [...PROFILE_NAMES]);
  });
});

describe('docs/profiles.md', () => {
  it('lists every release with its rpm version and %dist', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'profiles.md'), 'utf8');
    for (const r of RELEASES) {
      // The values table's row (the first table also has a `generic` row).
      const row = doc.split('\n').find((l) => l.startsWith(`| \`${r.id}\` | ${r.rpm} |`));
      assert.ok(row, `docs/profiles.md has no row for ${r.id} with rpm ${r.rpm}`);
      const dist = r.macros.dist;
      if (typeof dist === 'string') assert.ok(row.includes(`\`${dist}\``), `${r.id}: %dist ${dist} not in its row`);
      const py = r.macros.python3_version;
      if (typeof py === 'string') assert.ok(row.includes(`| ${py} |`), `${r.id}: Python ${py} not in its row`);
    }
  });
});
