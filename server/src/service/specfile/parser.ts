// The spec parser: error-tolerant, never throws, linear in the size of the input.
// Pass 1 finds macro references over the whole text (they may span lines); pass 2 walks the
// physical lines and builds sections, tags, conditionals, definitions and the changelog.
import { LineIndex } from '../text/lineIndex';
import type {
  BuildConditional, ChangelogEntry, Comment, ConditionalBlock, ConditionalPathEntry, ConditionalBranch, ConditionalKeyword,
  Include, LineKind, MacroDefinition, MacroReference, Package, ParseProblem, Section, SectionOption, SpecDocument, Span, Tag,
} from './ast';
import { lookupMacro } from '../catalog/expand';
import { parseDependencies } from './dependencies';
import { CONDITIONAL_KEYWORDS, DEPENDENCY_TAGS, SECTION_KINDS, VALUE_OPTIONS, bodyLanguageOf, canonicalTag } from './keywords';
import { scanMacros } from './macroScanner';
import { specProblem } from './parseProblems';

// Sticky: matched at a line's first non-blank character on the whole text, without slicing lines.
/**
 * A tag line's `Name(qualifier):` head at `start` (what `/([A-Za-z][A-Za-z0-9_]*)[ \t]*(?:\(([^)\r\n]*)\))?[ \t]*:/y`
 * matches), scanned by hand: every preamble line is tried. Fills `head` and returns true on a match.
 */
function readTagHead(text: string, start: number, head: TagHead): boolean {
  let i = start;
  let c = text.charCodeAt(i);
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return false;
  i++;
  i = skipNameChars(text, i, text.length);
  const nameEnd = i;
  i = skipBlanks(text, i, text.length);
  let qualifierStart = -1;
  let qualifierEnd = -1;
  if (text.charCodeAt(i) === 40 /* ( */) {
    let j = i + 1;
    while (j < text.length) {
      c = text.charCodeAt(j);
      if (c === 41 /* ) */ || c === 10 || c === 13) break;
      j++;
    }
    if (text.charCodeAt(j) !== 41) return false;
    qualifierStart = i + 1;
    qualifierEnd = j;
    i = skipBlanks(text, j + 1, text.length);
  }
  if (text.charCodeAt(i) !== 58 /* : */) return false;
  head.nameEnd = nameEnd;
  head.qualifierStart = qualifierStart;
  head.qualifierEnd = qualifierEnd;
  head.end = i + 1;
  return true;
}

interface TagNameInfo {
  /** canonicalTag's key and number. */
  key: string;
  number?: number;
  /** A dependency tag (DEPENDENCY_TAGS). */
  dependencies: boolean;
}

/** What tagNameInfo worked out, by tag name as written; bounded, for hostile input. */
const TAG_NAMES = new Map<string, TagNameInfo>();
const TAG_NAMES_MAX = 4096;

/**
 * canonicalTag and the dependency-tag test for a tag name, remembered by name: specs use a few
 * dozen names over and over, and lower-casing and matching each tag's name was ~3 % of a parse.
 * Callers must not change the answer.
 */
function tagNameInfo(name: string): TagNameInfo {
  let info = TAG_NAMES.get(name);
  if (info === undefined) {
    const { key, number } = canonicalTag(name);
    info = number !== undefined ? { key, number, dependencies: DEPENDENCY_TAGS.has(key) } : { key, dependencies: DEPENDENCY_TAGS.has(key) };
    if (TAG_NAMES.size < TAG_NAMES_MAX) TAG_NAMES.set(name, info);
  }
  return info;
}

interface TagHead {
  nameEnd: number;
  /** -1 when there is no `(qualifier)`. */
  qualifierStart: number;
  qualifierEnd: number;
  /** Just past the colon. */
  end: number;
}
/**
 * `Patch 11:` / `Source 2:`: rpm 4.18 reads the number after a blank as no number at all, an
 * unnumbered `Patch:` (numbered after the previous one; checked with rpmspec). Other words there
 * stay unknown lines (rpm takes `Source http://x` for a Source whose value starts after `http:`).
 */
const SPACED_SOURCE_TAG = /(source|patch)[ \t]+\d+[ \t]*:/iy;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface OpenBlock {
  block: ConditionalBlock;
  /** Path id outside this block, restored at %endif. */
  outerPath: number;
}

/** Splits section arguments into whitespace-separated words, keeping `%{…}` intact. */
function splitWords(text: string, base: number): { word: string; start: number; end: number }[] {
  const words: { word: string; start: number; end: number }[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    i = skipBlanks(text, i, n);
    if (i >= n) break;
    const start = i;
    let depth = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 123 /* { */ || c === 40 /* ( */) depth++;
      else if ((c === 125 /* } */ || c === 41 /* ) */) && depth > 0) depth--;
      else if ((c === 32 || c === 9) && depth === 0) break;
      i++;
    }
    words.push({ word: text.slice(start, i), start: base + start, end: base + i });
  }
  return words;
}

// Module-level patterns (a literal in the function is a new RegExp object per header: ~770,000 on Fedora).
const CHANGELOG_HEADER = /^\*[ \t]*(([A-Za-z]{3})[ \t]+([A-Za-z]{3})[ \t]+(\d{1,2})(?:[ \t]+(\d{1,2}):(\d{1,2}):(\d{1,2})[ \t]+[^ \t]{1,8})?[ \t]+(\d{4}))(?:[ \t]+(.*))?$/;
const CHANGELOG_MAIL = /<([^>]*)>/;
const CHANGELOG_EVR_AFTER_MAIL = /^[ \t]*-?[ \t]*(\S+)[ \t]*$/;
const CHANGELOG_EVR_TAIL = /(?:^|[ \t])-?[ \t]*(\S*\d\S*)[ \t]*$/;
const AUTHOR_DASH = /[ \t]+-$/;

