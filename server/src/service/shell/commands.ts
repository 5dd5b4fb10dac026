// The command model over the lexer's tokens: simple commands with their command name, the
// reserved words before it, their redirections, the control operators around them and the
// pipeline they belong to. Compound commands are not built into a tree: their reserved words are
// `leading` words of the commands they introduce, which is what rules need ("is this command
// guarded by `if`", "what runs after `||`"). Linear, no recursion.
import type { ShellComment, ShellControlOperator, ShellHereDoc, ShellLexProblem, ShellToken, ShellWord } from './lexer';

/** The operator before or after a command; '' at the start or end of the text. Newlines count as ';'. */
export type ShellOperator = Exclude<ShellControlOperator, '\n'> | '';

export interface ShellRedirect {
  op: string;
  fd?: string;
  /** The operator (with its descriptor). */
  start: number;
  end: number;
  /** The word after the operator (the file, the descriptor, the here-document delimiter). */
  target?: ShellWord;
  hereDoc?: ShellHereDoc;
}

export interface ShellCommand {
  /** Every word, in order: reserved words, assignments, the name, arguments and redirection targets (`redirect` set). */
  words: ShellWord[];
  /**
   * Index in `words` of the program that runs: after reserved words, case patterns, `VAR=value`
   * assignments and wrappers (`env`, `sudo`, `nice`, `exec`, `command`, `eval`, `export`); -1
   * when there is none (bare assignments, `for x in …` headers, reserved words alone).
   */
  nameIndex: number;
  /** Reserved words and case patterns before the name (`if`, `then`, `!`, `do`, `a|b)`). */
  leading: string[];
  redirects: ShellRedirect[];
  /** Control operator before and after this command. */
  before: ShellOperator;
  after: ShellOperator;
  /** Commands joined by `|` share a pipeline number (in order of appearance). */
  pipeline: number;
  /** `name() {` or `function name`: the name of the function this line defines. */
  functionName?: string;
  start: number;
  end: number;
}

export interface ShellParse {
  commands: ShellCommand[];
  comments: ShellComment[];
  hereDocs: ShellHereDoc[];
  problems: ShellLexProblem[];
}

const RESERVED_LEADING = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'fi', 'done', 'esac', '}']);
/** Reserved words whose rest of the command is a header, not a command (`for x in a b`). */
const HEADER_WORDS = new Set(['for', 'select', 'case']);
const WRAPPERS = new Set(['env', 'sudo', 'nice', 'exec', 'command', 'eval', 'export']);
// The words of these sets are short: a length test first spares hashing every long command word.
const MAX_RESERVED_LENGTH = Math.max(...[...RESERVED_LEADING, ...HEADER_WORDS].map((w) => w.length));
const MAX_WRAPPER_LENGTH = Math.max(...[...WRAPPERS].map((w) => w.length));
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/** True for `NAME=…`, `NAME+=…`, `NAME[i]=…` as written. */
export function isAssignmentWord(word: ShellWord): boolean {
  return word.parts.length > 0 && word.parts[0].kind === 'literal' && ASSIGNMENT.test(word.text);
}

