// The dkms.conf parser. dkms `source`s the file with bash, so this reads the part of bash that
// dkms.conf files use: assignments (`NAME=v`, `NAME[i]=v`, `NAME=(a b)`, `+=`, `export`), bash
// quoting and expansions inside values, comments and line continuations. Anything else (tests,
// `if … fi`, loops, functions, commands) is recorded as shell code; assignments inside such
// constructs are marked `conditional`. The parser never throws, runs in linear time (nesting is
// handled with explicit stacks, never recursion) and keeps exact offsets (UTF-16, any line break).

import type { Span } from '../specfile/ast';
import { LineIndex } from '../text/lineIndex';
import type { MessageData } from '../text/messages';
import { dkmsProblem, type DkmsParseMessageId } from './parseProblems';
import { ShellScanner, type ShellLexProblem, type ShellVariableRef } from '../shell/lexer';
import type {
  DkmsAssignment,
  DkmsBlock,
  DkmsComment,
  DkmsDocument,
  DkmsProblem,
  DkmsShellCode,
  DkmsValue,
  DkmsVariableReference,
} from './ast';

/** What an unclosed construct is called in messages. */
const UNCLOSED: Partial<Record<ShellLexProblem['kind'], string>> = {
  'unclosed-single': 'single quote', 'unclosed-double': 'double quote', 'unclosed-backquote': 'backquote',
  'unclosed-array': 'parenthesis', 'unclosed-command': '`$(`', 'unclosed-parameter': '`${`',
};

function variableRef(v: ShellVariableRef): DkmsVariableReference {
  return { start: v.start, end: v.end, name: v.name, nameSpan: { start: v.nameStart, end: v.nameEnd }, braced: v.braced };
}

const CH_NL = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_TAB = 9;

function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isIdentChar(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}
function isBlank(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB;
}

/** Characters that end an unquoted word (metacharacters and line breaks). */
function isWordEnd(c: number): boolean {
  return c === CH_SPACE || c === CH_TAB || c === CH_NL || c === CH_CR || c === 59 /* ; */ || c === 38 /* & */ || c === 124 /* | */ || c === 60 /* < */ || c === 62 /* > */ || c === 40 /* ( */ || c === 41 /* ) */;
}

type BlockKind = DkmsBlock['kind'];

interface OpenBlock {
  kind: BlockKind;
  start: number;
  name?: string;
}

const OPENERS: Record<string, BlockKind> = { if: 'if', case: 'case', for: 'for', while: 'while', until: 'until', select: 'select' };
const CLOSERS: Record<string, BlockKind[]> = { fi: ['if'], esac: ['case'], done: ['for', 'while', 'until', 'select'], '}': ['brace', 'function'] };
const CONTINUERS = new Set(['then', 'else', 'elif', 'do', '!', 'in']);

class DkmsParser {
  readonly n: number;
  i = 0;
  readonly assignments: DkmsAssignment[] = [];
  readonly comments: DkmsComment[] = [];
  readonly shellCode: DkmsShellCode[] = [];
  readonly problems: DkmsProblem[] = [];
  readonly blocks: DkmsBlock[] = [];
  readonly placeholders: Span[] = [];
  private readonly open: OpenBlock[] = [];
  /** The previous statement was followed by `&&` or `||` on the same logical line. */
  private afterAndOr = false;
  /** A function header (`name()`) waits for its `{`. */
  private pendingFunction: { name: string; start: number } | undefined;
  /** Here-documents whose bodies start after the current line. */
  private pendingHeredocs: { delimiter: string; stripTabs: boolean }[] = [];
  private readonly scanner: ShellScanner;

  constructor(readonly text: string, readonly lines: LineIndex) {
    this.n = text.length;
    this.scanner = new ShellScanner(text);
  }

  code(i: number): number {
    return i < this.n ? this.text.charCodeAt(i) : -1;
  }

  isNewlineAt(i: number): boolean {
    const c = this.code(i);
    return c === CH_NL || c === CH_CR;
  }