/** A three-letter word as one number, to look it up without a substring. */
function letterCode(text: string, at: number): number {
  return (text.charCodeAt(at) << 16) | (text.charCodeAt(at + 1) << 8) | text.charCodeAt(at + 2);
}
const WEEKDAY_CODES = WEEKDAYS.map((w) => letterCode(w, 0));
const MONTH_CODES = MONTHS.map((m) => letterCode(m, 0));

/** Three ASCII letters and a blank at text[i] (a weekday or a month and what follows), all before `end`. */
function isThreeLettersAndBlank(text: string, i: number, end: number): boolean {
  if (i + 3 >= end) return false;
  for (let k = i; k < i + 3; k++) {
    // Setting bit 0x20 lower-cases A-Z; no other code lands in a-z.
    const c = text.charCodeAt(k) | 0x20;
    if (c < 97 || c > 122) return false;
  }
  const blank = text.charCodeAt(i + 3);
  return blank === 32 || blank === 9;
}

/** Whether text[from, to) is one non-empty word of printable ASCII (what `\S+` matches in the common case). */
function isAsciiWord(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c <= 32 || c >= 127) return false;
  }
  return from < to;
}

function daysInMonth(year: number, month: number): number {
  if (month === 1) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 3 || month === 5 || month === 8 || month === 10 ? 30 : 31;
}

/**
 * Reads the `* …` header line text[start, lineEnd) into the entry.
 * `* Wed Nov 25 2026 Jane Doe <jane@example.org> - 1.0-1`, the form of nearly all of Fedora's
 * ~770,000 headers, is read by hand in one pass (the patterns, their substrings and a Date check
 * per header were ~2/3 of a parse's changelog cost); any other form goes to the patterns.
 * `hasLineSeparators`: whether the text has a U+2028 or U+2029 anywhere (nearly never).
 */
function parseChangelogHeader(text: string, start: number, lineEnd: number, hasLineSeparators: boolean, entry: ParsedChangelogEntry): void {
  // The header without trailing white space (what trimEnd() leaves; blanks by hand, the rest rarely).
  let end = trimBlanksBack(text, start, lineEnd);
  const last = text.charCodeAt(end - 1);
  if (last < 32 || last >= 127) end = start + text.slice(start, end).trimEnd().length;
  // `*`, blanks, weekday, month, day, year: letters and digits between runs of blanks.
  let i = skipBlanks(text, start + 1, end);
  const weekdayStart = i;
  if (!isThreeLettersAndBlank(text, i, end)) {
    return parseChangelogHeaderByPattern(text, start, end, entry);
  }
  i += 3;
  i = skipBlanks(text, i, end);
  const monthStart = i;
  if (!isThreeLettersAndBlank(text, i, end)) {
    return parseChangelogHeaderByPattern(text, start, end, entry);
  }
  i += 3;
  i = skipBlanks(text, i, end);
  let day = 0;
  const dayStart = i;
  for (; i < end && i - dayStart < 3; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    day = day * 10 + c - 48;
  }
  if (i === dayStart || i - dayStart > 2 || !(i < end && isBlank(text.charCodeAt(i)))) return parseChangelogHeaderByPattern(text, start, end, entry);
  i = skipBlanks(text, i, end);
  // A time of day (`13:49:30 +08 2020`) or anything unusual: the patterns.
  const yearStart = i;
  let year = 0;
  for (; i < end && i - yearStart < 5; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    year = year * 10 + c - 48;
  }
  if (i - yearStart !== 4 || (i < end && !isBlank(text.charCodeAt(i)))) return parseChangelogHeaderByPattern(text, start, end, entry);
  const yearEnd = i;
  const restStart = skipBlanks(text, i, end);
  if (hasLineSeparators) {
    for (let k = restStart; k < end; k++) {
      // `.` does not match these: the pattern finds no header at all.
      const c = text.charCodeAt(k);
      if (c === 0x2028 || c === 0x2029) return parseChangelogHeaderByPattern(text, start, end, entry);
    }
  }

  entry.dateSpan = { start: weekdayStart, end: yearEnd };
  const weekday = WEEKDAY_CODES.indexOf(letterCode(text, weekdayStart));
  entry.weekday = weekday >= 0 ? WEEKDAYS[weekday] : text.slice(weekdayStart, weekdayStart + 3);
  const month = MONTH_CODES.indexOf(letterCode(text, monthStart));
  // rpm reads years 1990–2999 only; a day past the month's end (Feb 31) is no date.
  if (month >= 0 && day >= 1 && day <= daysInMonth(year, month) && year >= 1990 && year < 3000) entry.time = Date.UTC(year, month, day);
  if (yearEnd === end) return;
  entry.readRestLater(restStart, end);
}

/** What a changelog header says after its date. */
interface ChangelogAuthor {
  author?: string;
  email?: string;
  evr?: string;
  evrSpan?: Span;
}

/** Author, e-mail and EVR after the date: `Jane Doe <jane@example.org> - 1.0-1`. */
function readChangelogAuthor(text: string, restStart: number, end: number, entry: ChangelogAuthor): void {
  const lt = text.indexOf('<', restStart);
  const gt = lt >= 0 && lt < end ? text.indexOf('>', lt + 1) : -1;
  if (gt < 0 || gt >= end) return readChangelogAuthorByPattern(text.slice(restStart, end), restStart, entry);
  entry.author = text.slice(restStart, lt).trim();
  entry.email = text.slice(lt + 1, gt);
  // After the e-mail: blanks, an optional `-`, blanks, the EVR.
  const i = skipBlanks(text, gt + 1, end);
  let evrStart = i;
  if (text.charCodeAt(i) === 45 /* - */) {
    evrStart = skipBlanks(text, i + 1, end);
  }
  if (isAsciiWord(text, evrStart, end)) setEvr(entry, text.slice(evrStart, end), evrStart);
  else if (i < end) {
    const evr = CHANGELOG_EVR_AFTER_MAIL.exec(text.slice(gt + 1, end));
    if (evr) setEvr(entry, evr[1], gt + 1 + evr[0].lastIndexOf(evr[1]));
  }
}

