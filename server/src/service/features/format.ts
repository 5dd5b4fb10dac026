// The spec formatter. It only ever changes whitespace that rpm ignores:
// - trailing whitespace (not in %changelog, %dnl lines, here-documents, multi-line macros or quotes,
//   nor where removing it would turn `\ ` into a line continuation);
// - the gap between a preamble tag's colon and its value (values aligned at a column);
// - blank lines: runs collapsed to one in preambles and %files, one blank line before each
//   section (unless the section opens a %if arm or follows a line continuation);
// - the end of the file: no trailing blank lines, one final line break.
// It never changes a macro's form, a tag's value, %dnl lines, shell text (other than trailing
// whitespace and the blank lines between sections), %changelog text or here-documents.
// `# specwright: format off` … `# specwright: format on` leaves a region (or the rest of the file)
// alone. The formatter's oracle is rpm itself: scripts/format/oracle.mjs.
import type { Section, SectionKind, SpecDocument } from '../specfile/ast';
import { hereDocLinesOf, openQuoteLines } from '../shell/specShell';
import type { Range, TextEdit } from '../types';

export type FormatMode = 'full' | 'minimal';

export interface FormatOptions {
  /** full: every rule; minimal: only whitespace errors (trailing whitespace, blank lines at the end, final line break). */
  mode: FormatMode;
  /**
   * Column (0-based) where preamble tag values start (`Name:` padded with spaces); a tag longer
   * than that gets one space. 0: one space after every colon.
   */
  tagValueColumn: number;
  /** Indent nested %if directives and %global/%define lines inside %if arms (outside shell and text sections). */
  indentConditionals: boolean;
  /** Spaces per %if level when indentConditionals is on. */
  indentWidth: number;
}

export const DEFAULT_FORMAT_OPTIONS: FormatOptions = { mode: 'full', tagValueColumn: 16, indentConditionals: false, indentWidth: 2 };

const FORMAT_SWITCH = /^[ \t]*(?:#|%dnl\b)[ \t]*specwright:[ \t]*format[ \t]+(off|on)\b/;
/** Sections whose body is free text or data rpm keeps as written. */
const TEXT_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['changelog']);
/** Sections where blank lines mean nothing to rpm. */
const LOOSE_KINDS: ReadonlySet<SectionKind> = new Set<SectionKind>(['preamble', 'package', 'files', 'sourcelist', 'patchlist']);

interface LineFacts {
  /** The line must stay exactly as written. */
  frozen: boolean;
  /**
   * rpm may see this line in another section than we do: it follows (in another arm, or after
   * %endif) a section header that sits inside a %if. Only trailing whitespace is touched there.
   */
  uncertain: boolean;
  /**
   * The line sits in a %if block that holds a section header: lines there may not be added or
   * removed. rpm keeps a false arm's lines as empty lines when the arm falls in a %description
   * (in rpm's view), so even blank lines there are text.
   */
  fixedLineCount: boolean;
  /** Trailing whitespace on this line is data (here-document, quote, multi-line macro, changelog, %dnl). */
  keepTrailing: boolean;
  section: Section | undefined;
}

