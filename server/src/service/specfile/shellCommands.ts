// A light view of the shell in build sections: logical lines split into simple commands and
// words, with document offsets. It is not a shell parser: it knows quotes, `\` escapes,
// `$(…)`/`${…}`/backticks and rpm's `%{…}`/`%(…)`/`%[…]` so that words keep them whole, and it
// splits commands at `;`, `&&`, `||`, `|`, `&`, `(`/`)` and newlines. Rules use it to find
// invocations (`make install`, `cmake …`, `./configure`) without being fooled by comments or quotes.
import type { Section, SectionKind, SpecDocument } from './ast';
import { logicalLines, type LogicalLine } from './query';
import { cachedPerParse } from '../perParse';

export interface ShellWord {
  /** The word as written (quotes kept). */
  raw: string;
  /** The word with quotes and backslash escapes removed. */
  value: string;
  start: number;
  end: number;
}

export interface ShellCommand {
  words: ShellWord[];
  /** Index of the command name in words (after `VAR=value` assignments and `env`/`sudo`-like prefixes). */
  nameIndex: number;
  section: Section;
  line: LogicalLine;
}

/** Sections whose body is shell run at build time. */
export const BUILD_SHELL_KINDS: readonly SectionKind[] = ['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean'];

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;

function isBlank(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

function isOperator(ch: string): boolean {
  return ch === ';' || ch === '|' || ch === '&' || ch === '(' || ch === ')';
}

/** Splits one logical line into commands (lists of words). */
export function splitCommands(line: LogicalLine): ShellWord[][] {
  const text = line.text;
  const n = text.length;
  const commands: ShellWord[][] = [];
  let words: ShellWord[] = [];
  let i = 0;
  const endCommand = () => {
    if (words.length > 0) commands.push(words);
    words = [];
  };
  while (i < n) {
    const c = text[i];
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\n' ? 2 : 3;
      continue;
    }
    if (c === '#') {
      // A comment runs to the end of its physical line.
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (isOperator(c)) {
      endCommand();
      i++;
      continue;
    }
    const start = i;
    // The unquoted value is built from runs of plain text, copied once, with escapes and quotes
    // spliced in: appending character by character made these scans a large share of the lint.
    let value = '';
    let runStart = i;
    while (i < n) {
      const ch = text[i];
      if (isBlank(ch) || isOperator(ch)) break;
      if (ch === '\\') {
        if (text[i + 1] === '\n' || text[i + 1] === '\r') break;
        value += text.slice(runStart, i) + (text[i + 1] ?? '');
        i += 2;
        runStart = i;
        continue;
      }
      if (ch === "'") {
        const close = text.indexOf("'", i + 1);
        const stop = close < 0 ? n : close;
        value += text.slice(runStart, i) + text.slice(i + 1, stop);
        i = stop + 1;
        runStart = i;
        continue;
      }
      if (ch === '"') {
        let j = i + 1;
        while (j < n && text[j] !== '"') {
          if (text[j] === '\\') j++;
          else if ((text[j] === '$' || text[j] === '%') && '({['.includes(text[j + 1] ?? 'x')) j = skipGroup(text, j + 1) - 1;
          j++;
        }
        value += text.slice(runStart, i) + text.slice(i + 1, Math.min(j, n));
        i = j + 1;
        runStart = i;
        continue;
      }
      // `$(…)`, `%{…}`, `${…}` and backquotes stay as written: the run just goes on past them.
      if ((ch === '$' || ch === '%') && '({['.includes(text[i + 1] ?? 'x')) {
        i = skipGroup(text, i + 1);
        continue;
      }
      if (ch === '`') {
        const close = text.indexOf('`', i + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      i++;
    }
    if (runStart < n) value += text.slice(runStart, Math.min(i, n));
    const end = Math.min(i, n);
    if (end > start) words.push({ raw: text.slice(start, end), value, start: line.offsetAt(start), end: line.offsetAt(end) });
    if (i === start) i++;
  }
  endCommand();
  return commands;
}

/** From an opening bracket at `open`, the index just past its balanced close (or the end of text). */
function skipGroup(text: string, open: number): number {
  const openCh = text[open];
  const closeCh = openCh === '(' ? ')' : openCh === '{' ? '}' : ']';
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === openCh) depth++;
    else if (ch === closeCh && --depth === 0) return j + 1;
  }
  return text.length;
}

const PREFIX_COMMANDS = new Set(['env', 'sudo', 'nice', 'time', 'exec', 'command', 'eval', 'export']);

function nameIndexOf(words: ShellWord[]): number {
  let k = 0;
  while (k < words.length && (ASSIGNMENT.test(words[k].raw) || PREFIX_COMMANDS.has(words[k].value))) k++;
  return k;
}

/** Simple commands in the given section (comments, conditionals and definitions skipped). */
export function sectionCommands(doc: SpecDocument, section: Section): ShellCommand[] {
  return commandsOf(section, doc);
}

// Several rules walk the same commands: split each section once per parse (do not mutate).
const commandsOf = cachedPerParse((section: Section, doc: SpecDocument): ShellCommand[] => {
  const out: ShellCommand[] = [];
  for (const line of logicalLines(doc, section)) {
    for (const words of splitCommands(line)) out.push({ words, nameIndex: nameIndexOf(words), section, line });
  }
  return out;
});

/** Simple commands of every section of the given kinds, in document order. */
export function shellCommands(doc: SpecDocument, kinds: readonly SectionKind[] = BUILD_SHELL_KINDS): ShellCommand[] {
  const out: ShellCommand[] = [];
  for (const s of doc.sections) if (kinds.includes(s.kind)) out.push(...sectionCommands(doc, s));
  return out;
}

/** The command name's value (`make`, `%{__make}`), or undefined for a bare assignment. */
export function commandName(cmd: ShellCommand): string | undefined {
  return cmd.words[cmd.nameIndex]?.value;
}

/** Arguments after the command name. */
export function commandArgs(cmd: ShellCommand): ShellWord[] {
  return cmd.words.slice(cmd.nameIndex + 1);
}

/** `make`, `gmake`, `%{__make}`, `%__make`, `$MAKE`, `${MAKE}`. */
export function isMakeCommand(name: string | undefined): boolean {
  return name !== undefined && /^(?:g?make|%\{__make\}|%__make|\$\{?MAKE\}?)$/.test(name);
}

/** Text that names the build root: `%{buildroot}`, `%buildroot`, `$RPM_BUILD_ROOT`, `${RPM_BUILD_ROOT}`. */
export const BUILDROOT_REFERENCE = /%\{?\??buildroot\}?|\$\{?RPM_BUILD_ROOT\}?/;

/** qmake as a command: `qmake`, `qmake-qt5`, `qmake6`, `%qmake5`, `%{qmake_qt5}`, `%{_qt5_qmake}`, `/usr/lib64/qt5/bin/qmake`. */
export function isQmakeName(name: string): boolean {
  return /^(?:qmake(?:-qt[3-6]|[3-6])?|%\{?\??(?:qmake[3-6]?|qmake_qt[3-6]|_qt[3-6]_qmake|qt[3-6]_qmake|__qmake)\}?|\S*\/qmake(?:-qt[3-6]|[3-6])?)$/.test(name);
}

/** True when the spec's build sections call qmake (cached per parse). */
export const usesQmake = cachedPerParse((doc: SpecDocument): boolean =>
  shellCommands(doc, ['build', 'conf', 'install']).some((cmd) => {
    const name = commandName(cmd);
    return name !== undefined && isQmakeName(name);
  }),
);