/** The header read by the patterns (a time of day, no e-mail, odd blanks or letters). */
function parseChangelogHeaderByPattern(text: string, start: number, end: number, entry: ParsedChangelogEntry): void {
  // `* Wed Nov 25 2026 Jane Doe <jane@example.org> - 1.0-1`, or since rpm 4.16 with a time of day
  // and a zone: `* Wed Oct  7 13:49:30 +08 2020` (rpm 4.18 dateToTimet: H:M:S, then any word of
  // up to 8 characters as the zone). rpm also accepts `*Thu Nov 1 2007` (no blank after the star).
  const header = text.slice(start, end);
  const m = CHANGELOG_HEADER.exec(header);
  if (!m) return;
  const dateStart = start + header.indexOf(m[1]);
  entry.dateSpan = { start: dateStart, end: dateStart + m[1].length };
  entry.weekday = m[2];
  const month = MONTHS.indexOf(m[3]);
  const day = Number(m[4]);
  const year = Number(m[8]);
  // rpm reads years 1990–2999 only
  if (month >= 0 && day >= 1 && day <= 31 && year >= 1990 && year < 3000) {
    const d = new Date(Date.UTC(year, month, day, m[5] ? Number(m[5]) : 0, m[6] ? Number(m[6]) : 0, m[7] ? Number(m[7]) : 0));
    // Reject dates like Feb 31 that Date would roll over.
    if (d.getUTCDate() === day && d.getUTCMonth() === month) entry.time = d.getTime();
  }
  const rest = m[9];
  if (rest === undefined) return;
  const author: ChangelogAuthor = {};
  readChangelogAuthorByPattern(rest, start + header.length - rest.length, author);
  entry.setRest(author);
}

function readChangelogAuthorByPattern(rest: string, restStart: number, entry: ChangelogAuthor): void {
  const mail = CHANGELOG_MAIL.exec(rest);
  let after = rest;
  let afterStart = restStart;
  if (mail) {
    entry.author = rest.slice(0, mail.index).trim();
    entry.email = mail[1];
    after = rest.slice(mail.index + mail[0].length);
    afterStart = restStart + mail.index + mail[0].length;
  }
  if (mail) {
    const evr = CHANGELOG_EVR_AFTER_MAIL.exec(after);
    if (evr) setEvr(entry, evr[1], afterStart + evr[0].lastIndexOf(evr[1]));
    return;
  }
  // No <email>: `Author - 1.0-1`, `bot@example.org 1.0-1` or just an author.
  const tail = CHANGELOG_EVR_TAIL.exec(rest);
  if (tail && tail.index > 0) {
    setEvr(entry, tail[1], restStart + tail.index + tail[0].lastIndexOf(tail[1]));
    entry.author = rest.slice(0, tail.index).replace(AUTHOR_DASH, '').trim();
  } else entry.author = rest.trim();
}

