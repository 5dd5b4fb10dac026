import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { parseDkms } from '../../server/src/service/dkms/parser';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';

function findConfs(dir: string, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) findConfs(p, out);
    else if (name === 'dkms.conf') out.push(p);
  }
  return out;
}

const shared = sharedDir();

test('every corpus dkms.conf parses, lints and yields ranges inside the document', { skip: shared ? false : SHARED_MISSING }, () => {
  const files = findConfs(path.join(shared!, 'corpus', 'dkms'));
  assert.ok(files.length >= 90, `expected the 90 corpus files, found ${files.length}`);
  const service = createLanguageService();
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const doc = parseDkms(text);
    const spans = [...doc.assignments, ...doc.comments, ...doc.shellCode, ...doc.problems, ...doc.blocks, ...doc.placeholders];
    for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${file}: span ${s.start}-${s.end}`);
    const uri = `file://${file}`;
    const result = service.lint({ uri, languageId: 'dkms-conf', version: 1, text });
    assert.deepEqual(result.ruleErrors, [], file);
    const lastLine = doc.lines.lineCount - 1;
    for (const f of result.findings) {
      for (const p of [f.range.start, f.range.end]) {
        assert.ok(p.line >= 0 && p.line <= lastLine, `${file}: ${f.rule} line ${p.line}`);
        assert.ok(p.character >= 0 && p.character <= doc.lines.lineText(p.line).length, `${file}: ${f.rule} character`);
      }
    }
    service.documentSymbols({ uri, languageId: 'dkms-conf', version: 1, text });
    service.foldingRanges({ uri, languageId: 'dkms-conf', version: 1, text });
  }
});

test('real-world driver dkms.conf files (not dell/dkms test fixtures) have no parse problems', { skip: shared ? false : SHARED_MISSING }, () => {
  const files = findConfs(path.join(shared!, 'corpus', 'dkms')).filter((f) => !f.includes('dell__dkms__test'));
  for (const file of files) {
    const doc = parseDkms(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(doc.problems.map((p) => p.message), [], file);
  }
});
