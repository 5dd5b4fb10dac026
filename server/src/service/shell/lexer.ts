// The one shell lexer of the service. Every shell text goes through it: the build sections and
// shell scriptlets of a spec, `%(…)` bodies and macro definitions run as shell, and dkms.conf
// (which dkms `source`s with bash). It splits text into words, operators and redirections, and
// records comments, here-documents (with their bodies) and unclosed quotes, all with document
// offsets.
//
// It is a lexer, not a parser: compound commands show up as their reserved words, which the
// command model (commands.ts) interprets. It runs in linear time and never recurses: nested
// constructs (`$(… "…" …)`, `${…}`, backquotes, rpm `%{…}`/`%(…)`) use an explicit stack.
//
// Spec text: with `rpmMacros`, rpm's `%{…}`, `%(…)`, `%[…]`, `%name` and `%%` are word parts of
// their own (rpm expands them before the shell runs). Spec-only lines (`%if`, `%define`…) are not
// shell: the caller leaves them out of the text and gives an OffsetMap back to the document.

/** Maps indexes of the lexed text to document offsets (the text may be pieces of a document). */
export class OffsetMap {
  // `declare`d fields, set in the constructor: class fields are defined one by one by a hidden
  // initializer (ES2022 semantics), which made constructing a lexer cost ~0.5 µs (one per shell
  // section of every spec) with the compiler's inlining off.
  /** Sorted starts of the pieces in the lexed text, and their document offsets. */
  private declare readonly textStarts: number[];
  private declare readonly docStarts: number[];

  constructor(pieces: readonly { textStart: number; docStart: number }[]) {
    this.textStarts = [];
    this.docStarts = [];
    if (pieces.length === 0 || pieces[0].textStart !== 0) {
      this.textStarts.push(0);
      this.docStarts.push(0);
    }
    for (const p of pieces) {
      this.textStarts.push(p.textStart);
      this.docStarts.push(p.docStart);
    }
  }

  /** A map that adds `base` to every index (one contiguous piece). */
  static shifted(base: number): OffsetMap {
    return new OffsetMap([{ textStart: 0, docStart: base }]);
  }

  /** The shift of a one-piece map (document offset = index + shift), or undefined when there are gaps. */
  get shift(): number | undefined {
    return this.textStarts.length === 1 ? this.docStarts[0] : undefined;
  }

