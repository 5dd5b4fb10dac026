// Edits rules build their fixes from.
import type { OffsetEdit } from '../types';
import type { SpecDocument } from './ast';

/** Deletes physical lines first..last (inclusive) with their line breaks. */
export function deleteLines(doc: SpecDocument, first: number, last = first): OffsetEdit {
  const { lines } = doc;
  const start = lines.lineStarts[first];
  let end = lines.lineEndWithBreak(last);
  if (end === doc.text.length && last + 1 >= lines.lineCount && first > 0) {
    // Last line without a trailing newline: take the previous line break instead.
    return { start: lines.lineEnd(first - 1), end: doc.text.length, newText: '' };
  }
  if (end < start) end = start;
  return { start, end, newText: '' };
}

/** True when [start, end) is all the non-blank text of its line (the line holds nothing else). */
export function aloneOnLine(doc: SpecDocument, start: number, end: number): boolean {
  const line = doc.lines.lineOf(start);
  if (doc.lines.lineOf(end) !== line && end !== doc.lines.lineEndWithBreak(line)) return false;
  const before = doc.text.slice(doc.lines.lineStarts[line], start);
  const after = doc.text.slice(end, doc.lines.lineEnd(line));
  return before.trim() === '' && after.trim() === '';
}
