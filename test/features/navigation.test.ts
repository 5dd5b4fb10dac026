// Definition, references, highlights, rename and document links through the service.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorDoc, service, textAt, type CursorDoc } from './util';

const PREAMBLE = 'Name: hello\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: Hi\nLicense: MIT\n';

const lineOf = (_c: CursorDoc, r: { start: { line: number } }) => r.start.line;

function nav(source: string, crlf = false) {
  const c = cursorDoc(source, { crlf });
  return {
    c,
    defs: service.definition(c.doc, c.position),
    refs: service.references(c.doc, c.position, true),
    refsNoDecl: service.references(c.doc, c.position, false),
    highlights: service.documentHighlights(c.doc, c.position),
  };
}

describe('navigation: macros', () => {
  const SRC = `%global commit abc123\n%define shortcommit %(c=%{com|mit}; echo \${c:0:7})\n${PREAMBLE}Source0: https://x.org/%{commit}.tar.gz\n%prep\n%autosetup -n x-%commit\n`;

  it('goes to the %global definition', () => {
    const { c, defs } = nav(SRC);
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, c.doc.uri);
    assert.equal(lineOf(c, defs[0].range), 0);
    assert.equal(textAt(c, defs[0].range), 'commit');
  });

  it('finds every reference, braced and plain, with or without the declaration', () => {
    const { c, refs, refsNoDecl, highlights } = nav(SRC);
    assert.deepEqual(refs.map((r) => lineOf(c, r.range)), [0, 1, 7, 9]);
    assert.ok(refs.every((r) => textAt(c, r.range) === 'commit'));
    assert.equal(refsNoDecl.length, 3);
    assert.deepEqual(highlights.map((h) => h.kind), [3, 2, 2, 2]);
  });

  it('works from the definition name too, in a CRLF file after non-ASCII text', () => {
    const { c, refs } = nav(`%global ünï 1\n%global com|mit abc\n${PREAMBLE}%description\n日本語 😀 %{commit}\n`, true);
    assert.equal(refs.length, 2);
    assert.equal(textAt(c, refs[1].range), 'commit');
    assert.equal(refs[1].range.start.character, '日本語 😀 %{'.length);
  });

  it('renames a macro everywhere', () => {
    const { c } = nav(SRC);
    const r = service.rename(c.doc, c.position, 'gitcommit');
    assert.ok('edit' in r);
    const edits = r.edit.changes[c.doc.uri];
    assert.equal(edits.length, 4);
    assert.ok(edits.every((e) => e.newText === 'gitcommit'));
    const prep = service.prepareRename(c.doc, c.position);
    assert.ok('placeholder' in prep);
    assert.equal(prep.placeholder, 'commit');
  });

  it('refuses renames that collide, hit catalog macros or are invalid', () => {
    const { c } = nav(SRC);
    const err = (name: string) => {
      const r = service.rename(c.doc, c.position, name);
      assert.ok('error' in r, `${name} should be refused`);
      return r.error;
    };
    assert.match(err('shortcommit'), /already defined/);
    assert.match(err('_libdir'), /distribution or rpm macro/);
    assert.match(err('9lives'), /not a valid/);
    assert.match(err('a-b'), /not a valid/);
    assert.match(err('ab'), /too short/);
  });

  it('refuses to rename catalog macros and things that are not macros', () => {
    const cat = cursorDoc(`${PREAMBLE}%files\n%{_lib|dir}/x\n`);
    const r = service.prepareRename(cat.doc, cat.position);
    assert.ok('error' in r);
    assert.match(r.error, /cannot be renamed/);
    const r2 = service.rename(cat.doc, cat.position, 'foo');
    assert.ok('error' in r2);
    const override = cursorDoc(`%global _hardened_bu|ild 1\n${PREAMBLE}`);
    const o = service.prepareRename(override.doc, override.position);
    assert.ok('error' in o);
    assert.match(o.error, /overrides/);
    const text = cursorDoc(`${PREAMBLE}%description\nplain te|xt\n`);
    assert.ok('error' in service.prepareRename(text.doc, text.position));
  });
});

