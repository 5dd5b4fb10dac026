// Completion through the service, with `|` cursor fixtures.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { MAX_COMPLETION_ITEMS } from '../../server/src/service/index';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';
import { applyItem, cursorDoc, service, textAt } from './util';

const PREAMBLE = 'Name: hello\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: Hi\nLicense: MIT\n';

function complete(source: string, options: Parameters<typeof cursorDoc>[1] & { distro?: 'fedora' | 'opensuse' | 'rhel' | 'mageia' | 'generic' } = {}) {
  const c = cursorDoc(source, options);
  const list = service.complete(c.doc, c.position, { distro: options.distro ?? 'fedora' });
  const find = (label: string) => list.items.find((i) => i.label === label);
  return { c, list, find, labels: list.items.map((i) => i.label) };
}

describe('completion: macros', () => {
  it('completes %_li to %_libdir with its Fedora expansion and all profiles in the documentation', () => {
    const { c, find, labels } = complete(`${PREAMBLE}%files\n%_li|\n`);
    const item = find('_libdir')!;
    assert.ok(item, labels.join(','));
    assert.equal(item.detail, '/usr/lib64');
    assert.equal(textAt(c, item.textEdit!.range), '_li');
    assert.match(item.documentation!.value, /architecture-dependent libraries/);
    assert.ok(labels.indexOf('_libdir') < 5, 'prefix matches rank first');
    assert.ok(item.sortText);
  });

  it('ranks the everyday conditionals first in %{? (the file\'s own macros, then dist, fedora, rhel, suse_version), rpm internals last', () => {
    const { list } = complete(`%global module acme\n${PREAMBLE}%build\n%{?|}\n`);
    const sorted = [...list.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0)).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 5), ['module', 'dist', 'fedora', 'rhel', 'suse_version']);
    const firstInternal = sorted.findIndex((l) => String(l).startsWith('__'));
    assert.ok(firstInternal > sorted.indexOf('_libdir'), `an rpm internal (${sorted[firstInternal]}) before _libdir`);
  });

  it('replaces only what was typed after %{? and closes the brace when it is missing', () => {
    const { c, find } = complete(`${PREAMBLE}%files\n%{?_li|\n`);
    const item = find('_libdir')!;
    assert.equal(textAt(c, item.textEdit!.range), '_li');
    assert.equal(applyItem(c, item).split('\n')[6], '%{?_libdir}');
  });

  it('does not add a brace when the reference is already closed', () => {
    const { c, find } = complete(`${PREAMBLE}%files\n%{_li|}\n`);
    assert.equal(applyItem(c, find('_libdir')!).split('\n')[6], '%{_libdir}');
  });

  it('handles %{!? and the opensuse profile', () => {
    const { find } = complete(`${PREAMBLE}%if %{!?suse_ver|\n%endif\n`, { distro: 'opensuse' });
    const item = find('suse_version')!;
    assert.ok(item);
    assert.equal(item.detail, '1699');
  });

  it('offers the macros the file defines, with their body as detail', () => {
    const { find } = complete(`%global forgeurl https://example.org/x\n${PREAMBLE}URL: %{forg|}\n`);
    const item = find('forgeurl')!;
    assert.equal(item.detail, 'https://example.org/x');
    assert.ok(item.sortText!.startsWith('0a'), 'file macros first');
  });

  it('offers built-in functions as snippets in braced form, rewriting a plain %basename', () => {
    const braced = complete(`${PREAMBLE}%files\n%{basen|\n`);
    const item = braced.find('basename')!;
    assert.equal(item.insertTextFormat, 2);
    assert.equal(item.textEdit!.newText, 'basename:${1:PATH}}');
    const plain = complete(`${PREAMBLE}%build\necho %basen|\n`);
    const p = plain.find('basename')!;
    assert.equal(p.textEdit!.newText, '%{basename:${1:PATH}}');
    assert.equal(textAt(plain.c, p.textEdit!.range), '%basen');
    assert.equal(p.filterText, '%basename');
  });

  it('offers parametric macros with their options as snippets', () => {
    const { find } = complete(`${PREAMBLE}%prep\n%autos|\n`);
    const item = find('autosetup')!;
    assert.equal(item.insertTextFormat, 2);
    assert.match(item.textEdit!.newText, /^autosetup \$\{1\|-p,-n,-S,/);
  });

  it('completes %bcond names inside %{with …} and %{without …}', () => {
    const { c, find, labels } = complete(`%bcond_without docs\n%bcond_with tests\n${PREAMBLE}%if %{with d|\n%endif\n`);
    assert.deepEqual(labels, ['docs']);
    assert.equal(find('docs')!.textEdit!.newText, 'docs}');
    assert.equal(textAt(c, find('docs')!.textEdit!.range), 'd');
    const w = complete(`%bcond_without docs\n%bcond_with tests\n${PREAMBLE}%if %{without |}\n%endif\n`);
    assert.deepEqual(w.labels.sort(), ['docs', 'tests']);
    assert.equal(w.find('tests')!.textEdit!.newText, 'tests');
  });

  it('offers SOURCEn and PATCHn of the file', () => {
    const { find } = complete(`${PREAMBLE}Source0: a.tar.gz\nSource3: b.conf\n%install\ninstall -m644 %{SOU|\n`);
    assert.equal(find('SOURCE3')!.detail, 'b.conf');
    assert.equal(find('SOURCE3')!.textEdit!.newText, 'SOURCE3}');
  });

  it('does not complete after an escaped %%', () => {
    const { list } = complete(`${PREAMBLE}%build\nprintf '%%li|'\n`);
    assert.equal(list.items.length, 0);
  });

  it('keeps ranges right after non-ASCII text and in CRLF files', () => {
    const { c, find } = complete(`${PREAMBLE}%description\nÜbersetzung für 日本語 😀 %{_li|\n`, { crlf: true });
    const item = find('_libdir')!;
    assert.equal(textAt(c, item.textEdit!.range), '_li');
    assert.equal(item.textEdit!.range.start.line, 6);
    assert.equal(item.textEdit!.range.start.character, '\u00dcbersetzung f\u00fcr 日本語 😀 %{'.length);
    assert.match(applyItem(c, item), /😀 %\{_libdir\}\r\n/);
  });

  it('caps the number of items and marks the list incomplete', () => {
    const { list } = complete(`${PREAMBLE}%build\necho %{|}\n`);
    assert.ok(list.items.length <= MAX_COMPLETION_ITEMS);
    assert.equal(list.isIncomplete, true);
  });
});

