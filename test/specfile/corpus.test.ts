// Every spec of the reference corpus parses and lints without an exception, and every range the
// service returns lies inside its document.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createLanguageService, type Range } from '../../server/src/service/index';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';

function inside(range: Range, lineCount: number, lineLength: (line: number) => number): boolean {
  const ok = (p: Range['start']) => p.line >= 0 && p.line < lineCount && p.character >= 0 && p.character <= lineLength(p.line);
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

test('every corpus spec parses, lints and outlines without an exception', (t) => {
  const shared = sharedDir();
  if (!shared) {
    t.skip(SHARED_MISSING);
    return;
  }
  const dirs = [path.join(shared, 'corpus', 'spec'), path.join(shared, 'corpus', 'rpmlint-tests')];
  const service = createLanguageService();
  let files = 0;
  const problems: string[] = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir)) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const uri = `file://${path.join(dir, name)}`;
      const doc = { uri, languageId: 'rpm-spec' as const, version: 1, text };
      const parsed = service.parseSpec(doc);
      const lineLength = (l: number) => parsed.lines.lineEnd(l) - parsed.lines.lineStarts[l];
      const count = parsed.lines.lineCount;
      const result = service.lint(doc);
      for (const e of result.ruleErrors) problems.push(`${name}: rule ${e.rule} threw: ${e.error.split('\n')[0]}`);
      for (const f of result.findings) {
        if (!inside(f.range, count, lineLength)) problems.push(`${name}: ${f.rule} range outside the document`);
        for (const fix of f.fixes) for (const e of fix.edits) if (!inside(e.range, count, lineLength)) problems.push(`${name}: ${f.rule} fix edit outside the document`);
      }
      for (const s of service.documentSymbols(doc)) if (!inside(s.range, count, lineLength)) problems.push(`${name}: symbol ${s.name} outside the document`);
      for (const r of service.foldingRanges(doc)) if (r.startLine >= r.endLine || r.endLine >= count) problems.push(`${name}: bad folding range ${r.startLine}-${r.endLine}`);
      service.forget(uri);
      files++;
    }
  }
  assert.ok(files >= 500, `expected the whole corpus, read ${files} files`);
  assert.deepEqual(problems.slice(0, 20), []);
});