function lineFacts(doc: SpecDocument): LineFacts[] {
  const n = doc.lines.lineCount;
  const facts: LineFacts[] = [];
  let off = false;
  for (let l = 0; l < n; l++) {
    const text = doc.lines.lineText(l);
    const sw = FORMAT_SWITCH.exec(text);
    if (sw && sw[1] === 'off') off = true;
    const section = doc.sections[doc.lineSection[l]];
    facts.push({ frozen: off, uncertain: !sameOrInside(doc, doc.lineConditional[l], section?.conditionalPath ?? 0), fixedLineCount: false, keepTrailing: false, section });
    if (sw && sw[1] === 'on') off = false;
  }
  for (const c of doc.comments) if (c.kind === 'dnl') facts[c.line].frozen = true;
  const blocksWithHeaders = new Set<number>();
  for (const sec of doc.sections) {
    for (let p = sec.conditionalPath; p !== 0; p = doc.conditionalPaths[p].parent) blocksWithHeaders.add(doc.conditionalPaths[p].block);
  }
  if (blocksWithHeaders.size > 0) {
    for (const b of doc.conditionals) {
      if (!blocksWithHeaders.has(b.id)) continue;
      for (let l = b.startLine; l <= b.endLine && l < n; l++) facts[l].fixedLineCount = true;
    }
  }
  for (const s of doc.sections) {
    if (TEXT_KINDS.has(s.kind)) {
      for (let l = s.bodyStartLine; l <= s.endLine; l++) facts[l].keepTrailing = true;
    }
    if (s.bodyLanguage === 'lua' || s.bodyLanguage === 'other-interpreter') {
      // Lua or another interpreter: its string syntax is not ours to judge.
      for (let l = s.bodyStartLine; l <= s.endLine; l++) facts[l].keepTrailing = true;
      continue;
    }
    if (s.bodyLanguage === 'shell') {
      for (const l of hereDocLinesOf(doc, s)) facts[l].frozen = true;
      for (const l of openQuoteLines(doc, s)) facts[l].keepTrailing = true;
    }
  }
  // A macro spanning lines (`%{lua: …}`, `%(…)`): its inner line ends are its text.
  for (const m of doc.macroReferences) {
    const first = doc.lines.lineOf(m.start);
    const last = doc.lines.lineOf(m.end);
    for (let l = first; l < last; l++) facts[l].keepTrailing = true;
    if (!m.closed) for (let l = first; l <= last; l++) facts[l].keepTrailing = true;
  }
  return facts;
}

/** Whether conditional path `inner` is `outer` or nested inside it. */
function sameOrInside(doc: SpecDocument, inner: number, outer: number): boolean {
  if (outer === 0) return true;
  for (let p = inner; p !== 0; p = doc.conditionalPaths[p].parent) if (p === outer) return true;
  return false;
}

const isBlank = (s: string) => /^[ \t]*$/.test(s);
const LONE_CR = /\r(?!\n)/;

/** The line without trailing blanks, unless that would make `\ ` a line continuation. */
function trimEnd(text: string): string {
  const t = text.replace(/[ \t]+$/, '');
  if (t !== text && t.endsWith('\\')) return text;
  return t;
}

function alignTag(doc: SpecDocument, line: number, options: FormatOptions): string | undefined {
  const lineStart = doc.lines.lineStarts[line];
  const lineEnd = doc.lines.lineEnd(line);
  const tag = doc.tags.find((t) => t.line === line);
  if (!tag || tag.valueSpan.end > lineEnd) return undefined;
  const colon = doc.text.indexOf(':', tag.qualifierSpan ? tag.qualifierSpan.end : tag.nameSpan.end);
  if (colon < 0 || colon >= lineEnd) return undefined;
  const head = doc.text.slice(lineStart, colon + 1);
  const value = doc.text.slice(colon + 1, lineEnd).trim();
  if (value.endsWith('\\')) return undefined;
  if (value === '') return head;
  const column = options.tagValueColumn;
  const pad = column > head.length ? column - head.length : 1;
  return head + ' '.repeat(pad) + value;
}

/** The formatted text of each line (undefined: unchanged) and blank lines to add or drop. */
interface Plan {
  replace: (string | undefined)[];
  drop: boolean[];
  /** Add a blank line before this line. */
  blankBefore: boolean[];
}

