// Semantic tokens, inlay hints and inactive %if arms through the service.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SEMANTIC_TOKENS_LEGEND, type DistroId } from '../../server/src/service/index';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';
import { cursorDoc, service } from './util';

interface Tok {
  line: number;
  char: number;
  length: number;
  type: string;
  mods: string[];
  text: string;
}

function decode(text: string, data: number[]): Tok[] {
  const lines = text.split(/\r?\n/);
  const out: Tok[] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
    const mods = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_m, k) => data[i + 4] & (1 << k));
    out.push({ line, char, length: data[i + 2], type: SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]], mods, text: lines[line].slice(char, char + data[i + 2]) });
  }
  return out;
}

function tokens(text: string, languageId: 'rpm-spec' | 'dkms-conf' = 'rpm-spec'): Tok[] {
  const c = cursorDoc(`|${text}`, { languageId });
  return decode(c.doc.text, service.semanticTokens(c.doc).data);
}

const PREAMBLE = 'Name: hello\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: Hi\nLicense: MIT\n';

describe('semantic tokens', () => {
  it('classifies macros as defined in the file, catalog or unknown', () => {
    const t = tokens(`%global mine 1\n${PREAMBLE}%files\n%{mine} %{_libdir} %{?nope_unknown} %py_sitedir\n`);
    const find = (text: string) => t.find((x) => x.text === text)!;
    assert.deepEqual(find('%global'), { ...find('%global'), type: 'keyword' });
    assert.deepEqual(find('mine').mods, ['declaration', 'local']);
    assert.deepEqual(find('%{mine').mods, ['local']);
    assert.equal(find('%{_libdir').type, 'macro');
    assert.deepEqual(find('%{_libdir').mods, ['defaultLibrary']);
    assert.deepEqual(find('%{?nope_unknown').mods, ['unresolved']);
    assert.deepEqual(find('%py_sitedir').mods, ['defaultLibrary', 'deprecated']);
  });

  it('marks tags, sections, package names and conditionals', () => {
    const t = tokens(`${PREAMBLE}Copyright: GPL\n%if 0%{?fedora}\n%package devel\nSummary: d\n%endif\n%files devel\n%{basename:/a/b}\n`);
    const find = (text: string) => t.find((x) => x.text === text)!;
    assert.equal(find('Name').type, 'property');
    assert.deepEqual(find('Copyright').mods, ['deprecated']);
    assert.equal(find('%if').type, 'keyword');
    assert.equal(find('%endif').type, 'keyword');
    assert.equal(find('%package').type, 'keyword');
    const devel = t.filter((x) => x.text === 'devel');
    assert.deepEqual(devel.map((d) => [d.type, d.mods]), [['namespace', ['declaration']], ['namespace', []]]);
    assert.equal(find('%{basename').type, 'function');
  });

  it('marks build conditionals and positional parameters', () => {
    const t = tokens(`%bcond_with tests\n%define foo(a) %{-a} %1\n${PREAMBLE}%if %{with tests}\n%endif\n`);
    const find = (text: string) => t.find((x) => x.text === text)!;
    assert.equal(find('%bcond_with').type, 'keyword');
    assert.deepEqual([find('tests').type, find('tests').mods], ['variable', ['declaration', 'local']]);
    assert.equal(find('%1').type, 'parameter');
    assert.equal(t.filter((x) => x.text === 'tests').length, 2);
  });

  it('never emits overlapping or multi-line tokens, with CRLF and non-ASCII text', () => {
    const text = `%global ünï %{lua:\nprint("x")\n}\n${PREAMBLE}%description\n日本語 😀 %{_libdir} %{?fedora:%{_bindir}}\n`.replace(/\n/g, '\r\n');
    const t = tokens(text);
    const lines = text.split('\r\n');
    for (const x of t) assert.ok(x.char + x.length <= lines[x.line].length, `token ${x.text} fits its line`);
    for (let k = 1; k < t.length; k++) {
      const a = t[k - 1];
      const b = t[k];
      assert.ok(b.line > a.line || b.char >= a.char + a.length, `tokens ${a.text} and ${b.text} do not overlap`);
    }
    const lib = t.find((x) => x.text === '%{_libdir')!;
    assert.equal(lib.char, '日本語 😀 '.length);
    assert.ok(t.some((x) => x.text === '%{_bindir'));
  });

  it('marks dkms.conf directives, deprecated ones and variables', () => {
    const t = tokens('PACKAGE_NAME="acme"\nMODULES_CONF_OBSOLETES[0]="x"\nMY_VAR=1\nMAKE[0]="make -C $kernel_source_dir M=$PWD $MY_VAR ${PACKAGE_NAME}"\n', 'dkms-conf');
    const find = (text: string) => t.find((x) => x.text === text)!;
    assert.equal(find('PACKAGE_NAME').type, 'property');
    assert.ok(find('MODULES_CONF_OBSOLETES').mods.includes('deprecated'));
    assert.equal(find('MY_VAR').type, 'variable');
    assert.deepEqual(find('$kernel_source_dir').mods, ['defaultLibrary', 'readonly']);
    assert.deepEqual(find('$MY_VAR').mods, []);
    assert.deepEqual(find('${PACKAGE_NAME}').mods, []);
  });

  // Speed is measured by `npm run bench` (semanticTokens/full on snapd.spec), not here.
  it('encodes snapd.spec as well-formed, repeatable tokens', (t) => {
    const shared = sharedDir();
    if (!shared) return t.skip(SHARED_MISSING);
    const dir = path.join(shared, 'corpus', 'spec');
    const file = fs.readdirSync(dir).find((f) => f.endsWith('snapd.spec'));
    if (!file) return t.skip('snapd.spec is not in the corpus');
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    const doc = { uri: 'file:///bench/snapd.spec', languageId: 'rpm-spec' as const, version: 1, text };
    const first = service.semanticTokens(doc).data;
    assert.ok(first.length > 1000 && first.length % 5 === 0);
    const lines = text.split('\n');
    let line = 0;
    let character = 0;
    for (let i = 0; i < first.length; i += 5) {
      // Relative encoding: a token on a new line restarts the column; lengths stay inside the line.
      line += first[i];
      character = first[i] === 0 ? character + first[i + 1] : first[i + 1];
      assert.ok(line < lines.length && character + first[i + 2] <= lines[line].length + 1, `token ${i / 5} outside line ${line}`);
    }
    assert.deepEqual(service.semanticTokens({ ...doc, version: 2 }).data, first);
  });
});