  private piece(i: number): number {
    const starts = this.textStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Document offset of the character at text index i. */
  at(i: number): number {
    const k = this.piece(i);
    return this.docStarts[k] + (i - this.textStarts[k]);
  }

  /** Document offset for an exclusive end at text index i (stays in the piece before a gap). */
  endAt(i: number): number {
    return i <= 0 ? this.at(0) : this.at(i - 1) + 1;
  }
}

/** How part of a word is written. */
export type ShellWordPartKind =
  | 'literal' // plain characters and `\x` escapes
  | 'single' // '…'
  | 'ansi' // $'…'
  | 'double' // "…"
  | 'variable' // $name, $1, $@, $?
  | 'parameter' // ${…}
  | 'command' // $(…), <(…), >(…)
  | 'arithmetic' // $((…)), $[…]
  | 'backquote' // `…`
  | 'array' // (…) after NAME= or NAME+=
  | 'macro'; // rpm: %{…}, %(…), %[…], %name, %%

export interface ShellWordPart {
  kind: ShellWordPartKind;
  start: number;
  end: number;
}

/** `$name` or `${name…}` anywhere in a word except inside single quotes. */
export interface ShellVariableRef {
  name: string;
  /** The whole reference (`$name`, `${name:-x}`). */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  braced: boolean;
}

export interface ShellWord {
  type: 'word';
  /** The word as written (quotes kept). */
  text: string;
  /** The word with quotes removed and escapes resolved; expansions stay as written. */
  value: string;
  start: number;
  end: number;
  parts: ShellWordPart[];
  variables: ShellVariableRef[];
  /** How the word is quoted: one kind throughout, or a mix. */
  quoting: 'none' | 'single' | 'double' | 'mixed';
  /** `$(…)` or backquotes somewhere in the word. */
  hasCommandSubstitution: boolean;
  /** Set by the command model on redirection targets (`>file`, here-document delimiters). */
  redirect: boolean;
}

export type ShellControlOperator = ';' | '&' | '&&' | '||' | '|' | '|&' | ';;' | ';&' | ';;&' | '(' | ')' | '\n';

export interface ShellOperatorToken {
  type: 'operator';
  op: ShellControlOperator;
  start: number;
  end: number;
}

export interface ShellRedirectToken {
  type: 'redirect';
  /** `>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `<&`, `>|`, `<>`, `&>`, `&>>`. */
  op: string;
  /** The file descriptor written before the operator (`2` in `2>&1`, `{fd}`), if any. */
  fd?: string;
  /** From the descriptor (or the operator) to the end of the operator. */
  start: number;
  end: number;
  /** For `<<` and `<<-`: the here-document. */
  hereDoc?: ShellHereDoc;
}

export type ShellToken = ShellWord | ShellOperatorToken | ShellRedirectToken;

export interface ShellComment {
  /** From the `#` to the end of its line. */
  start: number;
  end: number;
}

export interface ShellHereDoc {
  /** The `<<`/`<<-` operator. */
  operator: ShellRedirectToken;
  /** The delimiter word as written, and its value (`EOF` for `'EOF'`). */
  delimiterWord?: ShellWord;
  delimiter: string;
  /** Quoted delimiter: the body is taken literally (no expansion). */
  quoted: boolean;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  stripTabs: boolean;
  /** The body as the shell receives it (lines up to the terminator, each with its line break). */
  body: string;
  /** Document offsets of the body's first character and just past its last. */
  bodyStart: number;
  bodyEnd: number;
  /** Document offset of the body character at index i of `body`. */
  offsetAt(i: number): number;
  /** The terminator line, or undefined when the text ended first. */
  terminator?: { start: number; end: number };
}

export interface ShellLexProblem {
  kind: 'unclosed-single' | 'unclosed-double' | 'unclosed-backquote' | 'unclosed-command' | 'unclosed-parameter' | 'unclosed-macro' | 'unclosed-array' | 'unclosed-heredoc';
  start: number;
  end: number;
}

export interface ShellLexResult {
  tokens: ShellToken[];
  comments: ShellComment[];
  hereDocs: ShellHereDoc[];
  problems: ShellLexProblem[];
}

export interface ShellLexOptions {
  /** Text indexes → document offsets (default: identity). */
  map?: OffsetMap;
  /** rpm macros are word parts (spec text). */
  rpmMacros?: boolean;
  /**
   * Lex only text[start, end) (default: all of it), as if that were the whole text: a section of a
   * spec is lexed in the document's own string, whose characters read faster than a substring's.
   */
  start?: number;
  end?: number;
}

const NL = 10;
const CR = 13;

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
function isIdentStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Characters that end an unquoted word. */
function isMeta(c: number): boolean {
  return c === 32 || c === 9 || c === NL || c === CR || c === 59 || c === 38 || c === 124 || c === 60 || c === 62 || c === 40 || c === 41;
}

/**
 * ASCII codes that need attention inside an unquoted word (isMeta, `\`, quotes, `` ` ``, `$`, `%`),
 * as a table: the lexer tests every character of every shell section, and with the compiler's
 * inlining off (long lint runs) a chain of compares in a helper is a call per character.
 */
const WORD_SPECIAL = new Uint8Array(128);
for (const c of [32, 9, NL, CR, 59, 38, 124, 60, 62, 40, 41, 92, 39, 34, 96, 36, 37]) WORD_SPECIAL[c] = 1;
/** Characters that start an operator or a redirection at a token start (`;` `|` `&` `(` `)` `<` `>`). */
const OPERATOR_START = new Uint8Array(128);
for (const c of [59, 124, 38, 40, 41, 60, 62]) OPERATOR_START[c] = 1;
/** Characters that end a double-quoted run copied at once (`"`, `\`, `` ` ``, `$`, `%`). */
const DOUBLE_SPECIAL = new Uint8Array(128);
for (const c of [34, 92, 96, 36, 37]) DOUBLE_SPECIAL[c] = 1;

/** Kinds of nested construct the skipper tracks. */
type Mode = 'sq' | 'dq' | 'bt' | 'paren' | 'brace' | 'macro-brace' | 'macro-bracket';

interface Frame {
  mode: Mode;
  /** Where an unclosed-construct problem starts. */
  from: number;
  kind: ShellLexProblem['kind'];
  ref?: ShellVariableRef;
}

const ASSIGNMENT_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=$/;

class Lexer {
  // `declare`d fields set in the constructor, as in OffsetMap (a lexer per shell section).
  declare readonly text: string;
  declare readonly n: number;
  declare i: number;
  declare readonly tokens: ShellToken[];
  declare readonly comments: ShellComment[];
  declare readonly hereDocs: ShellHereDoc[];
  declare readonly problems: ShellLexProblem[];
  private declare pending: ShellHereDoc[];
  /** The next word is a here-document delimiter for this operator. */
  private declare wantDelimiter: ShellHereDoc | undefined;
  private declare readonly map: OffsetMap | undefined;
  /** The map when it has gaps (a binary search per offset); undefined when `shift` says it all. */
  private declare readonly gapped: OffsetMap | undefined;
  /** Document offset of text index 0 for a map without gaps (most texts): offsets are i + shift. */
  private declare readonly shift: number;
  private declare readonly macros: boolean;