  /** Offset past the line break at i (\n, \r\n or \r). */
  skipNewline(i: number): number {
    if (this.code(i) === CH_CR && this.code(i + 1) === CH_NL) return i + 2;
    return i + 1;
  }

  /** Offset of character code c in [from, limit), or -1. */
  indexOfBounded(c: number, from: number, limit: number): number {
    for (let k = from; k < limit && k < this.n; k++) if (this.code(k) === c) return k;
    return -1;
  }

  /** `\` followed by a line break: returns the offset after it, or -1. */
  continuationAt(i: number): number {
    if (this.code(i) !== 92) return -1;
    return this.isNewlineAt(i + 1) ? this.skipNewline(i + 1) : -1;
  }

  problem(start: number, end: number, messageId: DkmsParseMessageId, data?: MessageData): void {
    this.problems.push(dkmsProblem(messageId, start, Math.max(end, start), data));
  }

  lineEndAt(i: number): number {
    return this.lines.lineEnd(this.lines.lineOf(i));
  }

  run(): void {
    while (this.i < this.n) this.step();
    for (let k = this.open.length - 1; k >= 0; k--) {
      const b = this.open[k];
      const kw = b.kind === 'brace' || b.kind === 'function' ? '{' : b.kind;
      const closer = b.kind === 'if' ? 'fi' : b.kind === 'case' ? 'esac' : b.kind === 'brace' || b.kind === 'function' ? '}' : 'done';
      this.problem(b.start, Math.min(this.n, b.start + kw.length), 'unclosedBlock', { keyword: kw, closer });
      this.closeBlock(b, this.n, false);
    }
    this.open.length = 0;
    this.collectPlaceholders();
  }

  /** One step of the statement loop: separators, comments, line breaks or one statement. */
  step(): void {
    const c = this.code(this.i);
    if (isBlank(c)) {
      this.i++;
      return;
    }
    if (c === CH_NL || c === CH_CR) {
      this.i = this.skipNewline(this.i);
      this.afterAndOr = false;
      if (this.pendingHeredocs.length > 0) this.skipHeredocBodies();
      return;
    }
    const cont = this.continuationAt(this.i);
    if (cont >= 0) {
      this.i = cont;
      return;
    }
    if (c === 35 /* # */) {
      this.comment(this.i);
      return;
    }
    if (c === 59 /* ; */) {
      this.i += this.code(this.i + 1) === 59 ? 2 : 1;
      this.afterAndOr = false;
      return;
    }
    if ((c === 38 || c === 124) && this.code(this.i + 1) === c) {
      this.addShell(this.i, this.i + 2);
      this.i += 2;
      this.afterAndOr = true;
      return;
    }
    if (c === 38 || c === 124) {
      this.addShell(this.i, this.i + 1);
      this.i++;
      this.afterAndOr = true;
      return;
    }
    this.statement();
  }

  comment(start: number): void {
    const end = this.lineEndAt(start);
    this.comments.push({ start, end, line: this.lines.lineOf(start) });
    this.i = end;
  }

  get conditional(): boolean {
    return this.open.length > 0 || this.afterAndOr;
  }

  /** Adds shell code, merged with the previous piece when that ends on the same line. */
  addShell(start: number, end: number): void {
    if (end <= start) return;
    const line = this.lines.lineOf(start);
    const last = this.shellCode[this.shellCode.length - 1];
    if (last && last.end <= start && last.endLine === line) {
      last.end = end;
      last.endLine = this.lines.lineOf(end);
      last.text = this.text.slice(last.start, end);
      return;
    }
    this.shellCode.push({ start, end, line, endLine: this.lines.lineOf(end), text: this.text.slice(start, end) });
  }

  /** A bare word at i (keyword candidates): returns its end. */
  plainWordEnd(i: number): number {
    let j = i;
    while (j < this.n) {
      const c = this.code(j);
      if (isWordEnd(c) || c === 34 || c === 39 || c === 96 || c === 36 || c === 92) break;
      j++;
    }
    return j;
  }

