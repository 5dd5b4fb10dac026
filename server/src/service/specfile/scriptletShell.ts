// Operator-aware shell tokenising for scriptlets (see shellCommands.ts for build sections): splits a (logical) line into
// simple commands at `;`, `&&`, `||`, `|`, `&`, and each command into words, keeping quotes,
// `$(…)`, `${…}`, backticks and rpm `%{…}`/`%(…)` together. Offsets are indexes into the text
// given, so a caller maps them back with LogicalLine.offsetAt. It is a tokenizer, not a parser:
// compound commands show up as their reserved words (`if`, `then`, `fi`, `do`, `done`…).
import type { SpecDocument } from './ast';
import { logicalLines, type LogicalLine } from './query';
import type { Section } from './ast';
import { cachedPerParse } from '../perParse';

export interface ShellWord {
  /** Raw text as written (quotes kept). */
  text: string;
  start: number;
  end: number;
  /** A redirection (`>/dev/null`, `2>&1`, `<file`, or the target after a bare `>`). */
  redirect: boolean;
}

export type ShellOperator = ';' | '&&' | '||' | '|' | '&' | ';;' | '';

export interface ShellCommand {
  /** Every word, reserved words and redirections included. */
  words: ShellWord[];
  /** Index in `words` of the command name (after reserved words, `!` and VAR=value assignments); -1 when none. */
  commandIndex: number;
  /** Reserved words before the command name (`if`, `then`, `!`, `do`…). */
  leading: string[];
  /** Operator before this command ('' at the start of the line). */
  before: ShellOperator;
  /** Operator after this command ('' at the end of the line). */
  after: ShellOperator;
  start: number;
  end: number;
}

const RESERVED_LEADING = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'fi', 'done', 'esac', '}']);

/** Splits one logical shell line into simple commands. A `#` starting a word ends the line. */
export function splitShell(text: string): ShellCommand[] {
  const commands: ShellCommand[] = [];
  let words: ShellWord[] = [];
  let before: ShellOperator = '';
  let i = 0;
  const n = text.length;
  const flush = (after: ShellOperator, at: number) => {
    if (words.length > 0 || after !== '') commands.push(finish(words, before, after, at));
    words = [];
    before = after;
  };
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '\\' && text[i + 1] === '\n') { i += 2; continue; }
    if (c === '\n') { flush(';', i); i++; continue; }
    if (c === '#') break;
    if (c === ';') {
      if (text[i + 1] === ';') { flush(';;', i); i += 2; } else { flush(';', i); i++; }
      continue;
    }
    if (c === '|') {
      if (text[i + 1] === '|') { flush('||', i); i += 2; } else { flush('|', i); i++; }
      continue;
    }
    if (c === '&' && text[i + 1] !== '>') {
      if (text[i + 1] === '&') { flush('&&', i); i += 2; } else { flush('&', i); i++; }
      continue;
    }
    // a word
    const start = i;
    i = scanWord(text, i);
    if (i === start) i++;
    words.push({ text: text.slice(start, i), start, end: i, redirect: false });
  }
  flush('', n);
  // drop a trailing empty command produced by a final operator
  return commands.filter((c) => c.words.length > 0);
}

function finish(words: ShellWord[], before: ShellOperator, after: ShellOperator, at: number): ShellCommand {
  // redirections
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (/^(\d*|&)(>>?|<<?<?|>&|<&|>\|)/.test(w.text) && !/^\d+$/.test(w.text)) {
      w.redirect = true;
      if (/^(\d*|&)(>>?|<<?<?|>&|<&|>\|)$/.test(w.text) && k + 1 < words.length) words[k + 1].redirect = true;
    }
  }
  const leading: string[] = [];
  let commandIndex = -1;
  for (let k = 0; k < words.length; k++) {
    const t = words[k].text;
    if (words[k].redirect) continue;
    if (RESERVED_LEADING.has(t)) { leading.push(t); continue; }
    // case patterns `0)`, `remove|purge)`
    if (/^[^()=]*\)$/.test(t) && !t.startsWith('$')) { leading.push(t); continue; }
    if (/^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(t)) continue; // VAR=value
    commandIndex = k;
    break;
  }
  const start = words.length > 0 ? words[0].start : at;
  const end = words.length > 0 ? words[words.length - 1].end : at;
  return { words, commandIndex, leading, before, after, start, end };
}