describe('completion: preamble and line starts', () => {
  it('completes tags at the start of a preamble line with a tab-aligned value', () => {
    const { c, find } = complete('Name:\thello\nBuildR|\n');
    const item = find('BuildRequires')!;
    assert.equal(item.textEdit!.newText, 'BuildRequires:\t');
    assert.equal(textAt(c, item.textEdit!.range), 'BuildR');
    assert.equal(complete('Version:\t1\nNam|\n').find('Name')!.textEdit!.newText, 'Name:\t\t');
    assert.equal(complete('Version:\t1\nSumm|\n').find('Summary')!.textEdit!.newText, 'Summary:\t');
  });

  it('aligns with spaces when the file does', () => {
    const { find } = complete('Name:           hello\nVersion:        1\nSumm|\n');
    assert.equal(find('Summary')!.textEdit!.newText, 'Summary:        ');
  });

  it('proposes the next free SourceN/PatchN number', () => {
    const { find } = complete(`${PREAMBLE}Source0: a.tgz\nSource1: b.tgz\nSour|\n`);
    assert.ok(find('Source2'));
  });

  it('leaves main-package-only tags out of %package preambles', () => {
    const { labels } = complete(`${PREAMBLE}%description\nx\n%package devel\nSummary: d\n|\n`);
    assert.ok(labels.includes('Requires'));
    assert.ok(!labels.includes('BuildRequires'));
    assert.ok(!labels.includes('Name'));
  });

  it('completes qualifiers inside Requires(', () => {
    const { labels, find } = complete(`${PREAMBLE}Requires(po|\n`);
    assert.deepEqual(labels.sort(), ['post', 'posttrans', 'postun', 'postuntrans']);
    assert.equal(find('post')!.textEdit!.newText, 'post):\t');
  });

  it('completes section names with their options and conditionals at the start of a line', () => {
    const { labels, find } = complete(`${PREAMBLE}%description\nx\n\n%fi|\n`);
    assert.ok(labels.includes('%files'));
    assert.ok(labels.includes('%files -f'));
    assert.ok(labels.includes('%files -n'));
    assert.equal(find('%files -n')!.textEdit!.newText, 'files -n ${1:name}');
    assert.ok(labels.includes('%filetriggerin'));
    const cond = complete(`${PREAMBLE}%ifa|\n`);
    assert.ok(cond.labels.includes('%ifarch'));
    const pkg = complete(`${PREAMBLE}%pack|\n`);
    assert.ok(pkg.labels.includes('%package -n'));
  });

  it('does not offer sections in the middle of a line', () => {
    const { labels } = complete(`${PREAMBLE}%build\nmake %fi|\n`);
    assert.ok(!labels.includes('%files'));
  });

  it('completes architectures and arch macros after %ifarch', () => {
    const { labels, find } = complete(`${PREAMBLE}%ifarch x86_64 |\n%endif\n`);
    assert.ok(labels.includes('aarch64'));
    assert.ok(labels.includes('%{ix86}'));
    assert.ok(labels.includes('%{arm}'));
    assert.ok(!labels.includes('noarch'));
    assert.match(find('%{ix86}')!.detail!, /i686/);
    const elif = complete(`${PREAMBLE}%ifarch x86_64\n%elifarch aa|\n%endif\n`);
    assert.equal(elif.labels[0], 'aarch64');
  });

  it('completes noarch first after BuildArch:', () => {
    const { labels } = complete(`${PREAMBLE}BuildArch: |\n`);
    assert.equal(labels[0], 'noarch');
  });

  it('completes SPDX ids after License:', () => {
    const { labels, c, find } = complete('Name: x\nLicense: GPL-2.0-o|\n');
    assert.ok(labels.includes('GPL-2.0-only'));
    assert.ok(labels.includes('GPL-2.0-or-later'));
    assert.equal(textAt(c, find('GPL-2.0-only')!.textEdit!.range), 'GPL-2.0-o');
    const op = complete('Name: x\nLicense: MIT |\n');
    assert.ok(op.labels.slice(0, 3).includes('AND'));
    const paren = complete('Name: x\nLicense: MIT AND (Apache-|\n');
    assert.ok(paren.labels.includes('Apache-2.0'));
  });
});