  statement(): void {
    const start = this.i;
    const wordEnd = this.plainWordEnd(start);
    const word = wordEnd - start <= 8 ? this.text.slice(start, wordEnd) : '';
    const endsWord = wordEnd >= this.n || isWordEnd(this.code(wordEnd)) || this.code(wordEnd) === 35;

    // case patterns: `pat)` or `(pat | pat)` at command position inside `case … esac`
    if (this.open.length > 0 && this.open[this.open.length - 1].kind === 'case' && word !== 'esac') {
      const patEnd = this.casePatternEnd(start);
      if (patEnd > 0) {
        this.addShell(start, patEnd);
        this.i = patEnd;
        return;
      }
    }

    if (endsWord && word) {
      if (word in OPENERS) {
        this.open.push({ kind: OPENERS[word], start });
        this.addShell(start, wordEnd);
        this.i = wordEnd;
        return;
      }
      if (word in CLOSERS) {
        this.closeKeyword(word, start, wordEnd);
        this.addShell(start, wordEnd);
        this.i = wordEnd;
        return;
      }
      if (CONTINUERS.has(word)) {
        this.addShell(start, wordEnd);
        this.i = wordEnd;
        return;
      }
      if (word === '{') {
        const pf = this.pendingFunction;
        this.open.push(pf ? { kind: 'function', start: pf.start, name: pf.name } : { kind: 'brace', start });
        this.pendingFunction = undefined;
        this.addShell(start, wordEnd);
        this.i = wordEnd;
        return;
      }
    }

    // function headers: `name() …` or `function name …`
    const fn = this.functionHeader(start);
    if (fn) {
      this.pendingFunction = { name: fn.name, start };
      this.addShell(start, fn.end);
      this.i = fn.end;
      return;
    }

    // assignments, with an optional export/declare/local/readonly prefix
    let j = start;
    let exported = false;
    if (endsWord && (word === 'export' || word === 'declare' || word === 'local' || word === 'readonly' || word === 'typeset')) {
      j = wordEnd;
      for (;;) {
        while (isBlank(this.code(j))) j++;
        if (this.code(j) === 45 /* - */) {
          while (j < this.n && !isWordEnd(this.code(j))) j++;
          continue;
        }
        break;
      }
      exported = true;
    }
    const assigned: DkmsAssignment[] = [];
    let k = this.tryAssignment(j, exported, assigned, start);
    if (k >= 0) {
      // further words: more assignments (`A=1 B=2`) or a command run with them as its environment
      for (;;) {
        let m = k;
        while (isBlank(this.code(m))) m++;
        const cont = this.continuationAt(m);
        if (cont >= 0) {
          k = cont;
          continue;
        }
        const c = this.code(m);
        if (c === -1 || c === CH_NL || c === CH_CR || c === 59 || c === 38 || c === 124 || c === 35 || c === 41) {
          this.i = m;
          for (const a of assigned) this.assignments.push(a);
          return;
        }
        const next = this.tryAssignment(m, exported, assigned, m);
        if (next < 0) {
          // `VAR=value command …`: the variables only apply to that command
          const end = this.scanShell(m);
          this.addShell(start, end);
          this.i = end;
          return;
        }
        k = next;
      }
    }
    if (k === -2) return; // malformed, already consumed

    const end = this.scanShell(start);
    this.addShell(start, Math.max(end, start + 1));
    this.i = Math.max(end, start + 1);
  }

  closeKeyword(word: string, start: number, end: number): void {
    const kinds = CLOSERS[word];
    for (let k = this.open.length - 1; k >= 0; k--) {
      if (kinds.includes(this.open[k].kind)) {
        // blocks opened after the match were never closed: bash would fail as well
        for (let m = this.open.length - 1; m > k; m--) this.closeBlock(this.open[m], start, false);
        const b = this.open[k];
        this.open.length = k;
        this.closeBlock(b, end, true);
        return;
      }
    }
    this.problem(start, end, 'strayKeyword', { keyword: word });
  }

  closeBlock(b: OpenBlock, end: number, closed: boolean): void {
    const block: DkmsBlock = { kind: b.kind, start: b.start, end, line: this.lines.lineOf(b.start), endLine: this.lines.lineOf(end), closed };
    if (b.name !== undefined) block.name = b.name;
    this.blocks.push(block);
  }