  constructor(text: string, options: ShellLexOptions) {
    this.text = text;
    this.n = options.end ?? text.length;
    this.i = options.start ?? 0;
    this.tokens = [];
    this.comments = [];
    this.hereDocs = [];
    this.problems = [];
    this.pending = [];
    this.wantDelimiter = undefined;
    this.map = options.map;
    const shift = options.map ? options.map.shift : 0;
    this.gapped = shift === undefined ? options.map : undefined;
    this.shift = shift ?? 0;
    this.macros = options.rpmMacros === true;
  }

  at(i: number): number {
    return this.gapped ? this.gapped.at(i) : i + this.shift;
  }
  endAt(i: number): number {
    return this.gapped ? this.gapped.endAt(i) : i + this.shift;
  }
  code(i: number): number {
    return i < this.n ? this.text.charCodeAt(i) : -1;
  }
  /** `\` + line break at i: the index after it, or -1. */
  continuationAt(i: number): number {
    if (this.code(i) !== 92) return -1;
    const c = this.code(i + 1);
    if (c === NL) return i + 2;
    if (c === CR) return this.code(i + 2) === NL ? i + 3 : i + 2;
    return -1;
  }
  problem(kind: ShellLexProblem['kind'], start: number, len: number): void {
    this.problems.push({ kind, start: this.at(start), end: this.endAt(Math.min(this.n, start + len)) });
  }

  run(): void {
    const text = this.text;
    while (this.i < this.n) {
      const c = text.charCodeAt(this.i);
      if (c === 32 || c === 9) { this.i++; continue; }
      if (c === CR && this.code(this.i + 1) === NL) { this.i++; continue; }
      if (c === NL || c === CR) {
        this.operator('\n', 1);
        if (this.pending.length > 0) this.readHereDocBodies();
        continue;
      }
      if (c === 92 /* \ */) {
        const cont = this.continuationAt(this.i);
        if (cont >= 0) { this.i = cont; continue; }
      }
      if (c === 35 /* # */) { this.comment(); continue; }
      if (c < 128 && OPERATOR_START[c] === 1) {
        if (this.controlOperator(c)) continue;
        if (this.redirection(this.i, undefined, this.i)) continue;
      }
      this.word();
    }
    // Here-documents whose operator is on the last line: their bodies are missing.
    for (const h of this.pending) {
      h.bodyStart = h.bodyEnd = this.endAt(this.n);
      h.offsetAt = () => h.bodyStart;
      this.problems.push({ kind: 'unclosed-heredoc', start: h.operator.start, end: h.operator.end });
    }
    this.pending = [];
  }

  operator(op: ShellControlOperator, len: number): void {
    this.tokens.push({ type: 'operator', op, start: this.at(this.i), end: this.endAt(this.i + len) });
    this.i += len;
  }

  comment(): void {
    const start = this.i;
    const text = this.text;
    let j = start;
    while (j < this.n) {
      const c = text.charCodeAt(j);
      if (c === NL || c === CR) break;
      j++;
    }
    this.comments.push({ start: this.at(start), end: this.endAt(j) });
    this.i = j;
  }

  controlOperator(c: number): boolean {
    const d = this.code(this.i + 1);
    if (c === 59 /* ; */) {
      if (d === 59) this.operator(this.code(this.i + 2) === 38 ? ';;&' : ';;', this.code(this.i + 2) === 38 ? 3 : 2);
      else if (d === 38) this.operator(';&', 2);
      else this.operator(';', 1);
      return true;
    }
    if (c === 124 /* | */) {
      if (d === 124) this.operator('||', 2);
      else if (d === 38) this.operator('|&', 2);
      else this.operator('|', 1);
      return true;
    }
    if (c === 38 /* & */) {
      if (d === 62) return false; // `&>`: a redirection
      if (d === 38) this.operator('&&', 2);
      else this.operator('&', 1);
      return true;
    }
    if (c === 40 /* ( */) { this.operator('(', 1); return true; }
    if (c === 41 /* ) */) { this.operator(')', 1); return true; }
    return false;
  }

