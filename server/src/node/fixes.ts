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

/**
 * Picks fixes whose edits overlap neither each other nor an earlier pick (a fix is taken whole
 * or not at all) and returns their edits. Two insertions at the same point count as overlapping.
 */
export function selectNonOverlapping(text: string, fixes: readonly Fix[]): { edits: TextEdit[]; applied: number } {
  const lines = new LineIndex(text);
  const taken: OffsetEdit[] = [];
  const edits: TextEdit[] = [];
  let applied = 0;
  const overlaps = (a: OffsetEdit, b: OffsetEdit) => (a.start < b.end && b.start < a.end) || a.start === b.start || (a.start === a.end && a.start === b.end) || (b.start === b.end && b.start === a.end);
  for (const fix of fixes) {
    const mine = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
    if (mine.some((e) => e.end < e.start)) continue;
    const clash = mine.some((e, i) => taken.some((t) => overlaps(e, t)) || mine.some((o, j) => j !== i && overlaps(e, o)));
    if (clash) continue;
    taken.push(...mine);
    edits.push(...fix.edits);
    applied++;
  }
  return { edits, applied };
}

/** Applies non-overlapping edits (LSP ranges) to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
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