function plan(doc: SpecDocument, options: FormatOptions): Plan {
  const n = doc.lines.lineCount;
  const facts = lineFacts(doc);
  const replace: (string | undefined)[] = new Array(n).fill(undefined);
  const drop: boolean[] = new Array(n).fill(false);
  const blankBefore: boolean[] = new Array(n).fill(false);
  const text = (l: number) => doc.lines.lineText(l);
  const full = options.mode === 'full';
  const endsWithBackslash = (l: number) => /\\[ \t]*$/.test(text(l)) || /\\$/.test(text(l));

  // 1. Each line on its own: trailing blanks, tag alignment, %if indentation.
  for (let l = 0; l < n; l++) {
    const f = facts[l];
    if (f.frozen) continue;
    const original = text(l);
    let out = f.keepTrailing ? original : trimEnd(original);
    const kind = f.section?.kind;
    if (full && doc.lineKinds[l] === 'tag' && (kind === 'preamble' || kind === 'package') && !f.keepTrailing && !f.uncertain) {
      out = alignTag(doc, l, options) ?? out;
    }
    if (full && options.indentConditionals && !f.keepTrailing && !f.uncertain && kind !== undefined && (kind === 'preamble' || kind === 'package' || kind === 'files')) {
      const lk = doc.lineKinds[l];
      if (lk === 'conditional' || (lk === 'definition' && /^[ \t]*%(global|define|undefine)\b/.test(out))) {
        let depth = 0;
        for (let p = doc.lineConditional[l]; p !== 0; p = doc.conditionalPaths[p].parent) depth++;
        // The parser puts %if and %endif lines outside their block, %elif and %else inside it.
        if (lk === 'conditional' && /^[ \t]*%(elif|elifarch|elifos|else)\b/.test(out)) depth = Math.max(0, depth - 1);
        out = ' '.repeat(depth * options.indentWidth) + out.replace(/^[ \t]+/, '');
      }
    }
    if (out !== original) replace[l] = out;
  }

  const blank = (l: number) => isBlank(replace[l] ?? text(l));

  // 2. Blank lines at the end of the file (the last one is the empty line after the final break).
  let last = n - 1;
  while (last >= 0 && blank(last)) last--;
  // Not after a section header: `%check` with an empty line is an empty section, without one no section.
  if (last >= 0 && !facts[last].frozen && !endsWithBackslash(last) && doc.lineKinds[last] !== 'section-header') {
    for (let l = last + 1; l < n - 1; l++) if (!facts[l].frozen && !facts[l].fixedLineCount) drop[l] = true;
    // The last line holds only blanks kept as text (in %changelog): it is a blank line at the end too.
    if (last < n - 1 && !facts[n - 1].frozen && !facts[n - 1].fixedLineCount && (replace[n - 1] ?? text(n - 1)) !== '') replace[n - 1] = '';
  }

  if (!full) return { replace, drop, blankBefore };

  // 3. Runs of blank lines in sections where they mean nothing: keep one.
  // (The last line, when empty, is what follows the final line break: not a blank line.)
  for (let l = 1; l < n - 1; l++) {
    if (!blank(l) || !blank(l - 1) || drop[l]) continue;
    const kind = facts[l].section?.kind;
    if (kind === undefined || !LOOSE_KINDS.has(kind) || facts[l].frozen || facts[l - 1].frozen || facts[l].uncertain || facts[l - 1].uncertain || facts[l].fixedLineCount) continue;
    if (facts[l - 1].section !== facts[l].section) continue;
    drop[l] = true;
  }

  // 4. One blank line before each section header (with the comments right above it).
  for (const s of doc.sections) {
    // %conf is a section since rpm 4.18.1 only: older rpm reads it as a line of %prep.
    if (s.kind === 'preamble' || s.kind === 'conf') continue;
    let top = s.headerLine;
    while (top > 0 && doc.lineKinds[top - 1] === 'comment' && !facts[top - 1].frozen) top--;
    if (top === 0) continue;
    // Comments at the end of a shell body are part of its script: a blank line above them would be too.
    const prevKind = facts[top - 1].section?.kind;
    if (top < s.headerLine && (prevKind === undefined || !LOOSE_KINDS.has(prevKind))) continue;
    if (facts[s.headerLine].frozen || facts[top].frozen) continue;
    // The blank lines above the group, and the line above them.
    let above = top - 1;
    while (above >= 0 && blank(above)) above--;
    if (above < 0) continue;
    const prev = facts[above];
    if (prev.frozen || (prev.section && TEXT_KINDS.has(prev.section.kind)) || endsWithBackslash(above)) continue;
    // A header right above: a blank line would give that section a body (rpm: empty, not absent).
    if (doc.lineKinds[above] === 'section-header') continue;
    if (doc.lineKinds[above] === 'conditional' && !/^[ \t]*%endif\b/.test(text(above))) continue;
    // Trailing blank lines inside a shell body whose last line is quoted text: leave them.
    if (prev.keepTrailing) continue;
    let frozenGap = false;
    for (let l = above; l <= s.headerLine; l++) if (facts[l].frozen || facts[l].uncertain || facts[l].fixedLineCount) frozenGap = true;
    if (frozenGap) continue;
    const gap = top - above - 1;
    if (gap === 0) blankBefore[top] = true;
    else for (let l = above + 2; l < top; l++) drop[l] = true;
  }
  return { replace, drop, blankBefore };
}