  /**
   * A redirection operator at i (after an optional descriptor that starts at `from`). Pushes the
   * token and returns true; false when there is none.
   */
  redirection(i: number, fd: string | undefined, from: number): boolean {
    const c = this.code(i);
    const d = this.code(i + 1);
    let op: string | undefined;
    if (c === 38 /* & */ && d === 62) op = this.code(i + 2) === 62 ? '&>>' : '&>';
    else if (c === 62 /* > */) {
      if (d === 40) return false; // `>(…)`: process substitution, a word
      op = d === 62 ? '>>' : d === 38 ? '>&' : d === 124 ? '>|' : '>';
    } else if (c === 60 /* < */) {
      if (d === 40) return false; // `<(…)`
      if (d === 60) op = this.code(i + 2) === 60 ? '<<<' : this.code(i + 2) === 45 ? '<<-' : '<<';
      else op = d === 38 ? '<&' : d === 62 ? '<>' : '<';
    }
    if (op === undefined) return false;
    const token: ShellRedirectToken = { type: 'redirect', op, start: this.at(from), end: this.endAt(i + op.length) };
    if (fd !== undefined) token.fd = fd;
    this.tokens.push(token);
    this.i = i + op.length;
    if (op === '<<' || op === '<<-') {
      const h: ShellHereDoc = {
        operator: token, delimiter: '', quoted: false, stripTabs: op === '<<-', body: '', bodyStart: 0, bodyEnd: 0, offsetAt: () => 0,
      };
      token.hereDoc = h;
      this.wantDelimiter = h;
    }
    return true;
  }

  /** One word at this.i (it does not start with a blank, an operator or `#`). */
  word(): void {
    const text = this.text;
    const n = this.n;
    const start = this.i;
    const parts: ShellWordPart[] = [];
    const variables: ShellVariableRef[] = [];
    // The value is the text with quotes and escapes taken out: built only from the first quote or
    // escape on (most words have none, and their value is their text). `copied`: the text before
    // it is in `value`.
    let value = '';
    let copied = start;
    let literalStart = -1;
    let hasSubst = false;
    let j = start;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (isMeta(c)) {
        // `2>file`, `{fd}>file`: a descriptor before a redirection operator
        if ((c === 60 || c === 62) && j > start && literalStart === start && parts.length === 0) {
          const w = text.slice(start, j);
          if (/^\d+$/.test(w) || /^\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(w)) {
            if (this.redirection(j, w, start)) return;
          }
        }
        // `NAME=(a b)`: an array value
        if (c === 40 && parts.length === 0 && ASSIGNMENT_PREFIX.test(text.slice(start, j))) {
          const end = this.skip(j, 'paren', variables);
          literalStart = this.addPart(parts, literalStart, 'array', j, end);
          j = end;
          continue;
        }
        // `<(…)`, `>(…)`: process substitution
        if ((c === 60 || c === 62) && this.code(j + 1) === 40) {
          const end = this.skip(j + 1, 'paren', variables);
          literalStart = this.addPart(parts, literalStart, 'command', j, end);
          hasSubst = true;
          j = end;
          continue;
        }
        break;
      }
      if (c === 92 /* \ */) {
        const cont = this.continuationAt(j);
        value += text.slice(copied, j);
        if (cont >= 0) {
          literalStart = this.addPart(parts, literalStart, undefined, j, j);
          j = cont;
          copied = j;
          continue;
        }
        if (literalStart < 0) literalStart = j;
        if (j + 1 < n) value += text[j + 1];
        j += 2;
        copied = j;
        continue;
      }
      if (c === 39 /* ' */) {
        const close = this.quoteEnd(j + 1);
        const end = close < 0 ? n : close + 1;
        if (close < 0) this.problem('unclosed-single', j, 1);
        value += text.slice(copied, j) + text.slice(j + 1, close < 0 ? n : close);
        copied = end;
        literalStart = this.addPart(parts, literalStart, 'single', j, end);
        j = end;
        continue;
      }
      if (c === 34 /* " */) {
        const r = this.doubleQuoted(j, variables);
        value += text.slice(copied, j) + r.value;
        copied = r.end;
        if (r.subst) hasSubst = true;
        literalStart = this.addPart(parts, literalStart, 'double', j, r.end);
        j = r.end;
        continue;
      }
      if (c === 96 /* ` */) {
        const end = this.skip(j, 'bt', variables);
        literalStart = this.addPart(parts, literalStart, 'backquote', j, end);
        hasSubst = true;
        j = end;
        continue;
      }
      if (c === 36 /* $ */) {
        const r = this.dollar(j, variables);
        if (r) {
          if (r.kind === 'ansi') {
            value += text.slice(copied, j) + text.slice(j + 2, Math.max(j + 2, r.end - 1));
            copied = r.end;
          }
          if (r.kind === 'command') hasSubst = true;
          literalStart = this.addPart(parts, literalStart, r.kind, j, r.end);
          j = r.end;
          continue;
        }
      }
      if (c === 37 /* % */ && this.macros) {
        const end = this.macro(j, variables);
        if (end > j) {
          literalStart = this.addPart(parts, literalStart, 'macro', j, end);
          j = end;
          continue;
        }
      }
      if (literalStart < 0) literalStart = j;
      // a run of plain characters
      let e = j + 1;
      while (e < n) {
        const d = text.charCodeAt(e);
        if (d < 128 && WORD_SPECIAL[d] === 1) break;
        e++;
      }
      j = e;
    }
    this.addPart(parts, literalStart, undefined, j, j);
    if (j === start) {
      // Cannot happen (the caller saw a word character), but never loop forever.
      j = start + 1;
      parts.push({ kind: 'literal', start: this.at(start), end: this.endAt(j) });
    }
    const wordText = text.slice(start, j);
    value = copied === start ? wordText : value + text.slice(copied, j);
    this.i = j;
    let single = false;
    let double = false;
    let bare = false;
    for (const p of parts) {
      if (p.kind === 'single' || p.kind === 'ansi') single = true;
      else if (p.kind === 'double') double = true;
      else bare = true;
    }
    const kinds = (single ? 1 : 0) + (double ? 1 : 0) + (bare ? 1 : 0);
    const word: ShellWord = {
      type: 'word', text: wordText, value, start: this.at(start), end: this.endAt(j), parts, variables,
      quoting: kinds > 1 ? 'mixed' : single ? 'single' : double ? 'double' : 'none', hasCommandSubstitution: hasSubst, redirect: false,
    };
    this.tokens.push(word);
    const h = this.wantDelimiter;
    if (h) {
      this.wantDelimiter = undefined;
      h.delimiterWord = word;
      h.delimiter = value;
      h.quoted = parts.some((p) => p.kind !== 'literal') || word.text.includes('\\');
      word.redirect = true;
      this.pending.push(h);
    }
  }

