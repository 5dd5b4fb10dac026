// Finds every macro reference in a spec in one pass. rpm joins physical lines while a `%{`,
// `%(` or `%[` is open, so references may span lines (multi-line `%{lua:}` blocks are common).
// An opener that is never closed would swallow the rest of the file: such a frame is reported,
// cut at the end of its line, and scanning resumes on the next line. After a bounded number of
// such restarts the scanner stops letting frames cross lines, so hostile input stays linear.
import type { MacroReference, ParseProblem } from './ast';
import { specProblem } from './parseProblems';

const enum Ch {
  Percent = 37, LBrace = 123, RBrace = 125, LParen = 40, RParen = 41, LBracket = 91, RBracket = 93,
  Question = 63, Bang = 33, Newline = 10, CR = 13, Colon = 58, Star = 42, Hash = 35, Minus = 45, Space = 32, Tab = 9,
}

interface Frame {
  form: 'braced' | 'shell' | 'expression';
  start: number;
  open: number;
  close: number;
  /** Nested same-type brackets seen inside (not macro openers). */
  count: number;
  /** `%{lua:…}` bodies are Lua, not macro text. */
  lua: boolean;
  depth: number;
}

const MAX_RESTARTS = 20;

function isNameStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Macro-name characters (A-Z a-z 0-9 _) by code: the name loops index this instead of calling a test per character. */
const NAME_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) NAME_CHARS[c] = isNameStart(c) || (c >= 48 && c <= 57) ? 1 : 0;

function isNameChar(c: number): boolean {
  return c < 128 && NAME_CHARS[c] === 1;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function lineEndFrom(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === Ch.Newline || c === Ch.CR) return i;
    i++;
  }
  return n;
}

function nextLineStart(text: string, i: number): number {
  const end = lineEndFrom(text, i);
  if (end >= text.length) return end;
  if (text.charCodeAt(end) === Ch.CR && text.charCodeAt(end + 1) === Ch.Newline) return end + 2;
  return end + 1;
}

/** Fills name/flags/argument of a braced reference from its body. */
function describeBraced(text: string, ref: MacroReference, bodyStart: number, bodyEnd: number): void {
  let i = bodyStart;
  let conditional = false;
  let negated = false;
  while (i < bodyEnd) {
    const c = text.charCodeAt(i);
    if (c === Ch.Question) conditional = true;
    else if (c === Ch.Bang) negated = true;
    else break;
    i++;
  }
  const nameStart = i;
  while (i < bodyEnd) {
    const c = text.charCodeAt(i);
    // rpm 4.17+ accepts `%{name arg}` for parametric macros; names may contain `-`? no: stop at anything else.
    if (!isNameChar(c) && !(i === nameStart && (c === Ch.Star || c === Ch.Hash || c === Ch.Minus))) break;
    i++;
  }
  // `%{-f}`, `%{-f*}`, `%{**}` option/positional forms inside parametric bodies.
  if (text.charCodeAt(nameStart) === Ch.Minus) {
    while (i < bodyEnd && (isNameChar(text.charCodeAt(i)) || text.charCodeAt(i) === Ch.Star)) i++;
  }
  ref.name = text.slice(nameStart, i);
  ref.nameStart = nameStart;
  ref.nameEnd = i;
  ref.conditional = conditional;
  ref.negated = negated;
  if (i < bodyEnd && text.charCodeAt(i) === Ch.Colon) ref.argument = { start: i + 1, end: bodyEnd };
  else if (i < bodyEnd && (text.charCodeAt(i) === Ch.Space || text.charCodeAt(i) === Ch.Tab)) ref.argument = { start: i + 1, end: bodyEnd };
}

interface ScanResult {
  refs: MacroReference[];
  /** Frames still open at the end (outermost first). */
  unclosed: Frame[];
}