/** Edits that format the document (or only the lines a range touches). */
export function formatSpec(doc: SpecDocument, options: FormatOptions = DEFAULT_FORMAT_OPTIONS, range?: Range): TextEdit[] {
  // A lone CR ends a line for the editor (LSP) and the parser, not for rpm, which reads up to LF:
  // the lines the formatter would see are not rpm's (blanks before the CR are text, a "section"
  // after it is part of the line before). Such a file is left as it is.
  if (LONE_CR.test(doc.text)) return [];
  const p = plan(doc, options);
  const lines = doc.lines;
  const n = lines.lineCount;
  const eol = lines.eol;
  const edits: TextEdit[] = [];
  const inRange = (l: number) => !range || (l >= range.start.line && l <= range.end.line);
  for (let l = 0; l < n; l++) {
    if (!inRange(l)) continue;
    if (p.drop[l]) {
      edits.push({ range: { start: { line: l, character: 0 }, end: { line: l + 1, character: 0 } }, newText: '' });
      continue;
    }
    const start = lines.lineStarts[l];
    const end = lines.lineEnd(l);
    const original = doc.text.slice(start, end);
    let newText = p.replace[l] ?? original;
    // The last line has no line break: add one.
    if (l === n - 1 && newText !== '') newText += eol;
    if (p.blankBefore[l]) newText = eol + newText;
    // One edit per line, so edits never overlap.
    if (newText !== original) edits.push({ range: lines.range(start, end), newText });
  }
  return edits;
}

/** The formatted text (the edits applied). */
export function formatSpecText(doc: SpecDocument, options: FormatOptions = DEFAULT_FORMAT_OPTIONS): string {
  return applyEdits(doc, formatSpec(doc, options));
}

export function applyEdits(doc: SpecDocument, edits: TextEdit[]): string {
  const withOffsets = edits.map((e) => ({ start: doc.lines.offsetAt(e.range.start), end: doc.lines.offsetAt(e.range.end), text: e.newText }));
  withOffsets.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of withOffsets) {
    out += doc.text.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + doc.text.slice(at);
}

/** Reads format options from loose settings (the server's and the CLI's configuration). */
export function formatOptionsFrom(value: unknown): FormatOptions {
  const o = { ...DEFAULT_FORMAT_OPTIONS };
  if (!value || typeof value !== 'object') return o;
  const v = value as Record<string, unknown>;
  if (v.mode === 'full' || v.mode === 'minimal') o.mode = v.mode;
  if (typeof v.tagValueColumn === 'number' && Number.isInteger(v.tagValueColumn) && v.tagValueColumn >= 0 && v.tagValueColumn <= 80) o.tagValueColumn = v.tagValueColumn;
  if (typeof v.indentConditionals === 'boolean') o.indentConditionals = v.indentConditionals;
  if (typeof v.indentWidth === 'number' && Number.isInteger(v.indentWidth) && v.indentWidth >= 1 && v.indentWidth <= 8) o.indentWidth = v.indentWidth;
  return o;
}