/** Index just after the word starting at i. */
function scanWord(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '|') return i;
    if (c === '&') {
      // part of a redirection (`2>&1`, `&>`), otherwise an operator
      if (text[i - 1] === '>' || text[i - 1] === '<' || text[i + 1] === '>') { i++; continue; }
      return i;
    }
    if (c === '\\') { i += 2; continue; }
    if (c === "'") { const e = text.indexOf("'", i + 1); i = e < 0 ? n : e + 1; continue; }
    if (c === '"') { i = skipDouble(text, i + 1); continue; }
    if (c === '`') { const e = text.indexOf('`', i + 1); i = e < 0 ? n : e + 1; continue; }
    if ((c === '$' || c === '%') && (text[i + 1] === '(' || text[i + 1] === '{' || text[i + 1] === '[')) {
      i = skipBalanced(text, i + 1);
      continue;
    }
    i++;
  }
  return i;
}

function skipDouble(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === '"') return i + 1;
    if ((c === '$' || c === '%') && (text[i + 1] === '(' || text[i + 1] === '{')) { i = skipBalanced(text, i + 1); continue; }
    if (c === '`') { const e = text.indexOf('`', i + 1); i = e < 0 ? n : e + 1; continue; }
    i++;
  }
  return n;
}

/** text[i] is an opening bracket; returns the index after its match (or the end). */
function skipBalanced(text: string, i: number): number {
  const open = text[i];
  const close = open === '(' ? ')' : open === '{' ? '}' : ']';
  let depth = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '\\') { i += 2; continue; }
    if (c === open) depth++;
    else if (c === close) { depth--; if (depth === 0) return i + 1; }
    else if (c === "'" && open === '(') { const e = text.indexOf("'", i + 1); i = e < 0 ? n : e + 1; continue; }
    else if (c === '"') { i = skipDouble(text, i + 1); continue; }
    i++;
  }
  return n;
}

/** The command name of a simple command, if any. */
export function commandName(cmd: ShellCommand): ShellWord | undefined {
  return cmd.commandIndex >= 0 ? cmd.words[cmd.commandIndex] : undefined;
}

/** Words after the command name, without redirections. */
export function commandArgs(cmd: ShellCommand): ShellWord[] {
  if (cmd.commandIndex < 0) return [];
  return cmd.words.slice(cmd.commandIndex + 1).filter((w) => !w.redirect);
}

/** Removes one level of quotes (no expansion). */
export function unquote(word: string): string {
  let out = '';
  let i = 0;
  while (i < word.length) {
    const c = word[i];
    if (c === "'") { const e = word.indexOf("'", i + 1); out += word.slice(i + 1, e < 0 ? word.length : e); i = e < 0 ? word.length : e + 1; continue; }
    if (c === '"') { i++; continue; }
    if (c === '\\' && i + 1 < word.length) { out += word[i + 1]; i += 2; continue; }
    out += c;
    i++;
  }
  return out;
}

/** A shell command with document offsets, in the order it appears in a section. */
export interface SectionCommand {
  command: ShellCommand;
  line: LogicalLine;
  /** Position of this command among the section's commands. */
  index: number;
  /** Document offset of a word's start/end. */
  startOf(word: ShellWord): number;
  endOf(word: ShellWord): number;
}

/**
 * Lines of a section's body that belong to a here-document (`<<EOF … EOF`), by physical line.
 * Such lines are data, not commands.
 */
