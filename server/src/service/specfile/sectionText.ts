// Raw physical lines of a spec together with the section each belongs to: for rules that match
// rpmlint's line-oriented checks but must still know where a line sits.
import type { Section, SpecDocument } from './ast';
import { cachedPerParse } from '../perParse';

export interface SpecLine {
  line: number;
  start: number;
  end: number;
  text: string;
  section: Section;
}

/** Every physical line of the document with its section; built once per parse (do not mutate). */
export const specLines = cachedPerParse((doc: SpecDocument): readonly SpecLine[] => {
  const out: SpecLine[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStarts[line];
    const end = doc.lines.lineEnd(line);
    out.push({ line, start, end, text: doc.text.slice(start, end), section: doc.sections[doc.lineSection[line]] ?? doc.sections[0] });
  }
  return out;
});

/** Where to report a finding about the whole file: the Name tag's value, else the first line. */
export function fileAnchor(doc: SpecDocument): { start: number; end: number } {
  const name = doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0);
  if (name) return { start: name.start, end: name.end };
  return { start: 0, end: doc.lines.lineEnd(0) };
}