describe('completion: %prep commands and dkms in scriptlets', () => {
  it('completes %setup options', () => {
    const { labels } = complete(`${PREAMBLE}%prep\n%setup -|\n`);
    for (const o of ['-q', '-n', '-c', '-T', '-a', '-b']) assert.ok(labels.includes(o), o);
  });

  it('completes %autosetup -p1 and -S git, and VCS names after -S', () => {
    const { labels } = complete(`${PREAMBLE}%prep\n%autosetup |\n`);
    assert.ok(labels.includes('-p1'));
    assert.ok(labels.includes('-S git'));
    const vcs = complete(`${PREAMBLE}%prep\n%autosetup -S |\n`);
    assert.ok(vcs.labels.includes('git'));
    assert.ok(vcs.labels.includes('quilt'));
  });

  it('completes patch numbers after %patch -P', () => {
    const { labels, find } = complete(`${PREAMBLE}Patch0: a.patch\nPatch7: b.patch\n%prep\n%patch -P |\n`);
    assert.deepEqual(labels.sort(), ['0', '7']);
    assert.match(find('7')!.detail!, /b\.patch/);
  });

  it('completes source numbers after %setup -a', () => {
    const { labels } = complete(`${PREAMBLE}Source0: a.tgz\nSource1: b.tgz\n%prep\n%setup -q -a |\n`);
    assert.deepEqual(labels.sort(), ['0', '1']);
  });

  it('completes dkms subcommands and options in scriptlets', () => {
    const sub = complete(`${PREAMBLE}%post\ndkms ad|\n`);
    assert.deepEqual(sub.labels, ['add']);
    const opt = complete(`${PREAMBLE}%preun\ndkms remove -m foo -v 1 --a|\n`);
    assert.ok(opt.labels.includes('--all'));
    assert.ok(opt.labels.includes('--arch'));
    const none = complete(`${PREAMBLE}%description\ndkms ad|\n`);
    assert.equal(none.list.items.length, 0);
  });

  it('reads the dkms command with the shell layer: after options, after an empty word, never in Lua', () => {
    assert.equal(complete(`${PREAMBLE}%post\ndkms -q ins|\n`).labels[0], 'install');
    assert.ok(complete(`${PREAMBLE}%post\nif true; then dkms |\n`).labels.includes('remove'));
    // `-k 6.1` is an option with its value, `build` the subcommand: its options come first
    const opt = complete(`${PREAMBLE}%post\ndkms -k 6.1 build --f|\n`);
    assert.ok(opt.labels.includes('--force'));
    assert.equal(complete(`${PREAMBLE}%post -p <lua>\ndkms ad|\n`).list.items.length, 0);
  });
});