export function hereDocLines(doc: SpecDocument, section: Section): Set<number> {
  const out = new Set<number>();
  const first = section.kind === 'preamble' ? 0 : section.headerLine + 1;
  let terminator: string | undefined;
  let stripTabs = false;
  for (let l = first; l <= section.endLine; l++) {
    const t = doc.text.slice(doc.lines.lineStarts[l], doc.lines.lineEnd(l));
    if (terminator !== undefined) {
      out.add(l);
      if ((stripTabs ? t.replace(/^\t+/, '') : t).trim() === terminator) terminator = undefined;
      continue;
    }
    if (doc.lineKinds[l] === 'comment') continue;
    const m = /<<(-?)\s*(['"]?)\\?([A-Za-z_][\w]*)\2/.exec(t);
    if (m && !/<<<$/.test(t.slice(0, m.index + 3))) {
      terminator = m[3];
      stripTabs = m[1] === '-';
    }
  }
  return out;
}

/** Every simple command in a section body, with here-document lines left out. */
export function sectionCommands(doc: SpecDocument, section: Section): SectionCommand[] {
  return commandsOf(section, doc);
}

// Shared by several rules: split each section once per parse (do not mutate the result).
const commandsOf = cachedPerParse((section: Section, doc: SpecDocument): SectionCommand[] => {
  const out: SectionCommand[] = [];
  const heredoc = hereDocLines(doc, section);
  for (const line of logicalLines(doc, section)) {
    if (heredoc.has(line.line)) continue;
    for (const command of splitShell(line.text)) {
      out.push({
        command, line, index: out.length,
        startOf: (w) => line.offsetAt(w.start),
        endOf: (w) => line.offsetAt(w.end - 1) + 1,
      });
    }
  }
  return out;
});

/** Shell sections: scriptlets and triggers run by /bin/sh (not `-p <lua>` or another interpreter). */
export function isShellScriptlet(section: Section): boolean {
  if (section.kind !== 'scriptlet' && section.kind !== 'trigger' && section.kind !== 'filetrigger') return false;
  const interp = section.interpreter;
  return interp === undefined || /^(\/usr)?\/bin\/(ba|da)?sh$/.test(interp);
}

/**
 * Lines of a shell section's body that end inside a quoted string (`'…` or `"…` continued on
 * the next line): their trailing whitespace is part of the string. `%{…}` and `%(…)` are skipped
 * as units; a `#` starting a word comments out the rest of the line.
 */
export function openQuoteLines(doc: SpecDocument, section: Section): Set<number> {
  const out = new Set<number>();
  const first = section.kind === 'preamble' ? 0 : section.headerLine + 1;
  const heredoc = hereDocLines(doc, section);
  let quote: '' | "'" | '"' = '';
  for (let l = first; l <= section.endLine; l++) {
    if (heredoc.has(l)) continue;
    const t = doc.text.slice(doc.lines.lineStarts[l], doc.lines.lineEnd(l));
    let i = 0;
    const n = t.length;
    while (i < n) {
      const c = t[i];
      if (quote === "'") {
        if (c === "'") quote = '';
        i++;
        continue;
      }
      if (c === '\\') { i += 2; continue; }
      if ((c === '%' || c === '$') && (t[i + 1] === '{' || t[i + 1] === '(')) { i = skipBalanced(t, i + 1); continue; }
      if (c === '%' && t[i + 1] === '%') { i += 2; continue; }
      if (c === '`') { const e = t.indexOf('`', i + 1); i = e < 0 ? n : e + 1; continue; }
      if (quote === '"') {
        if (c === '"') quote = '';
        i++;
        continue;
      }
      if (c === "'" || c === '"') { quote = c; i++; continue; }
      if (c === '#' && (i === 0 || t[i - 1] === ' ' || t[i - 1] === '\t' || t[i - 1] === ';')) break;
      i++;
    }
    if (quote !== '') out.add(l);
  }
  return out;
}