function scan(text: string, from: number, lineMode: boolean, refs: MacroReference[]): ScanResult {
  const n = text.length;
  const stack: Frame[] = [];
  // The innermost open frame: every character inside a macro is checked against it.
  let top: Frame | undefined;
  let i = from;
  while (i < n) {
    if (top === undefined) {
      // Outside any macro only `%` matters: jump to the next one.
      const next = text.indexOf('%', i);
      if (next < 0) break;
      i = next;
    }
    const c = text.charCodeAt(i);
    if (top !== undefined) {
      // Line mode: nothing crosses a line break; every open frame is cut here.
      if (lineMode && (c === Ch.Newline || c === Ch.CR)) return { refs, unclosed: stack };
      if (c === top.open) {
        top.count++;
        i++;
        continue;
      }
      if (c === top.close) {
        if (top.count > 0) top.count--;
        else {
          closeFrame(text, stack.pop()!, i, refs);
          top = stack.length > 0 ? stack[stack.length - 1] : undefined;
        }
        i++;
        continue;
      }
      // `%{lua:…}` bodies are Lua: only their own brackets count.
      if (top.lua || c !== Ch.Percent) {
        i++;
        continue;
      }
    }
    // A `%`.
    const d = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    if (d === Ch.Percent) {
      refs.push(simpleRef(i, i + 2, 'escape', '', i + 2, i + 2, stack.length));
      i += 2;
      continue;
    }
    if (d === Ch.LBrace || d === Ch.LParen || d === Ch.LBracket) {
      const form = d === Ch.LBrace ? 'braced' : d === Ch.LParen ? 'shell' : 'expression';
      const open = d;
      const close = d === Ch.LBrace ? Ch.RBrace : d === Ch.LParen ? Ch.RParen : Ch.RBracket;
      const lua = d === Ch.LBrace && text.startsWith('lua:', i + 2);
      top = { form, start: i, open, close, count: 0, lua, depth: stack.length };
      stack.push(top);
      i += 2;
      continue;
    }
    if (d === Ch.Question || d === Ch.Bang) {
      // `%?name`, `%!?name`, `%!name`
      let j = i + 1;
      let conditional = false;
      let negated = false;
      while (j < n && (text.charCodeAt(j) === Ch.Question || text.charCodeAt(j) === Ch.Bang)) {
        if (text.charCodeAt(j) === Ch.Question) conditional = true;
        else negated = true;
        j++;
      }
      if (j < n && isNameStart(text.charCodeAt(j))) {
        const nameStart = j;
        while (j < n && isNameChar(text.charCodeAt(j))) j++;
        const ref = simpleRef(i, j, 'plain', text.slice(nameStart, j), nameStart, j, stack.length);
        ref.conditional = conditional;
        ref.negated = negated;
        refs.push(ref);
        i = j;
        continue;
      }
      i++;
      continue;
    }
    if (d >= 0 && isNameStart(d)) {
      // The commonest loop of the scanner: the table test written out rather than called.
      let j = i + 2;
      while (j < n) {
        const e = text.charCodeAt(j);
        if (e >= 128 || NAME_CHARS[e] === 0) break;
        j++;
      }
      refs.push(simpleRef(i, j, 'plain', text.slice(i + 1, j), i + 1, j, stack.length));
      i = j;
      continue;
    }
    if (d >= 0 && (isDigit(d) || d === Ch.Star || d === Ch.Hash)) {
      let j = i + 2;
      if (isDigit(d)) while (j < n && isDigit(text.charCodeAt(j))) j++;
      else if (d === Ch.Star && text.charCodeAt(j) === Ch.Star) j++;
      refs.push(simpleRef(i, j, 'positional', text.slice(i + 1, j), i + 1, j, stack.length));
      i = j;
      continue;
    }
    if (d === Ch.Minus && i + 2 < n && isNameStart(text.charCodeAt(i + 2))) {
      let j = i + 3;
      if (text.charCodeAt(j) === Ch.Star) j++;
      refs.push(simpleRef(i, j, 'positional', text.slice(i + 1, j), i + 1, j, stack.length));
      i = j;
      continue;
    }
    i++;
  }
  return { refs, unclosed: stack };
}

function simpleRef(start: number, end: number, form: MacroReference['form'], name: string, nameStart: number, nameEnd: number, depth: number): MacroReference {
  return { start, end, form, name, nameStart, nameEnd, conditional: false, negated: false, closed: true, depth };
}

function closeFrame(text: string, frame: Frame, closeAt: number, refs: MacroReference[]): void {
  const ref = simpleRef(frame.start, closeAt + 1, frame.form, '', frame.start + 2, frame.start + 2, frame.depth);
  ref.body = { start: frame.start + 2, end: closeAt };
  if (frame.form === 'braced') describeBraced(text, ref, frame.start + 2, closeAt);
  refs.push(ref);
}

export interface MacroScan {
  refs: MacroReference[];
  problems: ParseProblem[];
}

export function scanMacros(text: string): MacroScan {
  const problems: ParseProblem[] = [];
  let refs: MacroReference[] = [];
  let from = 0;
  let restarts = 0;
  let lineMode = false;
  while (from <= text.length) {
    const result = scan(text, from, lineMode, refs);
    refs = result.refs;
    if (result.unclosed.length === 0) break;
    const outer = result.unclosed[0];
    // Drop what was found inside the unclosed frame: it is re-scanned from the next line.
    if (!lineMode) refs = refs.filter((r) => r.start < outer.start);
    const cut = lineEndFrom(text, outer.start);
    const ref = simpleRef(outer.start, cut, outer.form, '', outer.start + 2, outer.start + 2, outer.depth);
    ref.closed = false;
    ref.body = { start: Math.min(outer.start + 2, cut), end: cut };
    if (outer.form === 'braced') describeBraced(text, ref, ref.body.start, cut);
    refs.push(ref);
    const opener = text.slice(outer.start, outer.start + 2);
    const closer = outer.form === 'braced' ? '}' : outer.form === 'shell' ? ')' : ']';
    problems.push(specProblem('spec-unclosed-macro', 'unclosed', outer.start, outer.start + 2, { opener, closer }));
    if (lineMode) {
      // Other frames open on the same line are cut too, without separate reports.
      for (let k = 1; k < result.unclosed.length; k++) {
        const f = result.unclosed[k];
        const r = simpleRef(f.start, cut, f.form, '', f.start + 2, f.start + 2, f.depth);
        r.closed = false;
        r.body = { start: Math.min(f.start + 2, cut), end: cut };
        if (f.form === 'braced') describeBraced(text, r, r.body.start, cut);
        refs.push(r);
      }
    }
    from = nextLineStart(text, outer.start);
    if (from >= text.length) break;
    if (++restarts >= MAX_RESTARTS) lineMode = true;
  }
  refs.sort((a, b) => a.start - b.start || b.end - a.end);
  return { refs, problems };
}