describe('completion: dkms.conf', () => {
  const dkms = (s: string, crlf = false) => complete(s, { languageId: 'dkms-conf', crlf });

  it('completes directives at line start, indexed ones as snippets', () => {
    const { find, c } = dkms('PACKAGE_NAME="x"\nBUILT_MOD|\n');
    const item = find('BUILT_MODULE_NAME')!;
    assert.equal(item.textEdit!.newText, 'BUILT_MODULE_NAME[${1:0}]="$2"');
    assert.equal(item.insertTextFormat, 2);
    assert.equal(textAt(c, item.textEdit!.range), 'BUILT_MOD');
    assert.equal(dkms('AUTOINS|\n').find('AUTOINSTALL')!.textEdit!.newText, 'AUTOINSTALL="$1"');
  });

  it('inserts only the name when the assignment is already there', () => {
    const { find } = dkms('AUTOINS|="yes"\n');
    assert.equal(find('AUTOINSTALL')!.textEdit!.newText, 'AUTOINSTALL');
  });

  it('completes yes/no values, quoting when needed', () => {
    assert.equal(dkms('AUTOINSTALL=|\n').find('yes')!.textEdit!.newText, '"yes"');
    assert.equal(dkms('AUTOINSTALL="|\n').find('yes')!.textEdit!.newText, 'yes"');
    assert.equal(dkms('AUTOINSTALL="|"\n').find('yes')!.textEdit!.newText, 'yes');
  });

  it('completes DEST_MODULE_LOCATION roots', () => {
    const { labels } = dkms('DEST_MODULE_LOCATION[0]="|"\n');
    assert.ok(labels.includes('/updates'));
    assert.ok(labels.includes('/extra'));
    assert.ok(labels.includes('/kernel/drivers/…'));
  });

  it('completes variables after $ and ${, closing the brace', () => {
    const plain = dkms('PACKAGE_NAME="acme"\nMAKE[0]="make -C $kernel_s|"\n');
    assert.equal(plain.labels[0], 'kernel_source_dir');
    assert.equal(plain.find('kernel_source_dir')!.textEdit!.newText, 'kernel_source_dir');
    const braced = dkms('PACKAGE_NAME="acme"\nBUILT_MODULE_NAME[0]="${PACK|"\n', true);
    assert.equal(braced.find('PACKAGE_NAME')!.textEdit!.newText, 'PACKAGE_NAME}');
    assert.equal(braced.find('PACKAGE_NAME')!.textEdit!.range.start.line, 1);
  });

  it('does not complete variables inside single quotes or comments', () => {
    assert.equal(dkms("MAKE[0]='make $ker|'\n").list.items.length, 0);
    assert.equal(dkms('# AUTOINS|\n').list.items.length, 0);
  });
});

// Latency is measured by `npm run bench` (completion p50/p95 over the server on snapd.spec), not here.
describe('completion in a large real spec', () => {
  it('completes macro names inside %{…} on snapd.spec', (t) => {
    const shared = sharedDir();
    if (!shared) return t.skip(SHARED_MISSING);
    const dir = path.join(shared, 'corpus', 'spec');
    const file = fs.readdirSync(dir).find((f) => f.endsWith('snapd.spec'));
    if (!file) return t.skip('snapd.spec is not in the corpus');
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const doc = { uri: 'file:///bench/snapd.spec', languageId: 'rpm-spec' as const, version: 1, text };
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('%{_bindir}'));
    const character = lines[line].indexOf('%{_bindir}') + 4;
    const labels = service.complete(doc, { line, character }).items.map((i) => i.label);
    // `%{_b|`: rpm's macros and the spec's own (`%global with_bundled`) that match what is typed.
    assert.ok(labels.includes('_bindir') && labels.includes('_builddir'), labels.slice(0, 20).join(' '));
    assert.ok(/^%global with_bundled /m.test(text) && labels.includes('with_bundled'));
    assert.ok(!labels.includes('_libdir'));
  });
});

describe('completion: a dkms.conf written by a here-document in the spec', () => {
  it('offers dkms.conf directives inside the body, with edits at spec positions', () => {
    const { c, find } = complete(`${PREAMBLE}%install\ncat > dkms.conf <<'EOF'\nPACKAGE_NAME=hello\nBUILT_MOD|\nEOF\n`);
    const item = find('BUILT_MODULE_NAME');
    assert.ok(item, 'BUILT_MODULE_NAME is offered');
    assert.equal(textAt(c, item.textEdit!.range), 'BUILT_MOD');
    const outside = complete(`${PREAMBLE}%install\ncat > dkms.conf <<'EOF'\nPACKAGE_NAME=hello\nEOF\nBUILT_MOD|\n`);
    assert.equal(outside.find('BUILT_MODULE_NAME'), undefined);
  });
});
