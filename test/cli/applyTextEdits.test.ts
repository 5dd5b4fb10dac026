// applyTextEdits builds the new text in one pass: same result as applying the edits one by one
// from the end of the text (the old, quadratic way), on random non-overlapping edits.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyTextEdits } from '../../server/src/node/fixes';
import { LineIndex } from '../../server/src/service/text/lineIndex';
import type { TextEdit } from '../../server/src/service/types';

function reference(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('applyTextEdits', () => {
  it('matches edit-by-edit application on 500 random sets of non-overlapping edits', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: 1 + rnd(8) }, () => 'abcdef'.slice(0, rnd(7))).join(rnd(3) ? '\n' : '\r\n');
      const lines = new LineIndex(text);
      const edits: TextEdit[] = [];
      let at = 0;
      while (at <= text.length && edits.length < 6) {
        const start = at + rnd(4);
        if (start > text.length) break;
        const end = Math.min(text.length, start + rnd(3));
        edits.push({ range: { start: lines.positionAt(start), end: lines.positionAt(end) }, newText: ['', 'X', 'YY\n'][rnd(3)] });
        at = end + 1;
      }
      const shuffled = [...edits].sort(() => rnd(3) - 1);
      assert.equal(applyTextEdits(text, shuffled), reference(text, edits), JSON.stringify({ text, edits }));
    }
  });

  it('applies 100,000 edits (one per line)', () => {
    const text = 'usr/bin/x\n'.repeat(100_000);
    const edits: TextEdit[] = Array.from({ length: 100_000 }, (_, line) => ({ range: { start: { line, character: 0 }, end: { line, character: 7 } }, newText: '%{_bindir}' }));
    const out = applyTextEdits(text, edits);
    assert.equal(out, '%{_bindir}/x\n'.repeat(100_000));
  });
});
