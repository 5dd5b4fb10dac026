// Interim file writing and diffs for `format` and `bump` until the shared safe-write module
// (node/safeWrite.ts) and unified diff (node/unifiedDiff.ts) are on main: the new text goes to a
// temporary file in the same folder, renamed over the original, and only if the file still
// holds the text that was read.
import fs from 'node:fs';
import path from 'node:path';

export type WriteBackResult = { ok: true } | { ok: false; message: string };

export function writeBack(file: string, expected: string, text: string): WriteBackResult {
  let now: string;
  try {
    now = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { ok: false, message: `cannot read the file again (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (now !== expected) return { ok: false, message: 'the file changed since it was read; not written' };
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.specwright-${process.pid}.tmp`);
  try {
    const mode = fs.statSync(file).mode & 0o7777;
    fs.writeFileSync(tmp, text, { mode });
    fs.renameSync(tmp, file);
    return { ok: true };
  } catch (e) {
    try { fs.rmSync(tmp, { force: true }); } catch { /* nothing to clean */ }
    return { ok: false, message: `write failed (${(e as NodeJS.ErrnoException).code ?? String(e)}); the file is unchanged` };
  }
}

/** A unified diff of two texts (whole lines; `git apply`-able), empty when equal. */
export function unifiedDiff(oldText: string, newText: string, name: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  // Trim the common head and tail, then an LCS over the middle (formatting changes are small).
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const ops: { op: ' ' | '-' | '+'; line: string }[] = [];
  for (let i = 0; i < head; i++) ops.push({ op: ' ', line: a[i] });
  const m = am.length;
  const n = bm.length;
  if (m * n > 25_000_000) {
    for (const l of am) ops.push({ op: '-', line: l });
    for (const l of bm) ops.push({ op: '+', line: l });
  } else {
    const lcs: Uint32Array[] = Array.from({ length: m + 1 }, () => new Uint32Array(n + 1));
    for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i][j] = am[i] === bm[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    let i = 0;
    let j = 0;
    while (i < m || j < n) {
      if (i < m && j < n && am[i] === bm[j]) { ops.push({ op: ' ', line: am[i] }); i++; j++; }
      else if (i < m && (j === n || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', line: am[i++] });
      else ops.push({ op: '+', line: bm[j++] });
    }
  }
  for (let i = a.length - tail; i < a.length; i++) ops.push({ op: ' ', line: a[i] });
  let out = `--- a/${name}\n+++ b/${name}\n`;
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === ' ') { k++; continue; }
    let start = Math.max(0, k - context);
    let end = k;
    // Extend the hunk while changes are closer than 2*context lines apart.
    for (;;) {
      while (end < ops.length && ops[end].op !== ' ') end++;
      let gap = end;
      while (gap < ops.length && ops[gap].op === ' ') gap++;
      if (gap < ops.length && gap - end <= 2 * context) { end = gap; continue; }
      end = Math.min(ops.length, end + context);
      break;
    }
    let oldStart = 1;
    let newStart = 1;
    for (let x = 0; x < start; x++) { if (ops[x].op !== '+') oldStart++; if (ops[x].op !== '-') newStart++; }
    const hunk = ops.slice(start, end);
    const oldCount = hunk.filter((o) => o.op !== '+').length;
    const newCount = hunk.filter((o) => o.op !== '-').length;
    out += `@@ -${oldCount === 0 ? oldStart - 1 : oldStart},${oldCount} +${newCount === 0 ? newStart - 1 : newStart},${newCount} @@\n`;
    for (const o of hunk) out += o.op + (o.line.endsWith('\n') ? o.line : `${o.line}\n\\ No newline at end of file\n`);
    k = end;
    start = end;
  }
  return out;
}

/** Lines with their line break (the last may have none). */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}