/** Builds commands from tokens. `case` patterns are recognised with a stack of open `case`s. */
export function buildCommands(tokens: readonly ShellToken[]): ShellCommand[] {
  const out: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let redirects: ShellRedirect[] = [];
  let before: ShellOperator = '';
  let pipeline = 0;
  let pendingRedirect: ShellRedirect | undefined;
  /** Open `case` blocks: true while the next command position holds a pattern. */
  const cases: boolean[] = [];
  let patternText = '';

  const flush = (after: ShellOperator, at: number) => {
    if (words.length > 0 || redirects.length > 0) {
      const cmd = finish(words, redirects, before, after, pipeline, at);
      if (patternText) cmd.leading.unshift(patternText);
      // `case x in`: from here on, each command position starts with a pattern
      if (cmd.leading.includes('case')) cases.push(true);
      if (cmd.leading.includes('esac')) cases.pop();
      out.push(cmd);
    }
    patternText = '';
    words = [];
    redirects = [];
    pendingRedirect = undefined;
    if (after !== '|' && after !== '|&') pipeline++;
    before = after;
  };

  /** A case pattern (words up to `)`) at a command position inside `case … in`: consumes it. */
  const startsPattern = (at: number): boolean => {
    const t = tokens[at];
    if (cases.length === 0 || !cases[cases.length - 1] || words.length > 0 || (t.type === 'word' && t.text === 'esac')) return false;
    const close = patternEnd(tokens, at);
    if (close < 0) return false;
    patternText = tokens.slice(at, close + 1).map((x) => (x.type === 'word' ? x.text : x.type === 'operator' ? x.op : '')).join('');
    k = close;
    cases[cases.length - 1] = false;
    return true;
  };

  let k = 0;
  for (; k < tokens.length; k++) {
    const t = tokens[k];
    if (t.type === 'word') {
      if (pendingRedirect) {
        t.redirect = true;
        pendingRedirect.target = t;
        pendingRedirect = undefined;
        words.push(t);
        continue;
      }
      if (startsPattern(k)) continue;
      words.push(t);
      continue;
    }
    if (t.type === 'redirect') {
      const r: ShellRedirect = { op: t.op, start: t.start, end: t.end };
      if (t.fd !== undefined) r.fd = t.fd;
      if (t.hereDoc) r.hereDoc = t.hereDoc;
      redirects.push(r);
      pendingRedirect = r;
      continue;
    }
    // operators
    if (t.op === '(' && startsPattern(k)) continue;
    if (t.op === '(' && words.length === 1 && tokens[k + 1]?.type === 'operator' && (tokens[k + 1] as { op: string }).op === ')') {
      // `name() …`: a function definition
      const name = words[0].text;
      k++;
      const cmd = finish(words, redirects, before, ';', pipeline, t.start);
      cmd.nameIndex = -1;
      cmd.functionName = name;
      out.push(cmd);
      words = [];
      redirects = [];
      pipeline++;
      before = ';';
      continue;
    }
    // A line break ends a command; after `&&`, `||`, `|` or an empty line it is just a blank.
    if (t.op === '\n' && words.length === 0 && redirects.length === 0) continue;
    const op: ShellOperator = t.op === '\n' ? ';' : t.op;
    flush(op, t.start);
    if (t.op === ';;' || t.op === ';&' || t.op === ';;&') {
      if (cases.length > 0) cases[cases.length - 1] = true;
    }
  }
  flush('', tokens.length > 0 ? tokens[tokens.length - 1].end : 0);
  return out;
}

/** From the word at k inside `case … in`: the index of the `)` ending a pattern, or -1. */
function patternEnd(tokens: readonly ShellToken[], k: number): number {
  for (let m = k; m < tokens.length && m < k + 64; m++) {
    const t = tokens[m];
    if (t.type === 'word') continue;
    if (t.type === 'operator' && t.op === '|') continue;
    if (t.type === 'operator' && t.op === '(' && m === k) continue;
    if (t.type === 'operator' && t.op === ')') return m > k ? m : -1;
    return -1;
  }
  return -1;
}

function finish(words: ShellWord[], redirects: ShellRedirect[], before: ShellOperator, after: ShellOperator, pipeline: number, at: number): ShellCommand {
  const leading: string[] = [];
  let nameIndex = -1;
  let header = false;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.redirect) continue;
    const reservedLength = w.quoting === 'none' && w.text.length <= MAX_RESERVED_LENGTH;
    if (reservedLength && RESERVED_LEADING.has(w.text) && nameIndex < 0) {
      leading.push(w.text);
      continue;
    }
    if (reservedLength && HEADER_WORDS.has(w.text)) {
      leading.push(w.text);
      header = true;
      break;
    }
    if (w.text === 'function' && k + 1 < words.length) {
      leading.push('function');
      break;
    }
    if (isAssignmentWord(w)) continue;
    if (w.value.length <= MAX_WRAPPER_LENGTH && WRAPPERS.has(w.value)) continue;
    nameIndex = k;
    break;
  }
  if (header) nameIndex = -1;
  const first = words[0]?.start;
  const last = words[words.length - 1]?.end;
  const rStart = redirects[0]?.start;
  const rEnd = redirects[redirects.length - 1]?.end;
  const start = Math.min(first ?? Infinity, rStart ?? Infinity);
  const end = Math.max(last ?? -Infinity, rEnd ?? -Infinity);
  const cmd: ShellCommand = {
    words, nameIndex, leading, redirects, before, after, pipeline,
    start: Number.isFinite(start) ? start : at, end: Number.isFinite(end) ? end : at,
  };
  if (leading[0] === 'function' && words.length > 1) {
    cmd.functionName = words[1].value;
    cmd.nameIndex = -1;
  }
  return cmd;
}

/** The command name word, if any. */
export function commandName(cmd: ShellCommand): ShellWord | undefined {
  return cmd.nameIndex >= 0 ? cmd.words[cmd.nameIndex] : undefined;
}

/** Words after the command name, without redirection targets. */
export function commandArgs(cmd: ShellCommand): ShellWord[] {
  if (cmd.nameIndex < 0) return [];
  return cmd.words.slice(cmd.nameIndex + 1).filter((w) => !w.redirect);
}