  /**
   * Ends the literal run that started at `literalStart` (if any) at `s`, then adds the part
   * [s, e) of `kind` (none when undefined). Returns the new literal start: -1.
   */
  private addPart(parts: ShellWordPart[], literalStart: number, kind: ShellWordPartKind | undefined, s: number, e: number): number {
    if (literalStart >= 0 && s > literalStart) parts.push({ kind: 'literal', start: this.at(literalStart), end: this.endAt(s) });
    if (kind !== undefined) parts.push({ kind, start: this.at(s), end: this.endAt(e) });
    return -1;
  }

  /** `"…"` at i: its unquoted value (escapes resolved, expansions as written) and end. */
  doubleQuoted(i: number, variables: ShellVariableRef[]): { value: string; end: number; subst: boolean } {
    let j = i + 1;
    let out = '';
    let subst = false;
    while (j < this.n) {
      const c = this.code(j);
      if (c === 34) return { value: out, end: j + 1, subst };
      if (c === 92) {
        const cont = this.continuationAt(j);
        if (cont >= 0) { j = cont; continue; }
        const d = this.code(j + 1);
        if (d === 36 || d === 96 || d === 34 || d === 92) { out += this.text[j + 1]; j += 2; continue; }
        out += '\\';
        j++;
        continue;
      }
      if (c === 96) {
        const end = this.skip(j, 'bt', variables);
        out += this.text.slice(j, end);
        subst = true;
        j = end;
        continue;
      }
      if (c === 36) {
        const r = this.dollar(j, variables);
        if (r && r.kind !== 'ansi') {
          out += this.text.slice(j, r.end);
          if (r.kind === 'command') subst = true;
          j = r.end;
          continue;
        }
      }
      if (c === 37 && this.macros) {
        const end = this.macro(j, variables);
        if (end > j) { out += this.text.slice(j, end); j = end; continue; }
      }
      // this character and the run after it that needs no attention, copied at once
      let e = j + 1;
      while (e < this.n) {
        const d = this.text.charCodeAt(e);
        if (d < 128 && DOUBLE_SPECIAL[d] === 1) break;
        e++;
      }
      out += this.text.slice(j, e);
      j = e;
    }
    this.problem('unclosed-double', i, 1);
    return { value: out, end: this.n, subst };
  }