  /** End of a case pattern (`a|b)` / `(a)`) at i, or -1. Looks at most 256 characters ahead. */
  casePatternEnd(i: number): number {
    let j = i;
    const limit = Math.min(this.n, i + 256);
    if (this.code(j) === 40) j++;
    let sawChar = false;
    while (j < limit) {
      const c = this.code(j);
      if (c === 41) return sawChar ? j + 1 : -1;
      if (c === CH_NL || c === CH_CR || c === 59 || c === 61 /* = */ || c === 40) return -1;
      if (c === 39 || c === 34) {
        const close = this.indexOfBounded(c, j + 1, limit);
        if (close < 0) return -1;
        j = close + 1;
        sawChar = true;
        continue;
      }
      if (c === 92) j++;
      if (!isBlank(c) && c !== 124) sawChar = true;
      j++;
    }
    return -1;
  }

  /** `name()` / `name ()` / `function name` / `function name()` at i. */
  functionHeader(i: number): { name: string; end: number } | undefined {
    let j = i;
    let keyword = false;
    if (this.text.startsWith('function', j) && isBlank(this.code(j + 8))) {
      keyword = true;
      j += 8;
      while (isBlank(this.code(j))) j++;
    }
    const nameStart = j;
    while (j < this.n && (isIdentChar(this.code(j)) || this.code(j) === 45 || this.code(j) === 46 || this.code(j) === 58)) j++;
    if (j === nameStart) return undefined;
    const name = this.text.slice(nameStart, j);
    let m = j;
    while (isBlank(this.code(m))) m++;
    if (this.code(m) === 40) {
      m++;
      while (isBlank(this.code(m))) m++;
      if (this.code(m) !== 41) return undefined;
      return { name, end: m + 1 };
    }
    if (keyword) return { name, end: j };
    return undefined;
  }

  /**
   * Tries `NAME=…` / `NAME[i]=…` / `NAME+=…` at i. Returns the offset after the value, -1 when
   * this is not an assignment, -2 when the line was malformed (reported and consumed).
   */
  tryAssignment(i: number, exported: boolean, out: DkmsAssignment[], stmtStart: number): number {
    if (!isIdentStart(this.code(i))) return -1;
    let j = i + 1;
    while (isIdentChar(this.code(j))) j++;
    const nameEnd = j;
    let index: number | undefined;
    let indexText: string | undefined;
    let indexSpan: Span | undefined;
    if (this.code(j) === 91 /* [ */) {
      let m = j + 1;
      let depth = 1;
      while (m < this.n && !this.isNewlineAt(m)) {
        const c = this.code(m);
        if (c === 91) depth++;
        else if (c === 93 && --depth === 0) break;
        m++;
      }
      if (this.code(m) !== 93) {
        // `NAME[=x` or `NAME[0 = x`: an index that never closes
        const lineEnd = this.lineEndAt(i);
        const rest = this.text.slice(j, Math.min(lineEnd, j + 4096));
        if (rest.includes('=')) {
          this.problem(i, lineEnd, 'unclosedIndex', { name: this.text.slice(i, nameEnd) });
          this.addShell(stmtStart, lineEnd);
          this.i = lineEnd;
          return -2;
        }
        return -1;
      }
      indexSpan = { start: j + 1, end: m };
      indexText = this.text.slice(j + 1, m);
      const trimmed = indexText.trim();
      if (/^\d{1,9}$/.test(trimmed)) index = Number(trimmed);
      j = m + 1;
    }
    let append = false;
    if (this.code(j) === 43 /* + */ && this.code(j + 1) === 61) {
      append = true;
      j++;
    }
    if (this.code(j) !== 61 /* = */) {
      // `PACKAGE_NAME = "x"`: bash runs a command named PACKAGE_NAME
      if (!indexSpan && !append && /^[A-Z][A-Z0-9_]*$/.test(this.text.slice(i, Math.min(nameEnd, i + 200)))) {
        let m = j;
        while (isBlank(this.code(m))) m++;
        if (m > j && (this.code(m) === 61 || (this.code(m) === 43 && this.code(m + 1) === 61))) {
          const lineEnd = this.lineEndAt(i);
          this.problem(i, lineEnd, 'spacesAroundEquals', { name: this.text.slice(i, nameEnd) });
          const end = this.scanShell(stmtStart);
          this.addShell(stmtStart, end);
          this.i = end;
          return -2;
        }
      }
      return -1;
    }
    const eq = j;
    const valueStart = eq + 1;
    const values: DkmsValue[] = [];
    let end: number;
    let isArray = false;
    if (this.code(valueStart) === 40 /* ( */) {
      isArray = true;
      end = this.parseArray(valueStart, values);
    } else {
      const v = this.parseWord(valueStart);
      values.push(v);
      end = v.end;
    }
    const a: DkmsAssignment = {
      start: stmtStart === i ? i : stmtStart,
      end,
      name: this.text.slice(i, nameEnd),
      nameSpan: { start: i, end: nameEnd },
      isArray,
      values,
      valueSpan: { start: valueStart, end },
      append,
      line: this.lines.lineOf(i),
      endLine: this.lines.lineOf(end),
      conditional: this.conditional,
    };
    if (index !== undefined) a.index = index;
    if (indexText !== undefined) a.indexText = indexText;
    if (indexSpan) a.indexSpan = indexSpan;
    if (exported) a.exported = true;
    out.push(a);
    return end;
  }