function setEvr(entry: ChangelogAuthor, evr: string, start: number): void {
  entry.evr = evr;
  entry.evrSpan = { start, end: start + evr.length };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The weekday (`Sun`…`Sat`) of a time in milliseconds since 1970 (UTC), a ChangelogEntry's `time`. */
export function weekdayOf(time: number): string {
  // 1 January 1970 was a Thursday.
  return WEEKDAYS[(((Math.floor(time / DAY_MS) + 4) % 7) + 7) % 7];
}

/**
 * A %changelog entry. What the rules rarely read is made when read: `date` from `time` (the rules
 * compare times), `dateText` from `dateSpan`, and the author, e-mail and EVR from the header's text
 * after the date (only the outline, `query` and a few findings want them). Making all of these
 * for each of Fedora's ~770,000 entries was most of the cost of a header. (A class rather than a
 * literal also keeps the fields the header adds inside the object.)
 */
class ParsedChangelogEntry implements ChangelogEntry {
  start: number;
  end: number;
  header: Span;
  line: number;
  body: Span;
  declare dateSpan?: Span;
  declare weekday?: string;
  declare time?: number;
  readonly #text: string;
  /** Where the text after the date starts and ends until it is read; -1 once read or when there is none. */
  #restStart = -1;
  #restEnd = -1;
  #rest?: ChangelogAuthor;

  constructor(text: string, start: number, end: number, line: number) {
    this.start = start;
    this.end = end;
    this.header = { start, end };
    this.line = line;
    this.body = { start: end, end };
    this.#text = text;
  }

  get date(): Date | undefined {
    return this.time === undefined ? undefined : new Date(this.time);
  }

  get dateText(): string | undefined {
    return this.dateSpan === undefined ? undefined : this.#text.slice(this.dateSpan.start, this.dateSpan.end);
  }

  /** The author, e-mail and EVR are in text[start, end): read when first asked for. */
  readRestLater(start: number, end: number): void {
    this.#restStart = start;
    this.#restEnd = end;
  }

  /** What the patterns read after the date (a header of an unusual form, read at once). */
  setRest(rest: ChangelogAuthor): void {
    this.#rest = rest;
  }

  #readRest(): ChangelogAuthor | undefined {
    if (this.#restStart >= 0) {
      this.#rest = {};
      readChangelogAuthor(this.#text, this.#restStart, this.#restEnd, this.#rest);
      this.#restStart = -1;
    }
    return this.#rest;
  }

  get author(): string | undefined {
    return this.#readRest()?.author;
  }

  get email(): string | undefined {
    return this.#readRest()?.email;
  }

  get evr(): string | undefined {
    return this.#readRest()?.evr;
  }

  get evrSpan(): Span | undefined {
    return this.#readRest()?.evrSpan;
  }
}

export function parseSpec(text: string): SpecDocument {
  const lines = new LineIndex(text);
  const lineCount = lines.lineCount;
  const { refs, problems: macroProblems } = scanMacros(text);
  const problems: ParseProblem[] = [...macroProblems];

  const lineKinds: LineKind[] = new Array<LineKind>(lineCount).fill('blank');
  // Both per-line tables in one buffer: a typed array's own buffer costs more than its views.
  const lineTables = new ArrayBuffer(lineCount * 8);
  const lineSection = new Int32Array(lineTables, 0, lineCount);
  const lineConditional = new Int32Array(lineTables, lineCount * 4, lineCount);
  const conditionalPaths: ConditionalPathEntry[] = [{ parent: 0, block: -1, branch: -1 }];

  // Lines swallowed by a multi-line macro reference (after its first line) are not structure.
  // Made only when there are some; the references come sorted by start, so their lines are
  // found walking forward, and only one that goes past its first line needs a search for its end.
  let continuation: Uint8Array | undefined;
  const lineStarts = lines.lineStarts;
  let refLine = 0;
  for (const r of refs) {
    if (r.depth !== 0 || r.form === 'escape') continue;
    while (refLine + 1 < lineCount && lineStarts[refLine + 1] <= r.start) refLine++;
    if (refLine + 1 >= lineCount || r.end < lineStarts[refLine + 1]) continue;
    const endLine = lines.lineOf(r.end);
    continuation ??= new Uint8Array(lineCount);
    for (let l = refLine + 1; l <= endLine; l++) continuation[l] = 1;
  }

  const sections: Section[] = [];
  const packages: Package[] = [{ name: '', main: true, explicitName: false }];
  const tags: Tag[] = [];
  const definitions: MacroDefinition[] = [];
  /** A macro that takes arguments: defined above with options (`%define foo(a:)`), or one of the catalog's. */
  const isParametricMacro = (name: string): boolean =>
    definitions.some((d) => d.name === name && d.parameters !== undefined) || (lookupMacro(name)?.parametric ?? false);
  const bconds: BuildConditional[] = [];
  const conditionals: ConditionalBlock[] = [];
  const includes: Include[] = [];
  const comments: Comment[] = [];
  const changelog: ChangelogEntry[] = [];

  const preamble: Section = {
    kind: 'preamble', name: 'preamble', start: 0, end: 0, header: { start: 0, end: 0 }, keywordSpan: { start: 0, end: 0 },
    args: '', argsSpan: { start: 0, end: 0 }, options: [], packageIndex: 0, headerLine: -1, endLine: lineCount - 1,
    body: { start: 0, end: text.length }, bodyStartLine: 0, conditionalPath: 0, bodyLanguage: 'text',
  };
  sections.push(preamble);
  let current = preamble;

  const openBlocks: OpenBlock[] = [];
  /** Where the text's first `%dnl` is (-1: none), looked up at the first tag: tag lines before it have none. */
  let firstDnl: number | undefined;
  /** The head of the tag line at hand (one object reused for every line). */
  const tagHead: TagHead = { nameEnd: 0, qualifierStart: -1, qualifierEnd: -1, end: 0 };
  let conditionalPath = 0;
  /** Enters a new arm: a fresh path id whose parent is the path outside the block. */
  const enterArm = (open: OpenBlock) => {
    conditionalPaths.push({ parent: open.outerPath, block: open.block.id, branch: open.block.branches.length - 1 });
    conditionalPath = conditionalPaths.length - 1;
  };

  let pendingDefinition: MacroDefinition | undefined;
  /** Where `%description`, `%if`, `%define`… start, in order: structure, not macro uses. */
  const keywordStarts: number[] = [];
  const markStructural = (line: number, kind: LineKind, start: number) => {
    lineKinds[line] = kind;
    keywordStarts.push(start);
  };
  let currentEntry: ChangelogEntry | undefined;
  /** Whether the current %changelog entry has a line of text yet (rpm reads the first one as text, even `* …`). */
  let entryHasText = false;
  /** Whether the text has a U+2028 or U+2029 (a changelog header needs to know; looked up at the first). */
  let hasLineSeparators: boolean | undefined;

  const closeSection = (endLine: number) => {
    current.endLine = Math.max(current.headerLine, endLine);
    current.end = lines.lineEndWithBreak(current.endLine);
    current.body = { start: Math.min(current.body.start, current.end), end: current.end };
    if (currentEntry) finishEntry(endLine);
  };
  const finishEntry = (endLine: number) => {
    if (!currentEntry) return;
    const last = Math.max(currentEntry.line, endLine);
    currentEntry.end = lines.lineEnd(last);
    // The entry's own body span, set now that its end is known.
    currentEntry.body.start = Math.min(lines.lineEndWithBreak(currentEntry.line), currentEntry.end);
    currentEntry.body.end = currentEntry.end;
    currentEntry = undefined;
  };

  for (let line = 0; line < lineCount; line++) {
    lineSection[line] = sections.length - 1;
    lineConditional[line] = conditionalPath;
    const lineStart = lines.lineStarts[line];
    const lineEnd = lines.lineEnd(line);

    if (pendingDefinition) {
      lineKinds[line] = 'definition-continuation';
      pendingDefinition.endLine = line;
      if (!endsWithContinuation(text, lineStart, lineEnd)) {
        finishDefinition(pendingDefinition, lines, text, continuation);
        pendingDefinition = undefined;
      }
      continue;
    }
    if (continuation !== undefined && continuation[line] === 1) {
      lineKinds[line] = 'macro-continuation';
      continue;
    }

    let contentStart = lineStart;
    if (line === 0 && text.charCodeAt(0) === 0xfeff) contentStart++;
    while (contentStart < lineEnd && (text.charCodeAt(contentStart) === 32 || text.charCodeAt(contentStart) === 9)) contentStart++;
    if (contentStart >= lineEnd) {
      lineKinds[line] = 'blank';
      continue;
    }
    const first = text.charCodeAt(contentStart);

    if (first === 35 /* # */) {
      lineKinds[line] = 'comment';
      comments.push({ kind: 'hash', start: contentStart, end: lineEnd, line });
      continue;
    }

    if (first === 37 /* % */) {
      // The directive's name: `%` and a macro name (what `/%([A-Za-z_][A-Za-z0-9_]*)/y` matches).
      let wordEnd = contentStart + 1;
      if (isNameStartCode(text.charCodeAt(wordEnd))) {
        wordEnd++;
        wordEnd = skipNameChars(text, wordEnd, lineEnd);
      }
      const word = wordEnd > contentStart + 1 ? text.slice(contentStart + 1, wordEnd) : '';
      if (word === 'dnl' && (wordEnd === lineEnd || isBlank(text.charCodeAt(wordEnd)))) {
        markStructural(line, 'comment', contentStart);
        comments.push({ kind: 'dnl', start: contentStart, end: lineEnd, line });
        continue;
      }
      if (word && CONDITIONAL_KEYWORDS.has(word) && (wordEnd === lineEnd || isBlank(text.charCodeAt(wordEnd)))) {
        markStructural(line, 'conditional', contentStart);
        handleConditional(word as ConditionalKeyword, line, contentStart, wordEnd, lineEnd);
        continue;
      }
      if (word === 'define' || word === 'global' || word === 'undefine') {
        const def = parseDefinition(word, line, contentStart, wordEnd, lineEnd);
        markStructural(line, 'definition', contentStart);
        if (def) {
          definitions.push(def);
          if (word !== 'undefine' && endsWithContinuation(text, lineStart, lineEnd)) pendingDefinition = def;
          else finishDefinition(def, lines, text, continuation);
        }
        continue;
      }
      if (word === 'bcond_with' || word === 'bcond_without' || word === 'bcond') {
        markStructural(line, 'definition', contentStart);
        const words = splitWords(text.slice(wordEnd, lineEnd), wordEnd);
        if (words.length > 0) {
          const name = words[0];
          let defaultEnabled: boolean | undefined;
          if (word === 'bcond_without') defaultEnabled = true;
          else if (word === 'bcond_with') defaultEnabled = false;
          else if (words.length > 1) defaultEnabled = words[1].word === '1' ? true : words[1].word === '0' ? false : undefined;
          bconds.push({ keyword: word, name: name.word, nameSpan: { start: name.start, end: name.end }, defaultEnabled, start: contentStart, end: lineEnd, line });
        }
        continue;
      }
      if (word === 'include') {
        markStructural(line, 'include', contentStart);
        const words = splitWords(text.slice(wordEnd, lineEnd), wordEnd);
        if (words.length > 0) includes.push({ path: words[0].word, pathSpan: { start: words[0].start, end: words[0].end }, start: contentStart, end: lineEnd, line });
        continue;
      }
      // rpm matches section names case-insensitively (`%Description` works).
      // Only in column 0: rpm reads an indented `  %install` as body text (a macro call).
      const lowerWord = word && contentStart === lineStart ? word.toLowerCase() : '';
      const kind = lowerWord ? SECTION_KINDS.get(lowerWord) : undefined;
      if (kind && (wordEnd === lineEnd || isBlank(text.charCodeAt(wordEnd)))) {
        closeSection(line - 1);
        current = openSection(lowerWord, kind, line, contentStart, wordEnd, lineEnd);
        sections.push(current);
        lineSection[line] = sections.length - 1;
        markStructural(line, 'section-header', contentStart);
        continue;
      }
      lineKinds[line] = 'macro-line';
      if (current.kind === 'changelog' && currentEntry) {
        lineKinds[line] = 'body';
        entryHasText = true;
      }
      continue;
    }

    if (current.kind === 'preamble' || current.kind === 'package') {
      let isTag = readTagHead(text, contentStart, tagHead);
      if (!isTag) {
        SPACED_SOURCE_TAG.lastIndex = contentStart;
        const m = SPACED_SOURCE_TAG.exec(text);
        if (m) {
          isTag = true;
          tagHead.nameEnd = contentStart + m[1].length;
          tagHead.qualifierStart = -1;
          tagHead.qualifierEnd = -1;
          tagHead.end = contentStart + m[0].length;
        }
      }
      if (isTag) {
        lineKinds[line] = 'tag';
        tags.push(makeTag(tagHead, line, contentStart, lineEnd));
      } else if (first === 64 /* @ */ && /^@[A-Za-z_][A-Za-z0-9_]*@/.test(text.slice(contentStart, lineEnd))) {
        lineKinds[line] = 'macro-line';
      } else {
        lineKinds[line] = 'unknown';
        problems.push(specProblem('spec-unknown-tag', 'notATag', contentStart, lineEnd));
      }
      continue;
    }

    if (current.kind === 'changelog') {
      // rpm starts an entry only at a `*` in column 0; indented `*` lines are bullet points. rpm
      // skips blank (and comment) lines after a header and looks for the next entry from the
      // second character of the text, so the first text line is the entry's text even when it is
      // a `* item` line (rpm 4.18 parseChangelog.c, checked).
      if (first === 42 /* * */ && contentStart === lineStart && !(currentEntry && !entryHasText)) {
        finishEntry(line - 1);
        const entry = new ParsedChangelogEntry(text, contentStart, lineEnd, line);
        hasLineSeparators ??= text.includes('\u2028') || text.includes('\u2029');
        parseChangelogHeader(text, contentStart, lineEnd, hasLineSeparators, entry);
        changelog.push(entry);
        currentEntry = entry;
        entryHasText = false;
        lineKinds[line] = 'changelog-header';
        continue;
      }
      entryHasText = true;
    }
    lineKinds[line] = 'body';
  }
  if (pendingDefinition) finishDefinition(pendingDefinition, lines, text, continuation);
  closeSection(lineCount - 1);
  for (const open of openBlocks) {
    const b = open.block;
    const branch = b.branches[b.branches.length - 1];
    branch.bodyEndLine = lineCount - 1;
    branch.end = text.length;
    b.end = text.length;
    b.endLine = lineCount - 1;
    const first = b.branches[0];
    problems.push(specProblem('spec-unclosed-if', 'noEndif', first.keywordSpan.start, first.directive.end, { keyword: first.keyword }));
  }

  resolvePackages();
  markDuplicateSections(sections, conditionalPaths);
  // `%description`, `%if`, `%define`… are structure, not macro uses.
  const macroReferences = keywordStarts.length === 0 ? refs : withoutStarts(refs, keywordStarts);
  const placeholders = findPlaceholders(text);

  return {
    text, lines, isTemplate: placeholders.length > 0, sections, packages, tags, macroReferences,
    macroDefinitions: definitions, buildConditionals: bconds, conditionals, includes, comments, changelog,
    placeholders, problems, lineKinds, lineSection, lineConditional, conditionalPaths,
  };

  // ---- helpers that share the parser state ----

  function handleConditional(keyword: ConditionalKeyword, line: number, start: number, keywordEnd: number, lineEnd: number): void {
    const raw = text.slice(keywordEnd, lineEnd);
    const lead = raw.length - raw.trimStart().length;
    const condition = raw.trim();
    const conditionStart = keywordEnd + lead;
    const branch: ConditionalBranch = {
      keyword, start, end: lineEnd, directive: { start, end: lineEnd }, keywordSpan: { start, end: keywordEnd },
      condition, conditionSpan: { start: conditionStart, end: conditionStart + condition.length },
      bodyStartLine: line + 1, bodyEndLine: line,
    };
    if (keyword.startsWith('if')) {
      const parentOpen = openBlocks[openBlocks.length - 1];
      const block: ConditionalBlock = {
        id: conditionals.length, branches: [branch], start, end: lineEnd, startLine: line, endLine: line,
        ...(parentOpen ? { parent: { block: parentOpen.block.id, branch: parentOpen.block.branches.length - 1 } } : {}),
      };
      conditionals.push(block);
      const open: OpenBlock = { block, outerPath: conditionalPath };
      openBlocks.push(open);
      enterArm(open);
      return;
    }
    const open = openBlocks[openBlocks.length - 1];
    if (!open) {
      problems.push(specProblem('spec-stray-conditional', 'withoutIf', start, lineEnd, { keyword }));
      return;
    }
    const block = open.block;
    const last = block.branches[block.branches.length - 1];
    last.bodyEndLine = line - 1;
    last.end = lines.lineEnd(Math.max(line - 1, last.bodyStartLine - 1));
    if (keyword === 'endif') {
      block.endif = { start, end: lineEnd };
      block.end = lineEnd;
      block.endLine = line;
      openBlocks.pop();
      conditionalPath = open.outerPath;
      lineConditional[line] = conditionalPath;
      return;
    }
    if (last.keyword === 'else') {
      problems.push(specProblem('spec-stray-conditional', 'afterElse', start, lineEnd, { keyword }));
    }
    block.branches.push(branch);
    enterArm(open);
    lineConditional[line] = conditionalPath;
  }

  function parseDefinition(keyword: 'define' | 'global' | 'undefine', line: number, start: number, keywordEnd: number, lineEnd: number): MacroDefinition | undefined {
    let i = skipBlanks(text, keywordEnd, lineEnd);
    const nameStart = i;
    i = skipNameChars(text, i, lineEnd);
    const name = text.slice(nameStart, i);
    if (!name) {
      problems.push(specProblem('spec-malformed-definition', 'noName', start, lineEnd, { keyword }));
      return undefined;
    }
    const nameSpan = { start: nameStart, end: i };
    let parameters: string | undefined;
    if (text.charCodeAt(i) === 40 /* ( */) {
      const close = text.indexOf(')', i);
      if (close >= 0 && close < lineEnd) {
        parameters = text.slice(i + 1, close);
        i = close + 1;
      }
    }
    i = skipBlanks(text, i, lineEnd);
    if (keyword !== 'undefine' && i >= lineEnd && !endsWithContinuation(text, lines.lineStarts[line], lineEnd)) {
      problems.push(specProblem('spec-malformed-definition', 'noBody', start, lineEnd, { keyword, name }));
    }
    const body = text.slice(i, lineEnd);
    const bodySpan = { start: i, end: lineEnd };
    // Two literals rather than a spread of a temporary object (same fields, same order).
    if (parameters !== undefined) return { keyword, name, nameSpan, parameters, body, bodySpan, start, end: lineEnd, line, endLine: line, conditionalPath };
    return { keyword, name, nameSpan, body, bodySpan, start, end: lineEnd, line, endLine: line, conditionalPath };
  }

  function openSection(word: string, kind: Section['kind'], line: number, start: number, keywordEnd: number, lineEnd: number): Section {
    const argsText = text.slice(keywordEnd, lineEnd);
    const words = splitWords(argsText, keywordEnd);
    const options: SectionOption[] = [];
    let target: { word: string; start: number; end: number } | undefined;
    let nameOption: string | undefined;
    let interpreter: string | undefined;
    let triggerCondition: string | undefined;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w.word === '--' && (kind === 'trigger' || kind === 'filetrigger')) {
        triggerCondition = text.slice(w.end, lineEnd).trim();
        break;
      }
      if (w.word.startsWith('-') && w.word.length > 1) {
        if (VALUE_OPTIONS.has(w.word) && k + 1 < words.length) {
          const v = words[++k];
          options.push({ flag: w.word, value: v.word, span: { start: w.start, end: v.end } });
          if (w.word === '-n') nameOption = v.word;
          if (w.word === '-p' && (kind === 'scriptlet' || kind === 'trigger' || kind === 'filetrigger')) interpreter = v.word;
        } else options.push({ flag: w.word, span: { start: w.start, end: w.end } });
        continue;
      }
      if (!target) target = w;
      else if (kind === 'trigger' || kind === 'filetrigger') {
        // rpm also accepts a condition without `--` in old specs.
        triggerCondition = text.slice(w.start, lineEnd).trim();
        break;
      }
    }
    const trimmedArgs = argsText.trim();
    const argsStart = keywordEnd + (argsText.length - argsText.trimStart().length);
    const section: Section = {
      kind, name: word, start, end: lineEnd, header: { start, end: lineEnd }, keywordSpan: { start, end: keywordEnd },
      args: trimmedArgs, argsSpan: { start: argsStart, end: argsStart + trimmedArgs.length }, options,
      packageIndex: 0, headerLine: line, endLine: line, body: { start: lines.lineEndWithBreak(line), end: lines.lineEndWithBreak(line) },
      bodyStartLine: line + 1, conditionalPath, bodyLanguage: bodyLanguageOf(kind, interpreter),
    };
    if (target) {
      section.target = target.word;
      section.targetSpan = { start: target.start, end: target.end };
    }
    if (nameOption !== undefined) section.nameOption = nameOption;
    if (interpreter !== undefined) section.interpreter = interpreter;
    if (triggerCondition !== undefined) section.triggerCondition = triggerCondition;
    if (kind === 'package') {
      const nameWord = nameOption !== undefined ? options.find((o) => o.flag === '-n') : undefined;
      packages.push({
        name: '', main: false, declaredName: nameOption ?? target?.word, explicitName: nameOption !== undefined, section,
        ...(nameWord ? { nameSpan: { start: nameWord.span.end - (nameWord.value ?? '').length, end: nameWord.span.end } } : target ? { nameSpan: { start: target.start, end: target.end } } : {}),
      });
      section.packageIndex = packages.length - 1;
    }
    return section;
  }

  function makeTag(head: TagHead, line: number, start: number, lineEnd: number): Tag {
    const name = text.slice(start, head.nameEnd);
    const { key, number, dependencies } = tagNameInfo(name);
    const afterColon = head.end;
    const valueStart = skipBlanks(text, afterColon, lineEnd);
    let valueEnd = lineEnd;
    // An inline `%dnl` discards the rest of the line before rpm reads the tag.
    firstDnl ??= text.indexOf('%dnl');
    const dnl = firstDnl >= 0 && firstDnl < lineEnd ? inlineDnl(text, valueStart, lineEnd) : -1;
    if (dnl >= 0) valueEnd = dnl;
    valueEnd = trimBlanksBack(text, valueStart, valueEnd);
    const value = text.slice(valueStart, valueEnd);
    const tag: Tag = {
      name, nameSpan: { start, end: start + name.length }, key, value, valueSpan: { start: valueStart, end: valueEnd },
      start, end: lineEnd, line, packageIndex: current.kind === 'package' ? current.packageIndex : 0, conditionalPath,
    };
    if (number !== undefined) tag.number = number;
    if (head.qualifierStart >= 0) {
      tag.qualifier = text.slice(head.qualifierStart, head.qualifierEnd).trim();
      tag.qualifierSpan = { start: head.qualifierStart, end: head.qualifierEnd };
    }
    if (dependencies) tag.dependencies = parseDependencies(value, valueStart, isParametricMacro);
    return tag;
  }

  function resolvePackages(): void {
    const nameTag = tags.find((t) => t.key === 'name' && t.packageIndex === 0);
    const main = packages[0];
    main.name = nameTag?.value ?? '';
    if (nameTag) main.nameSpan = nameTag.valueSpan;
    for (let k = 1; k < packages.length; k++) {
      const p = packages[k];
      p.name = p.explicitName ? (p.declaredName ?? '') : `${main.name || '%{name}'}-${p.declaredName ?? ''}`;
    }
    const byName = new Map<string, number>();
    for (let k = 0; k < packages.length; k++) {
      byName.set(normalizePackageName(packages[k].name, main.name), k);
    }
    for (const s of sections) {
      if (s.kind === 'preamble' || s.kind === 'package') continue;
      if (s.kind === 'changelog' || s.kind === 'prep' || s.kind === 'build' || s.kind === 'install' || s.kind === 'check' ||
          s.kind === 'clean' || s.kind === 'conf' || s.kind === 'generate_buildrequires' || s.kind === 'sourcelist' || s.kind === 'patchlist') {
        s.packageIndex = 0;
        continue;
      }
      let full: string | undefined;
      if (s.nameOption !== undefined) full = s.nameOption;
      else if (s.target !== undefined) full = `${main.name || '%{name}'}-${s.target}`;
      if (full === undefined) s.packageIndex = 0;
      else s.packageIndex = byName.get(normalizePackageName(full, main.name)) ?? -1;
    }
  }
}