describe('inlay hints', () => {
  it('shows directory macro values of the active profile inside the range', () => {
    const c = cursorDoc(`|%global mydir /opt\n${PREAMBLE}%files\n%{_libdir}/x\n%_bindir/y\n%{mydir}\n%{?_libdir:z}\n%{name}\n`);
    const all = service.inlayHints(c.doc, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, { distro: 'fedora' });
    assert.deepEqual(all.map((h) => [h.position.line, h.position.character, h.label]), [[7, 10, '= /usr/lib64'], [8, 8, '= /usr/bin']]);
    const some = service.inlayHints(c.doc, { start: { line: 8, character: 0 }, end: { line: 9, character: 0 } }, { distro: 'fedora' });
    assert.equal(some.length, 1);
  });

  it('follows the profile (Fedora merged sbin into bin)', () => {
    const c = cursorDoc(`|${PREAMBLE}%files\n%{_sbindir}/x\n`);
    const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
    assert.equal(service.inlayHints(c.doc, range, { distro: 'fedora' })[0].label, '= /usr/bin');
    assert.equal(service.inlayHints(c.doc, range, { distro: 'opensuse' })[0].label, '= /usr/sbin');
  });
});

describe('inactive %if arms', () => {
  const inactive = (text: string, distro: DistroId) => {
    const c = cursorDoc(`|${text}`);
    return service.inactiveRanges(c.doc, distro).map((r) => `${r.range.start.line}-${r.range.end.line} ${r.directive}`);
  };

  it('evaluates distribution macros in the active profile, not from the spec', () => {
    const src = `${PREAMBLE}%if 0%{?suse_version}\nBuildRequires: suse-thing\n%else\nBuildRequires: fedora-thing\n%endif\n`;
    assert.deepEqual(inactive(src, 'fedora'), ['6-6 %if 0%{?suse_version}']);
    assert.deepEqual(inactive(src, 'opensuse'), ['8-8 %else']);
  });

  it('handles %{?rhel}, _vendor comparisons, numbers, && || ! and %elif', () => {
    const src = `%if 0%{?rhel} && 0%{?rhel} < 9\na\n%elif "%{_vendor}" == "suse"\nb\n%elif 0%{?fedora} >= 40 || 0%{?rhel}\nc\n%else\nd\n%endif\n`;
    assert.deepEqual(inactive(src, 'fedora'), ['1-1 %if 0%{?rhel} && 0%{?rhel} < 9', '3-3 %elif "%{_vendor}" == "suse"', '7-7 %else']);
    assert.deepEqual(inactive(src, 'opensuse'), ['1-1 %if 0%{?rhel} && 0%{?rhel} < 9', '5-5 %elif 0%{?fedora} >= 40 || 0%{?rhel}', '7-7 %else']);
    assert.deepEqual(inactive(`%if !(0%{?fedora})\nx\n%endif\n`, 'fedora'), ['1-1 %if !(0%{?fedora})']);
  });

  it('uses %bcond defaults and unconditional definitions', () => {
    const src = `%bcond_with tests\n%bcond_without docs\n%global use_x 0\n%if %{with tests}\na\n%endif\n%if %{without docs}\nb\n%endif\n%if %{with docs} && !%{use_x}\nc\n%endif\n%if %{with undeclared}\nd\n%endif\n%if 0%{?use_x}\ne\n%endif\n`;
    // `0%{?use_x}` is `00`: false. `%{with undeclared}` is unknown (it may come from --with).
    assert.deepEqual(inactive(src, 'fedora'), ['4-4 %if %{with tests}', '7-7 %if %{without docs}', '16-16 %if 0%{?use_x}']);
  });

  it('leaves unknown conditions, shell, Lua and arch checks alone', () => {
    const src = `%if %(test -e /x && echo 1 || echo 0)\na\n%endif\n%if 0%{?some_unknown_macro}\nb\n%endif\n%ifarch s390x\nc\n%endif\n%if %{lua: print(1)}\nd\n%endif\n%if v"1.0" < v"2.0"\ne\n%endif\n`;
    assert.deepEqual(inactive(src, 'fedora'), []);
  });

  it('does not repeat nested blocks of an inactive arm, and handles CRLF', () => {
    const src = `%if 0%{?suse_version}\n%if 0%{?sle_version}\nx\n%endif\n%endif\n`.replace(/\n/g, '\r\n');
    assert.deepEqual(inactive(src, 'fedora'), ['1-3 %if 0%{?suse_version}']);
  });
});
