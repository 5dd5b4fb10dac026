// %setup + %patch → %autosetup: offered only when the rewrite builds the same thing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../server/src/service/features/format';
import { specRefactorings } from '../../server/src/service/features/refactorings';
import { includedFiles, referencesInIncluded } from '../../server/src/service/features/includeReferences';
import { parseSpec } from '../../server/src/service/specfile/parser';

const HEAD = ['Name: a', 'Version: 1', 'Release: 1', 'Summary: s', 'License: MIT', 'Source0: a.tar.gz', 'Patch0: zero.patch', 'Patch1: one.patch', '', '%description', 'x', '', '%prep'];
const all = { start: { line: 0, character: 0 }, end: { line: 99, character: 0 } };
const rewrite = (prep: string[]) => {
  const doc = parseSpec([...HEAD, ...prep, '', '%build', 'make', ''].join('\n'));
  const r = specRefactorings(doc, all);
  return r.length ? { title: r[0].title, text: applyEdits(doc, r[0].edits) } : undefined;
};

describe('%setup + %patch → %autosetup', () => {
  it('rewrites when every patch is applied once, in order, with the same -p', () => {
    const r = rewrite(['%setup -q -n a-1', '%patch -P 0 -p1', '', '%patch1 -p1'])!;
    assert.equal(r.title, 'Replace %setup and 2 %patch lines with %autosetup -p1 -n a-1');
    assert.match(r.text, /\n%prep\n%autosetup -p1 -n a-1\n\n%build\n/);
    assert.match(rewrite(['%setup -q', '%patch -P0', '%patch -P1'])!.text, /\n%prep\n%autosetup -p0\n/);
  });

  it('is not offered when the patches differ in -p, are out of order, miss one, take other options, sit in a %if or have text between', () => {
    assert.equal(rewrite(['%setup -q', '%patch -P0 -p1', '%patch -P1 -p0']), undefined);
    assert.equal(rewrite(['%setup -q', '%patch -P1 -p1', '%patch -P0 -p1']), undefined);
    assert.equal(rewrite(['%setup -q', '%patch -P0 -p1']), undefined);
    assert.equal(rewrite(['%setup -q', '%patch -P0 -p1 -b .orig', '%patch -P1 -p1']), undefined);
    assert.equal(rewrite(['%setup -q', '%patch -P0 -p1', '%if 0%{?fedora}', '%patch -P1 -p1', '%endif']), undefined);
    assert.equal(rewrite(['%setup -q', '%patch -P0 -p1', 'sed -i s/a/b/ x', '%patch -P1 -p1']), undefined);
    assert.equal(rewrite(['%autosetup -p1']), undefined);
  });
});

describe('references in %include files', () => {
  it('lists the included files (literal and %{SOURCEn}) and finds the macro there', () => {
    const doc = parseSpec('%global ver 1\nName: a\nSource1: https://example.org/x/common.inc\n%include %{SOURCE1}\n%include extra.inc\n%include %{_sourcedir}/skip.inc\nVersion: %{ver}\n');
    assert.deepEqual(includedFiles(doc), ['common.inc', 'extra.inc']);
    const locs = referencesInIncluded(doc, doc.text.indexOf('ver 1') + 1, [{ uri: 'file:///x/common.inc', text: 'Release: %{ver}.1\n%define other %ver\n' }], true);
    assert.deepEqual(locs.map((l) => [l.uri, l.range.start.line, l.range.start.character]), [['file:///x/common.inc', 0, 11], ['file:///x/common.inc', 1, 15]]);
  });
});