  /** An expansion at `$` (i): its kind and end, or undefined for a literal `$`. */
  dollar(i: number, variables: ShellVariableRef[]): { kind: ShellWordPartKind; end: number } | undefined {
    const d = this.code(i + 1);
    if (d === 40 /* ( */) {
      const arith = this.code(i + 2) === 40;
      return { kind: arith ? 'arithmetic' : 'command', end: this.skip(i + 1, 'paren', variables) };
    }
    if (d === 123 /* { */) return { kind: 'parameter', end: this.skip(i, 'brace', variables) };
    if (d === 91 /* [ */) return { kind: 'arithmetic', end: this.macroBracket(i + 1, 91, 93) };
    if (d === 39 /* ' */) {
      // $'…': backslash escapes inside
      let j = i + 2;
      while (j < this.n && this.code(j) !== 39) j += this.code(j) === 92 ? 2 : 1;
      if (j >= this.n) { this.problem('unclosed-single', i, 2); return { kind: 'ansi', end: this.n }; }
      return { kind: 'ansi', end: j + 1 };
    }
    if (isIdentStart(d)) {
      const j = this.identEnd(i + 2);
      variables.push({ name: this.text.slice(i + 1, j), start: this.at(i), end: this.endAt(j), nameStart: this.at(i + 1), nameEnd: this.endAt(j), braced: false });
      return { kind: 'variable', end: j };
    }
    if (isDigit(d) || d === 64 || d === 42 || d === 35 || d === 63 || d === 45 || d === 36 || d === 33) return { kind: 'variable', end: i + 2 };
    return undefined;
  }

  /** Index of the `'` closing a single-quoted string whose text starts at i, or -1. */
  quoteEnd(i: number): number {
    const close = this.text.indexOf("'", i);
    return close < this.n ? close : -1;
  }

