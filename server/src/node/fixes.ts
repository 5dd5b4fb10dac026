// Applying safe fixes to a text: the CLI's --fix and the server's fix-all actions.
import { LineIndex } from '../service/text/lineIndex';
import type { Finding, Fix, TextEdit } from '../service/types';

/** The first safe fix of each finding (optionally of one rule). */
export function safeFixes(findings: readonly Finding[], rule?: string): Fix[] {
  const out: Fix[] = [];
  for (const f of findings) {
    if (rule !== undefined && f.rule !== rule) continue;
    const fix = f.fixes.find((x) => x.safety === 'safe');
    if (fix && fix.edits.length > 0) out.push(fix);
  }
  return out;
}

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

const overlaps = (a: OffsetEdit, b: OffsetEdit) =>
  (a.start < b.end && b.start < a.end) || a.start === b.start || (a.start === a.end && a.start === b.end) || (b.start === b.end && b.start === a.end);

/**
 * The edits taken so far: pairwise non-overlapping, so sorted by start their ends do not
 * decrease, and only the neighbours of a new edit's start can overlap it. Kept as sorted runs of
 * sizes 1, 2, 4… merged like a binary counter (O(log n) amortised per insert, O(log² n) per
 * query), so picking among n fixes costs O(n log² n), not O(n²) (150k fixes took minutes).
 */
class TakenEdits {
  private readonly runs: (OffsetEdit[] | undefined)[] = [];

  clashes(e: OffsetEdit): boolean {
    for (const run of this.runs) {
      if (!run) continue;
      // First edit of the run starting at or after e.start; it and the one before are the only candidates.
      let lo = 0;
      let hi = run.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (run[mid].start < e.start) lo = mid + 1;
        else hi = mid;
      }
      if ((lo < run.length && overlaps(e, run[lo])) || (lo > 0 && overlaps(e, run[lo - 1]))) return true;
    }
    return false;
  }

  add(e: OffsetEdit): void {
    let carry = [e];
    for (let level = 0; ; level++) {
      const run = this.runs[level];
      if (!run) {
        this.runs[level] = carry;
        return;
      }
      this.runs[level] = undefined;
      carry = mergeByStart(run, carry);
    }
  }
}

function mergeByStart(a: OffsetEdit[], b: OffsetEdit[]): OffsetEdit[] {
  const out: OffsetEdit[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(a[i].start <= b[j].start ? a[i++] : b[j++]);
  while (i < a.length) out.push(a[i++]);
  while (j < b.length) out.push(b[j++]);
  return out;
}

/** Whether two edits of one fix overlap (sorted by start, only neighbours can). */
function selfOverlapping(edits: OffsetEdit[]): boolean {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) if (overlaps(sorted[i - 1], sorted[i])) return true;
  return false;
}

/**
 * Picks fixes whose edits overlap neither each other nor an earlier pick (a fix is taken whole
 * or not at all) and returns their edits. Two insertions at the same point count as overlapping.
 * Used by the CLI's --fix and the server's fix-all code actions.
 */
export function selectNonOverlapping(text: string, fixes: readonly Fix[]): { edits: TextEdit[]; applied: number } {
  const lines = new LineIndex(text);
  const taken = new TakenEdits();
  const edits: TextEdit[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const mine = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
    if (mine.some((e) => e.end < e.start)) continue;
    if (mine.some((e) => taken.clashes(e)) || (mine.length > 1 && selfOverlapping(mine))) continue;
    for (const e of mine) taken.add(e);
    edits.push(...fix.edits);
    applied++;
  }
  return { edits, applied };
}

/** Applies non-overlapping edits (LSP ranges) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  // Ascending by start; at one point an insertion goes before a replacement, and of two edits
  // on the same range the later one first (as applying them from the end of the text did).
  const sorted = edits
    .map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || b.i - a.i);
  // One pass over the text (slicing the whole text once per edit was quadratic: 20k fixes, 10 s).
  const parts: string[] = [];
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // overlaps an edit already applied
    parts.push(text.slice(at, e.start), e.newText);
    at = Math.max(at, e.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Lints, applies the safe fixes, and repeats until nothing changes (at most `passes` times).
 * Returns the final text and how many fixes were applied.
 */
export function fixAll(text: string, lint: (text: string) => readonly Finding[], passes = 5): { text: string; fixed: number } {
  let current = text;
  let fixed = 0;
  for (let pass = 0; pass < passes; pass++) {
    const { edits, applied } = selectNonOverlapping(current, safeFixes(lint(current)));
    if (applied === 0) break;
    const next = applyTextEdits(current, edits);
    if (next === current) break;
    current = next;
    fixed += applied;
  }
  return { text: current, fixed };
}