describe('navigation: build conditionals', () => {
  const SRC = `%bcond_without do|cs\n${PREAMBLE}%if %{with docs}\nBuildRequires: sphinx\n%endif\n%if %{without docs}\n%endif\n%if 0%{?with_docs}\n%endif\n`;

  it('links %bcond with %{with}, %{without} and %{?with_x}', () => {
    const { c, refs, defs } = nav(SRC);
    assert.deepEqual(refs.map((r) => textAt(c, r.range)), ['docs', 'docs', 'docs', 'docs']);
    assert.deepEqual(refs.map((r) => lineOf(c, r.range)), [0, 6, 9, 11]);
    assert.equal(defs.length, 1);
  });

  it('goes from %{with x} to the %bcond', () => {
    const c = cursorDoc(SRC.replace('do|cs', 'docs').replace('%{with docs}', '%{with d|ocs}'));
    const defs = service.definition(c.doc, c.position);
    assert.equal(defs.length, 1);
    assert.equal(defs[0].range.start.line, 0);
  });

  it('renames a build conditional in all its forms', () => {
    const { c } = nav(SRC);
    const r = service.rename(c.doc, c.position, 'doc');
    assert.ok('edit' in r);
    const edits = r.edit.changes[c.doc.uri];
    const lines = c.doc.text.split('\n');
    const out = [...lines];
    for (const e of [...edits].sort((a, b) => b.range.start.character - a.range.start.character)) {
      const l = out[e.range.start.line];
      out[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    const text = out.join('\n');
    assert.match(text, /%bcond_without doc\n/);
    assert.match(text, /%\{with doc\}/);
    assert.match(text, /%\{without doc\}/);
    assert.match(text, /0%\{\?with_doc\}/);
    const clash = cursorDoc(`%bcond_with tests\n${SRC}`);
    const refused = service.rename(clash.doc, clash.position, 'tests');
    assert.ok('error' in refused);
  });
});

describe('navigation: sources, patches and subpackages', () => {
  const SRC = `${PREAMBLE}Source0: a.tar.gz\nSource1: b.conf\nPatch0: fix-a.patch\nPatch|3: fix-b.patch\n%prep\n%setup -q -a 1\n%patch 3\n%patch -P 3\n%patch -P3\n%patch3 -p1\n%autopatch -p1\n%install\ninstall %{SOURCE1} %{S:1} %SOURCE1\ncat %{PATCH3} %{P:3}\n`;

  it('finds every use of a patch: %patch N, -P N, -PN, %patchN, %autopatch, %{PATCHn}, %{P:n}', () => {
    const { c, refs } = nav(SRC);
    const texts = refs.map((r) => textAt(c, r.range));
    assert.deepEqual(texts, ['Patch3', '3', '3', '3', '%patch3', '%autopatch', '%{PATCH3}', '%{P:3}']);
  });

  it('goes from %patch -P N to the PatchN tag', () => {
    const c = cursorDoc(SRC.replace('Patch|3', 'Patch3').replace('%patch -P 3', '%patch -P |3'));
    const defs = service.definition(c.doc, c.position);
    assert.equal(defs.length, 1);
    assert.equal(textAt(c, defs[0].range), 'Patch3');
  });

  it('goes from %autopatch to every patch', () => {
    const c = cursorDoc(SRC.replace('Patch|3', 'Patch3').replace('%autopatch', '%autop|atch'));
    assert.deepEqual(service.definition(c.doc, c.position).map((d) => textAt(c, d.range)), ['Patch0', 'Patch3']);
  });

  it('links SourceN with %{SOURCEn}, %{S:n}, %SOURCEn and %setup -a n', () => {
    const c = cursorDoc(SRC.replace('Patch|3', 'Patch3').replace('%{S:1}', '%{S:|1}'));
    const refs = service.references(c.doc, c.position, true);
    assert.deepEqual(refs.map((r) => textAt(c, r.range)), ['Source1', '1', '%{SOURCE1}', '%{S:1}', '%SOURCE1']);
    const defs = service.definition(c.doc, c.position);
    assert.equal(textAt(c, defs[0].range), 'Source1');
  });

  it('treats an unnumbered Source: as Source0', () => {
    const c = cursorDoc(`${PREAMBLE}Source: a.tgz\n%install\ncp %{SOURCE|0} .\n`);
    const defs = service.definition(c.doc, c.position);
    assert.equal(textAt(c, defs[0].range), 'Source');
  });

  it('links %package with %files and %description, -n and suffix forms', () => {
    const src = `${PREAMBLE}%description\nx\n%package de|vel\nSummary: d\n%description devel\nd\n%package -n python3-hello\nSummary: p\n%description -n python3-hello\np\n%files devel\n%files -n python3-hello\n`;
    const { c, refs, defs } = nav(src);
    assert.deepEqual(refs.map((r) => textAt(c, r.range)), ['devel', 'devel', 'devel']);
    assert.equal(defs.length, 1);
    const n = cursorDoc(src.replace('de|vel', 'devel').replace('%files -n python3-hello', '%files -n python3-|hello'));
    const nd = service.definition(n.doc, n.position);
    assert.equal(nd.length, 1);
    assert.equal(textAt(n, nd[0].range), 'python3-hello');
    assert.equal(service.references(n.doc, n.position, true).length, 3);
  });
});

describe('document links', () => {
  it('links URL, remote sources with expanded macros and local patches', () => {
    const c = cursorDoc(`|%global forgeurl https://github.com/acme/hello\n${PREAMBLE}URL: %{forgeurl}\nSource0: %{forgeurl}/archive/v%{version}/%{name}-%{version}.tar.gz\nSource1: hello.conf\nPatch0: 0001-fix build.patch\nPatch1: patches/0002-fix.patch\nSource2: %{unknown_macro}/x.tgz\nBugURL: ftp://ftp.example.org/bugs\n`);
    const links = service.documentLinks(c.doc, { distro: 'fedora' });
    const targets = links.map((l) => l.target);
    assert.deepEqual(targets, [
      'https://github.com/acme/hello',
      'https://github.com/acme/hello/archive/v1.0/hello-1.0.tar.gz',
      './hello.conf',
      './0002-fix.patch',
      'ftp://ftp.example.org/bugs',
    ]);
    assert.equal(textAt(c, links[0].range), '%{forgeurl}');
  });
});