  /** The end of the name characters (letters, digits, `_`) from i. */
  identEnd(i: number): number {
    const text = this.text;
    let j = i;
    for (; j < this.n; j++) {
      const c = text.charCodeAt(j);
      if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) break;
    }
    return j;
  }

  /**
   * `%{…}` or `%[…]` (also `$[…]`) whose bracket is at i: rpm macro text, where only its own
   * brackets and `\` escapes count (skip()'s macro-brace and macro-bracket modes, without its
   * stack: a third of the shell text of a spec is in macros). The index after the closer, or the
   * text end with a problem recorded.
   */
  macroBracket(i: number, open: number, close: number): number {
    const text = this.text;
    let depth = 0;
    for (let j = i; j < this.n; j++) {
      const c = text.charCodeAt(j);
      if (c === 92) j++;
      else if (c === open) depth++;
      else if (c === close && --depth === 0) return j + 1;
    }
    this.problem('unclosed-macro', i - 1, 2);
    return this.n;
  }

  /** An rpm macro at `%` (i): its end, or i when it is not one (a lone `%`, `%s` in printf is still a macro to rpm). */
  macro(i: number, variables: ShellVariableRef[]): number {
    const d = this.code(i + 1);
    if (d === 37) return i + 2; // %%
    if (d === 123) return this.macroBracket(i + 1, 123, 125);
    if (d === 40) return this.skip(i + 1, 'paren', variables);
    if (d === 91) return this.macroBracket(i + 1, 91, 93);
    let j = i + 1;
    let c = d;
    // %?name, %!?name
    while (c === 63 || c === 33) c = this.code(++j);
    if (isIdentStart(c)) return this.identEnd(j + 1);
    // %1, %#, %*, %**
    if (isDigit(c) || c === 35) return j + 1;
    if (c === 42) return this.code(j + 1) === 42 ? j + 2 : j + 1;
    return i;
  }

  /**
   * Skips a nested construct whose opener is at i: `` ` ``, `(` (of `$(`, `%(`, `<(` or an array),
   * `${` (quotes: quoteEnd, doubleQuoted; `%{`, `%[`, `$[`: macroBracket). Variables met outside
   * single quotes go to `variables`. Iterative and linear. Returns the index after the closer (or the text end, with
   * a problem recorded).
   */
  skip(i: number, first: 'bt' | 'paren' | 'brace', variables: ShellVariableRef[]): number {
    const stack: Frame[] = [];
    let j: number;
    const open = (mode: Mode, at: number, from: number, kind: ShellLexProblem['kind']): number => {
      stack.push({ mode, from, kind });
      return at + 1;
    };
    const openBrace = (at: number): number => {
      // `${` at `at`: note the variable name
      let m = at + 2;
      if (this.code(m) === 35 || this.code(m) === 33) m++;
      const frame: Frame = { mode: 'brace', from: at, kind: 'unclosed-parameter' };
      if (isIdentStart(this.code(m))) {
        const e = this.identEnd(m + 1);
        const ref: ShellVariableRef = { name: this.text.slice(m, e), start: this.at(at), end: this.endAt(e), nameStart: this.at(m), nameEnd: this.endAt(e), braced: true };
        variables.push(ref);
        frame.ref = ref;
      }
      stack.push(frame);
      return at + 2;
    };
    const before = this.code(i - 1);
    if (first === 'brace') j = openBrace(i);
    else if (first === 'paren') {
      const kind = before === 36 || before === 60 || before === 62 ? 'unclosed-command' : before === 37 ? 'unclosed-macro' : 'unclosed-array';
      j = open('paren', i, kind === 'unclosed-array' ? i : i - 1, kind);
    } else j = open('bt', i, i, 'unclosed-backquote');
    while (stack.length > 0) {
      if (j >= this.n) {
        const s = stack[0];
        this.problem(s.kind, s.from, s.kind === 'unclosed-parameter' || s.from < i ? 2 : 1);
        return this.n;
      }
      const top = stack[stack.length - 1];
      const c = this.code(j);
      if (top.mode === 'sq') {
        if (c === 39) stack.pop();
        j++;
        continue;
      }
      if (c === 92) { j += 2; continue; }
      if (top.mode === 'macro-brace' || top.mode === 'macro-bracket') {
        // rpm macro text: only its own brackets count
        const o = top.mode === 'macro-brace' ? 123 : 91;
        const cl = top.mode === 'macro-brace' ? 125 : 93;
        if (c === o) { j = open(top.mode, j, j, 'unclosed-macro'); continue; }
        if (c === cl) { stack.pop(); j++; continue; }
        j++;
        continue;
      }
      if (top.mode === 'bt') {
        if (c === 96) stack.pop();
        j++;
        continue;
      }
      if (c === 36 /* $ */) {
        const d = this.code(j + 1);
        if (d === 40) { j = open('paren', j + 1, j, 'unclosed-command'); continue; }
        if (d === 123) { j = openBrace(j); continue; }
        if (isIdentStart(d)) {
          const e = this.identEnd(j + 2);
          variables.push({ name: this.text.slice(j + 1, e), start: this.at(j), end: this.endAt(e), nameStart: this.at(j + 1), nameEnd: this.endAt(e), braced: false });
          j = e;
          continue;
        }
        j++;
        continue;
      }
      if (this.macros && c === 37 /* % */) {
        const d = this.code(j + 1);
        if (d === 37) { j += 2; continue; }
        if (d === 123) { j = open('macro-brace', j + 1, j, 'unclosed-macro'); continue; }
        if (d === 40) { j = open('paren', j + 1, j, 'unclosed-macro'); continue; }
        if (d === 91) { j = open('macro-bracket', j + 1, j, 'unclosed-macro'); continue; }
      }
      if (c === 96) { j = open('bt', j, j, 'unclosed-backquote'); continue; }
      if (top.mode === 'dq') {
        if (c === 34) stack.pop();
        j++;
        continue;
      }
      // paren and brace
      if (c === 39) { j = open('sq', j, j, 'unclosed-single'); continue; }
      if (c === 34) { j = open('dq', j, j, 'unclosed-double'); continue; }
      if (top.mode === 'paren') {
        if (c === 40) { j = open('paren', j, j, 'unclosed-command'); continue; }
        if (c === 41) { stack.pop(); j++; continue; }
        if (c === 35 && j > 0 && (isBlank(this.code(j - 1)) || this.code(j - 1) === NL || this.code(j - 1) === CR)) {
          // a comment inside $( … ): to the end of the line
          while (j < this.n && this.code(j) !== NL && this.code(j) !== CR) j++;
          continue;
        }
        j++;
        continue;
      }
      // brace (`${…}`)
      if (c === 125) {
        const f = stack.pop()!;
        if (f.ref) f.ref.end = this.endAt(j + 1);
        j++;
        continue;
      }
      j++;
    }
    return j;
  }

  /** At the start of the line after here-document operators: reads their bodies. */
  readHereDocBodies(): void {
    const docs = this.pending;
    this.pending = [];
    for (const h of docs) {
      const bodyStart = this.i;
      let lineStart = this.i;
      let found = false;
      while (lineStart < this.n) {
        let lineEnd = lineStart;
        while (lineEnd < this.n) {
          const c = this.text.charCodeAt(lineEnd);
          if (c === NL || c === CR) break;
          lineEnd++;
        }
        let next = lineEnd;
        if (this.code(next) === CR) next++;
        if (this.code(next) === NL && (next === lineEnd || this.code(next - 1) === CR)) next++;
        let contentStart = lineStart;
        if (h.stripTabs) while (this.code(contentStart) === 9) contentStart++;
        if (lineEnd - contentStart === h.delimiter.length && this.text.startsWith(h.delimiter, contentStart)) {
          this.setBody(h, bodyStart, lineStart);
          h.terminator = { start: this.at(lineStart), end: this.endAt(lineEnd) };
          this.i = next;
          found = true;
          break;
        }
        if (next === lineStart) break;
        lineStart = next;
      }
      if (!found) {
        this.setBody(h, bodyStart, this.n);
        this.problems.push({ kind: 'unclosed-heredoc', start: h.operator.start, end: h.operator.end });
        this.i = this.n;
      }
      this.hereDocs.push(h);
    }
  }

  setBody(h: ShellHereDoc, start: number, end: number): void {
    h.body = this.text.slice(start, end);
    h.bodyStart = this.at(start);
    h.bodyEnd = end > start ? this.endAt(end) : h.bodyStart;
    const map = this.map;
    h.offsetAt = map ? (k: number) => map.at(start + k) : (k: number) => start + k;
  }
}