  /** `(a b "c d")` starting at the `(`; returns the offset after `)`. */
  parseArray(open: number, values: DkmsValue[]): number {
    let j = open + 1;
    for (;;) {
      const c = this.code(j);
      if (c === -1) {
        this.problem(open, Math.min(this.n, open + 1), 'unclosedArray');
        return this.n;
      }
      if (isBlank(c)) {
        j++;
        continue;
      }
      if (c === CH_NL || c === CH_CR) {
        j = this.skipNewline(j);
        continue;
      }
      const cont = this.continuationAt(j);
      if (cont >= 0) {
        j = cont;
        continue;
      }
      if (c === 35) {
        const end = this.lineEndAt(j);
        this.comments.push({ start: j, end, line: this.lines.lineOf(j) });
        j = end;
        continue;
      }
      if (c === 41) return j + 1;
      if (c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40) {
        // not valid inside an array: bash reports a syntax error
        this.problem(j, j + 1, 'unexpectedInArray', { character: String.fromCharCode(c) });
        j++;
        continue;
      }
      const v = this.parseWord(j);
      values.push(v);
      j = v.end > j ? v.end : j + 1;
    }
  }

  /** Reports unclosed quotes and expansions found by the shared shell scanner. */
  reportLex(problems: readonly ShellLexProblem[]): void {
    for (const p of problems) this.problem(p.start, p.end, 'unclosedConstruct', { what: UNCLOSED[p.kind] ?? 'construct' });
  }

  /** One shell word (a value) starting at i, read by the shared shell lexer. */
  parseWord(i: number): DkmsValue {
    const { word, problems } = this.scanner.wordAt(i);
    this.reportLex(problems);
    const end = word.text === '' ? i : word.end;
    const value: DkmsValue = {
      start: i, end, raw: word.text, text: word.value, quoting: word.quoting,
      variables: word.variables.map(variableRef),
      // `$((…))` is as unknown as `$(…)`
      hasCommandSubstitution: word.hasCommandSubstitution || word.parts.some((p) => p.kind === 'arithmetic'),
    };
    const text = word.value;
    // `#MODULE_VERSION#` (dh_dkms) and `__VERSION__` written as a whole value
    const whole = /^#[A-Za-z_][A-Za-z0-9_]*#$/.test(text) ? '#' : /^__[A-Z][A-Z0-9_]*[A-Z0-9]__$/.test(text) ? '_' : undefined;
    if (whole && text.length < 200) {
      const at = value.raw.indexOf(whole);
      this.placeholders.push({ start: i + at, end: i + at + text.length });
    }
    return value;
  }

