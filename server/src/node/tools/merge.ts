// Merging external-tool diagnostics with ours: a tool message that one of our findings makes
// redundant (rpm's parse error on a line where we report an error) is dropped.
import { LineIndex } from '../../service/text/lineIndex';
import { isDuplicate } from './index';

/** What an external diagnostic carries in Diagnostic.data. */
export interface ExternalDiagnosticData {
  tool: string;
  /** Document version the fixes were computed for. */
  version: number;
  fixes: import('../../service/types').Fix[];
  duplicates?: string[];
  lineless?: boolean;
}

export function isExternalDiagnosticData(data: unknown): data is ExternalDiagnosticData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.tool === 'string' && typeof d.version === 'number' && Array.isArray(d.fixes);
}

interface Located {
  range: { start: { line: number } };
  data?: unknown;
}

/** `extra` without the diagnostics that duplicate one of `own` (our findings: rule id + range). */
export function withoutDuplicates<T extends Located>(own: readonly { rule: string; severity?: string; range: { start: { line: number } } }[], extra: readonly T[]): T[] {
  if (extra.length === 0) return [];
  const ownLines = own.map((o) => ({ rule: o.rule, line: o.range.start.line, severity: o.severity }));
  return extra.filter((d) => {
    const data = d.data;
    if (!isExternalDiagnosticData(data)) return true;
    return !isDuplicate({ duplicates: data.duplicates, lineless: data.lineless, range: d.range }, ownLines);
  });
}

interface Ranged {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * Tool diagnostics computed on `oldText`, carried over to `newText`: those whose lines the edit
 * touched are dropped (the text they were about changed), those after it move with their text.
 * The edit is found as the longest common prefix and suffix, so this is linear in the text.
 */
export function carryOver<T extends Ranged>(oldText: string, newText: string, diagnostics: readonly T[]): T[] {
  if (oldText === newText || diagnostics.length === 0) return [...diagnostics];
  const max = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < max && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)) suffix++;
  const changedEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  const before = new LineIndex(oldText);
  const after = new LineIndex(newText);
  const out: T[] = [];
  for (const d of diagnostics) {
    const first = Math.min(d.range.start.line, before.lineCount - 1);
    const last = Math.min(d.range.end.line, before.lineCount - 1);
    const spanStart = before.lineStarts[first];
    const spanEnd = before.lineEnd(last);
    // The old text [prefix, changedEnd) was replaced; a pure insertion at a line's start only moves the line.
    const touched = changedEnd > prefix ? prefix <= spanEnd && changedEnd > spanStart : spanStart < prefix && prefix <= spanEnd;
    if (touched) continue;
    if (spanEnd < prefix) out.push(d);
    else {
      const start = after.positionAt(before.offsetAt(d.range.start) + delta);
      const end = after.positionAt(before.offsetAt(d.range.end) + delta);
      out.push({ ...d, range: { start, end } });
    }
  }
  return out;
}
