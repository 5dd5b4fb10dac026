// Every intelligence request at every offset of hostile input: nothing throws, ranges stay in the document.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex, type DocumentInput, type LanguageId, type Range } from '../../server/src/service/index';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';
import { service } from './util';

const HOSTILE_SPEC = '\ufeff%global a%{\r\n%define x(ab:) %{-a} %{?b:%{b}} %(echo\r%bcond_with\nName: %{?\nRequires(: (a if\n%if %{with\n%ifarch %{\n%package -n\n%files -n %{name}-\n%patch -P\n%setup -a\n%{lua: print("😀")\n}\n%{S:}\n%{P:x}\n%patch999999999999999999\nLicense: (MIT\nSource: %{url\n%changelog\n* 日本語 %{_li\n%{%{%{%{\n%else\n%endif\n%endif\n%{with_}\n%{?!?}\n%%{_libdir} %%%\n';
const HOSTILE_DKMS = 'PACKAGE_NAME="a\nMAKE[="$(\nBUILT_MODULE_NAME[0]=${\nDEST_MODULE_LOCATION[0]="/\nAUTOINSTALL=\'\n$\n${}\nif [ x ]; then\nSTRIP[$i]=no\n';

function exercise(doc: DocumentInput, step = 1): void {
  const lines = new LineIndex(doc.text);
  const inDoc = (r: Range) => {
    const s = lines.offsetAt(r.start);
    const e = lines.offsetAt(r.end);
    assert.ok(s <= e && e <= doc.text.length, `range ${JSON.stringify(r)} inside the document`);
  };
  service.semanticTokens(doc);
  service.documentLinks(doc);
  service.inactiveRanges(doc, 'fedora');
  for (const h of service.inlayHints(doc, { start: { line: 0, character: 0 }, end: lines.positionAt(doc.text.length) })) assert.ok(h.position.line < lines.lineCount);
  for (let offset = 0; offset <= doc.text.length; offset += step) {
    const position = lines.positionAt(offset);
    const list = service.complete(doc, position, { distro: 'opensuse' });
    for (const item of list.items) {
      inDoc(item.textEdit!.range);
      assert.equal(item.textEdit!.range.start.line, item.textEdit!.range.end.line, 'single-line edit');
      assert.equal(item.textEdit!.range.start.line, position.line, 'edit on the cursor line');
    }
    const hover = service.hover(doc, position, { distro: 'fedora' });
    if (hover?.range) inDoc(hover.range);
    for (const l of service.definition(doc, position)) inDoc(l.range);
    for (const l of service.references(doc, position, true)) inDoc(l.range);
    service.documentHighlights(doc, position);
    const r = service.rename(doc, position, 'renamed_x');
    if ('edit' in r) for (const e of Object.values(r.edit.changes).flat()) inDoc(e.range);
  }
}

const input = (text: string, languageId: LanguageId, uri: string): DocumentInput => ({ uri, languageId, version: 1, text });

describe('robustness of the intelligence features', () => {
  it('survives hostile spec text at every offset', () => {
    exercise(input(HOSTILE_SPEC, 'rpm-spec', 'file:///h/hostile.spec'));
  });

  it('survives hostile dkms.conf text at every offset', () => {
    exercise(input(HOSTILE_DKMS, 'dkms-conf', 'file:///h/dkms.conf'));
  });

  it('survives corpus files (sampled offsets)', (t) => {
    const shared = sharedDir();
    if (!shared) return t.skip(SHARED_MISSING);
    const specDir = path.join(shared, 'corpus', 'spec');
    const specs = fs.readdirSync(specDir).filter((f) => /dkms|kmod/i.test(f)).slice(0, 4);
    for (const f of specs) exercise(input(fs.readFileSync(path.join(specDir, f), 'utf8'), 'rpm-spec', `file:///c/${f}`), 13);
    const dkmsDir = path.join(shared, 'corpus', 'dkms');
    if (fs.existsSync(dkmsDir)) {
      const confs = fs.readdirSync(dkmsDir).filter((f) => fs.statSync(path.join(dkmsDir, f)).isFile()).slice(0, 6);
      for (const f of confs) exercise(input(fs.readFileSync(path.join(dkmsDir, f), 'utf8'), 'dkms-conf', `file:///c/${f}/dkms.conf`), 3);
    }
  });
});