  /**
   * Scans one simple shell command from i to its end: a line break, `;`, `&`, `|` or a comment
   * at the top level. Quotes and expansions may span lines. Notes here-documents.
   */
  scanShell(i: number): number {
    let j = i;
    while (j < this.n) {
      const c = this.code(j);
      if (c === CH_NL || c === CH_CR || c === 59 || c === 38 || c === 124) return j;
      if (c === 35 && j > i && (isBlank(this.code(j - 1)))) return j;
      if (c === 92) {
        const cont = this.continuationAt(j);
        j = cont >= 0 ? cont : j + 2;
        continue;
      }
      if (c === 39 || c === 34 || c === 96 || c === 40 || (c === 36 && (this.code(j + 1) === 40 || this.code(j + 1) === 123))) {
        const r = this.scanner.constructAt(j);
        this.reportLex(r.problems);
        j = r.end;
        continue;
      }
      if (c === 60 && this.code(j + 1) === 60) {
        // `<<<` is a here-string (a word), `<<` a here-document
        j = this.code(j + 2) === 60 ? j + 3 : this.heredocStart(j + 2);
        continue;
      }
      j++;
    }
    return Math.min(j, this.n);
  }

  /** After `<<`: reads the delimiter and queues the body. Returns the offset after it. */
  heredocStart(i: number): number {
    let j = i;
    let stripTabs = false;
    if (this.code(j) === 45) {
      stripTabs = true;
      j++;
    }
    while (isBlank(this.code(j))) j++;
    const q = this.code(j);
    let delimiter = '';
    if (q === 39 || q === 34) {
      const close = this.indexOfBounded(q, j + 1, this.lineEndAt(j));
      if (close < 0) return j + 1;
      delimiter = this.text.slice(j + 1, close);
      j = close + 1;
    } else {
      const s = j;
      while (j < this.n && !isWordEnd(this.code(j))) j++;
      delimiter = this.text.slice(s, j).replace(/\\/g, '');
    }
    if (delimiter) this.pendingHeredocs.push({ delimiter, stripTabs });
    return j;
  }

  /** At the start of the line after a here-document operator: skips the bodies. */
  skipHeredocBodies(): void {
    const docs = this.pendingHeredocs;
    this.pendingHeredocs = [];
    for (const doc of docs) {
      const bodyStart = this.i;
      let line = this.lines.lineOf(this.i);
      let found = false;
      while (line < this.lines.lineCount && this.lines.lineStarts[line] < this.n) {
        let content = this.lines.lineText(line);
        if (doc.stripTabs) content = content.replace(/^\t+/, '');
        const next = this.lines.lineEndWithBreak(line);
        if (content === doc.delimiter) {
          this.addShell(bodyStart, this.lines.lineEnd(line));
          this.i = next;
          found = true;
          break;
        }
        line++;
        if (next >= this.n) break;
      }
      if (!found) {
        this.problem(bodyStart, bodyStart, 'unclosedHereDocument', { delimiter: doc.delimiter });
        this.addShell(bodyStart, this.n);
        this.i = this.n;
        return;
      }
    }
  }

  collectPlaceholders(): void {
    if (!this.text.includes('@')) return;
    const re = /@[A-Za-z_][A-Za-z0-9_]{0,100}@/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      this.placeholders.push({ start: m.index, end: m.index + m[0].length });
      re.lastIndex = m.index + m[0].length - 1; // `@A@B@`: the closing @ may open the next one
    }
    this.placeholders.sort((a, b) => a.start - b.start);
  }
}

/** Parses a dkms.conf. Never throws; problems are reported in `problems`. */
export function parseDkms(text: string): DkmsDocument {
  const lines = new LineIndex(text);
  const p = new DkmsParser(text, lines);
  p.run();
  p.blocks.sort((a, b) => a.start - b.start || b.end - a.end);
  p.problems.sort((a, b) => a.start - b.start);
  return {
    text,
    lines,
    assignments: p.assignments,
    comments: p.comments,
    shellCode: p.shellCode,
    problems: p.problems,
    hasCrlf: text.includes('\r\n'),
    placeholders: p.placeholders,
    blocks: p.blocks,
  };
}