/**
 * Marks a section rpm would read a second time for the same package (`Second %preun`, `second
 * %build`: errors; a second %files or %description: warnings), unless the two sit in different
 * arms of one %if block.
 */
function markDuplicateSections(sections: Section[], paths: ConditionalPathEntry[]): void {
  const seen = new Map<string, number[]>();
  const chain = (path: number) => {
    const out = new Map<number, number>();
    for (let p = path; p !== 0 && paths[p]; p = paths[p].parent) out.set(paths[p].block, paths[p].branch);
    return out;
  };
  const exclusive = (a: number, b: number) => {
    if (a === b) return false;
    const ca = chain(a);
    for (const [block, branch] of chain(b)) if (ca.has(block) && ca.get(block) !== branch) return true;
    return false;
  };
  for (let k = 1; k < sections.length; k++) {
    const s = sections[k];
    // Section names are lower case already; most sections have neither -n nor a target, and the
    // name alone is their key (the others' keys have a NUL, which no name has).
    const key = s.nameOption !== undefined ? `${s.name}\u0000-n ${s.nameOption}` : s.target ? `${s.name}\u0000${s.target}` : s.name;
    const earlier = seen.get(key);
    if (earlier) {
      const first = earlier.find((e) => !exclusive(sections[e].conditionalPath, s.conditionalPath));
      if (first !== undefined) s.duplicateOf = first;
      earlier.push(k);
    } else seen.set(key, [k]);
  }
}

