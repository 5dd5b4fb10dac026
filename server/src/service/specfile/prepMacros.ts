// Lines that call %setup, %autosetup or %autopatch as a directive (first word of the line).
import type { Section, SpecDocument } from './ast';
import { cachedPerParse } from '../perParse';
import { definitionTable } from './macroScope';

export interface PrepCall {
  name: 'setup' | 'autosetup' | 'autopatch';
  line: number;
  /** The `%setup` word. */
  start: number;
  end: number;
  /** Text after the word, to the end of the line. */
  args: string;
  section: Section;
}

const CALL = /^([ \t]*)%(\{?)(setup|autosetup|autopatch)(\}?)(?=\s|$)(.*)$/;

/**
 * The line starting at `start` may be a call: `%setup`, `%autosetup` or `%autopatch` (braced or
 * not) after blanks. A test by position before CALL's line copy and regex: most macro lines are
 * other macros.
 */
function mayCall(text: string, start: number): boolean {
  let k = start;
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  if (text.charCodeAt(k) !== 37) return false;
  const name = text.charCodeAt(k + 1) === 123 ? k + 2 : k + 1;
  const first = text.charCodeAt(name);
  if (first === 115 /* s */) return text.startsWith('setup', name);
  return first === 97 /* a */ && (text.startsWith('autosetup', name) || text.startsWith('autopatch', name));
}

/** The calls in file order (cached per parse: several rules ask). */
export const prepCalls = cachedPerParse((doc: SpecDocument): PrepCall[] => {
  const out: PrepCall[] = [];
  // Names the spec defines itself (picard: `%define setup setup.py`, then `%{setup}` in %build) are
  // its own macros outside %prep; in %prep rpm ≥ 4.19 puts its own %setup/%patch over them.
  const own = definitionTable(doc);
  const { lineKinds, text: docText } = doc;
  const { lineCount, lineStarts } = doc.lines;
  for (let line = 0; line < lineCount; line++) {
    if (lineKinds[line] !== 'macro-line') continue;
    if (!mayCall(docText, lineStarts[line])) continue;
    const text = doc.lines.lineText(line);
    const m = CALL.exec(text);
    if (!m || (m[2] === '{') !== (m[4] === '}')) continue;
    if (own.has(m[3]) && doc.sections[doc.lineSection[line]]?.kind !== 'prep') continue;
    const start = doc.lines.lineStarts[line] + m[1].length;
    const end = start + 1 + m[2].length + m[3].length + m[4].length;
    out.push({ name: m[3] as PrepCall['name'], line, start, end, args: m[5], section: doc.sections[doc.lineSection[line]] });
  }
  return out;
});