/**
 * Reads single words and nested constructs at given offsets, for a parser that walks the text
 * itself (the dkms.conf parser): the same scanning as lexShell, one piece at a time. Problems
 * (unclosed quotes and expansions) found by each call are returned with it.
 */
export class ShellScanner {
  private readonly lexer: Lexer;

  constructor(text: string, options: ShellLexOptions = {}) {
    this.lexer = new Lexer(text, options);
  }

  private take(): ShellLexProblem[] {
    const problems = this.lexer.problems.splice(0);
    return problems;
  }

  /** The word starting at i (empty when a blank, an operator or the end is there). */
  wordAt(i: number): { word: ShellWord; problems: ShellLexProblem[] } {
    const lx = this.lexer;
    if (i >= lx.n || isMeta(lx.code(i))) {
      const at = lx.at(i);
      return { word: { type: 'word', text: '', value: '', start: at, end: at, parts: [], variables: [], quoting: 'none', hasCommandSubstitution: false, redirect: false }, problems: [] };
    }
    lx.i = i;
    lx.word();
    const word = lx.tokens.pop() as ShellWord;
    return { word, problems: this.take() };
  }

  /**
   * Skips the quote or expansion at i (`'…'`, `"…"`, `` `…` ``, `(…)`, `$(…)`, `${…}`): the
   * index after it, the variables met inside (outside single quotes) and the problems.
   */
  constructAt(i: number): { end: number; variables: ShellVariableRef[]; problems: ShellLexProblem[] } {
    const lx = this.lexer;
    const variables: ShellVariableRef[] = [];
    const c = lx.code(i);
    let end: number;
    if (c === 39) {
      const close = lx.quoteEnd(i + 1);
      if (close < 0) lx.problem('unclosed-single', i, 1);
      end = close < 0 ? lx.n : close + 1;
    } else if (c === 34) end = lx.doubleQuoted(i, variables).end;
    else if (c === 96) end = lx.skip(i, 'bt', variables);
    else if (c === 40) end = lx.skip(i, 'paren', variables);
    else end = lx.dollar(i, variables)?.end ?? i + 1;
    return { end, variables, problems: this.take() };
  }
}

/** Lexes shell text. Never throws; runs in time linear in the text. */
export function lexShell(text: string, options: ShellLexOptions = {}): ShellLexResult {
  const lexer = new Lexer(text, options);
  lexer.run();
  return { tokens: lexer.tokens, comments: lexer.comments, hereDocs: lexer.hereDocs, problems: lexer.problems };
}