/** Treats `%{name}` and `%name` as the main package's name, so `%files -n %{name}-libs` matches `%package libs`. */
export function normalizePackageName(name: string, mainName: string): string {
  // Asked for every package and section name of every spec: no pattern or split when there is nothing to replace.
  let out = name.includes('%') ? name.replace(NAME_MACRO, '\u0000') : name;
  if (mainName && out.includes(mainName)) out = out.replaceAll(mainName, '\u0000');
  return out;
}
const NAME_MACRO = /%\{\??name\}|%name\b/g;

/**
 * Drops the references that start at one of `starts` (both sorted by start: one merge pass), in
 * place: the array is the parser's own, fresh from scanMacros.
 */
function withoutStarts(refs: MacroReference[], starts: number[]): MacroReference[] {
  let kept = 0;
  let k = 0;
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i];
    while (k < starts.length && starts[k] < r.start) k++;
    if (k < starts.length && starts[k] === r.start) continue;
    refs[kept++] = r;
  }
  refs.length = kept;
  return refs;
}

/**
 * `@NAME@` placeholders of a `.spec.in` template, left to right without overlaps (what a global
 * `/@[A-Za-z_][A-Za-z0-9_]*@/g` finds). Found from each `@` by hand: most specs have e-mail
 * addresses in %changelog, and the regular expression's search over the whole text cost ~3% of a parse.
 */
function findPlaceholders(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; ) {
    let i = at + 1;
    const first = text.charCodeAt(i);
    if ((first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first === 95) {
      i++;
      i = skipNameChars(text, i, text.length);
      if (text.charCodeAt(i) === 64 /* @ */) {
        out.push({ start: at, end: i + 1 });
        at = text.indexOf('@', i + 1);
        continue;
      }
    }
    at = text.indexOf('@', at + 1);
  }
  return out;
}

// Runs of blanks and names are skipped by one call per run: with --no-turbo-inlining a test
// function called per character was ~5 % of a parse.

/** The first offset from `i` on (below `end`) that is not a blank. */
function skipBlanks(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}

/** `end` moved back over the blanks before it, not below `start`. */
function trimBlanksBack(text: string, start: number, end: number): number {
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c !== 32 && c !== 9) break;
    end--;
  }
  return end;
}

/** The first offset from `i` on (below `end`) that is not a macro-name character (A-Z a-z 0-9 _). */
function skipNameChars(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) break;
    i++;
  }
  return i;
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

function isNameStartCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isNameCharCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (c >= 48 && c <= 57);
}

/** Where the first `%dnl` (not `%dnl_x`) in text[from, to) starts, or -1 (a loop over a tag's value, not a slice and a pattern per tag). */
function inlineDnl(text: string, from: number, to: number): number {
  for (let k = from; k < to; k++) {
    if (text.charCodeAt(k) === 37 /* % */ && text.startsWith('dnl', k + 1) && !isNameCharCode(text.charCodeAt(k + 4))) return k;
  }
  return -1;
}

function endsWithContinuation(text: string, lineStart: number, lineEnd: number): boolean {
  let k = lineEnd - 1;
  let count = 0;
  while (k >= lineStart && text.charCodeAt(k) === 92 /* \ */) {
    count++;
    k--;
  }
  return count % 2 === 1;
}

/** Extends a definition's body over its continuation lines and any multi-line macro it opens. */
function finishDefinition(def: MacroDefinition, lines: LineIndex, text: string, continuation: Uint8Array | undefined): void {
  let endLine = def.endLine;
  while (continuation !== undefined && endLine + 1 < lines.lineCount && continuation[endLine + 1] === 1) endLine++;
  def.endLine = endLine;
  const end = lines.lineEnd(endLine);
  def.end = end;
  def.bodySpan = { start: def.bodySpan.start, end };
  def.body = text.slice(def.bodySpan.start, end);
}
