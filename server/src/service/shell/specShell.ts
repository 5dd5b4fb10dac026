// The shell of a spec: each section whose body is shell (Section.bodyLanguage, set once by the
// parser) is lexed and split into commands once per parse. Spec-only lines inside a body
// (`%if`/`%else`/`%endif`, `%define`/`%global`, `%bcond…`, `%include`, `%dnl`) are left out of the
// shell text, as rpm removes them before the shell runs, so a command continued with `\` across
// an `%if` line stays one command. rpm macros are word parts. Offsets are document offsets.
import type { MacroDefinition, Section, SectionKind, SpecDocument } from '../specfile/ast';
import { cachedPerParse } from '../perParse';
import type { ShellCommand, ShellParse } from './commands';
import { parseShell } from './index';
import { OffsetMap, type ShellHereDoc, type ShellWord } from './lexer';

/** A command of a spec section. */
export interface SpecShellCommand extends ShellCommand {
  section: Section;
}

export interface ShellScript extends ShellParse {
  section: Section;
  commands: SpecShellCommand[];
  /** The shell text: the body's lines without the spec-only ones. */
  text: string;
  /** Indexes of `text` → document offsets. */
  map: OffsetMap;
}

/** Body lines that rpm consumes itself: they never reach the shell. */
function specOnlyLine(doc: SpecDocument, line: number): boolean {
  const kind = doc.lineKinds[line];
  if (kind === 'conditional' || kind === 'definition' || kind === 'definition-continuation' || kind === 'include' || kind === 'section-header') return true;
  if (kind !== 'comment') return false;
  // `%dnl …` lines are comments to rpm, `# …` lines to the shell
  const start = doc.lines.lineStarts[line];
  const end = doc.lines.lineEnd(line);
  let k = start;
  while (k < end && (doc.text.charCodeAt(k) === 32 || doc.text.charCodeAt(k) === 9)) k++;
  return doc.text.charCodeAt(k) === 37;
}

const scriptOf = cachedPerParse((section: Section, doc: SpecDocument): ShellScript | undefined => {
  if (section.bodyLanguage !== 'shell') return undefined;
  const { lines } = doc;
  const pieces: { textStart: number; docStart: number }[] = [];
  let text = '';
  let runStart = -1;
  let runEnd = -1;
  const flushRun = () => {
    if (runStart < 0) return;
    pieces.push({ textStart: text.length, docStart: runStart });
    text += doc.text.slice(runStart, runEnd);
    runStart = -1;
  };
  // Lines continuing a multi-line macro call (`%{expand:` …) belong to a definition when the
  // call opened on a definition line.
  let inDefinition = false;
  for (let l = section.bodyStartLine; l <= section.endLine && l < lines.lineCount; l++) {
    const kind = doc.lineKinds[l];
    if (kind !== 'macro-continuation') inDefinition = kind === 'definition' || kind === 'definition-continuation';
    if (inDefinition || specOnlyLine(doc, l)) {
      flushRun();
      continue;
    }
    if (runStart < 0) runStart = lines.lineStarts[l];
    runEnd = lines.lineEndWithBreak(l);
  }
  flushRun();
  if (pieces.length === 0) pieces.push({ textStart: 0, docStart: section.body.start });
  const map = new OffsetMap(pieces);
  // One piece (most sections): lexed in place in the document text, whose indexes are the offsets.
  const parsed = pieces.length === 1 ? parseShell(doc.text, { rpmMacros: true, start: pieces[0].docStart, end: pieces[0].docStart + text.length }) : parseShell(text, { map, rpmMacros: true });
  // The section goes on the parsed commands themselves (no copy: nothing else holds them).
  const commands = parsed.commands as SpecShellCommand[];
  for (const c of commands) c.section = section;
  // Written out, not `{ ...parsed, … }`: the spread gave scripts unstable shapes, and rules read
  // `commands` and `comments` of every script (megamorphic reads).
  return { commands, comments: parsed.comments, hereDocs: parsed.hereDocs, problems: parsed.problems, section, text, map };
});

/** The shell script of a section whose body is shell (undefined otherwise); cached per parse. */
export function shellScript(doc: SpecDocument, section: Section): ShellScript | undefined {
  return scriptOf(section, doc);
}

/** Shell scripts of the spec's shell sections, optionally only of the given kinds, in document order. */
export function shellScripts(doc: SpecDocument, kinds?: readonly SectionKind[]): ShellScript[] {
  const out: ShellScript[] = [];
  for (const s of doc.sections) {
    if (kinds && !kinds.includes(s.kind)) continue;
    const script = scriptOf(s, doc);
    if (script) out.push(script);
  }
  return out;
}

/** Commands of the spec's shell sections (optionally of the given kinds), in document order. */
export function specShellCommands(doc: SpecDocument, kinds?: readonly SectionKind[]): SpecShellCommand[] {
  // Loops, not flatMap: rules ask a dozen times per spec, and flatMap was ~0.5 % of a corpus lint.
  const out: SpecShellCommand[] = [];
  for (const s of doc.sections) {
    if (kinds && !kinds.includes(s.kind)) continue;
    const script = scriptOf(s, doc);
    if (script) for (const c of script.commands) out.push(c);
  }
  return out;
}

/** A shell function a script defines (`name() { … }`, `function name { … }`) and the commands of its body. */
export interface ShellFunction {
  name: string;
  definition: SpecShellCommand;
  /** The commands between the braces; empty for bodies that are not a brace group (`name() ( … )`). */
  body: SpecShellCommand[];
}

const countOf = (list: readonly string[], item: string): number => list.reduce((n, x) => (x === item ? n + 1 : n), 0);

const functionsOf = cachedPerParse((script: ShellScript): ShellFunction[] => {
  const out: ShellFunction[] = [];
  const cmds = script.commands;
  for (let i = 0; i < cmds.length; i++) {
    const definition = cmds[i];
    if (definition.functionName === undefined) continue;
    const fn: ShellFunction = { name: definition.functionName, definition, body: [] };
    out.push(fn);
    // `function name {` carries the brace as a word; `name() {` leaves it to the next command's reserved words.
    let depth = definition.words.filter((w, k) => k > 0 && w.quoting === 'none' && w.text === '{').length;
    for (let j = i + 1; j < cmds.length; j++) {
      const c = cmds[j];
      const opens = countOf(c.leading, '{');
      if (depth === 0 && opens === 0) break;
      depth += opens - countOf(c.leading, '}');
      if (depth <= 0) {
        i = j;
        break;
      }
      fn.body.push(c);
      i = j;
    }
  }
  return out;
});

/** The shell functions a script defines, in order; cached per parse. */
export function shellFunctions(script: ShellScript): readonly ShellFunction[] {
  return functionsOf(script);
}

export { BUILD_SECTION_KINDS } from '../specfile/keywords';

/** A scriptlet, trigger or file trigger (whatever its interpreter). */
export function isScriptletSection(section: Section): boolean {
  return section.kind === 'scriptlet' || section.kind === 'trigger' || section.kind === 'filetrigger';
}

/** A scriptlet or trigger that rpm runs with a shell. */
export function isShellScriptlet(section: Section): boolean {
  return section.bodyLanguage === 'shell' && isScriptletSection(section);
}

/** A match of a pattern in the shell text of a scriptlet, with document offsets. */
export interface ScriptletMatch {
  match: RegExpMatchArray;
  start: number;
  end: number;
}

/**
 * Matches of a global pattern in the spec's shell scriptlets and triggers, leaving out those that
 * start inside a shell comment; offsets are document offsets.
 */
export function scriptletMatches(doc: SpecDocument, pattern: RegExp): ScriptletMatch[] {
  const out: ScriptletMatch[] = [];
  for (const script of shellScripts(doc)) {
    if (!isShellScriptlet(script.section)) continue;
    for (const match of script.text.matchAll(pattern)) {
      const start = script.map.at(match.index!);
      if (script.comments.some((c) => c.start <= start && start < c.end)) continue;
      out.push({ match, start, end: script.map.endAt(match.index! + match[0].length) });
    }
  }
  return out;
}

/** Shell text inside the spec outside a section body (a macro definition's body, a `%(…)`), lexed with document offsets. */
export function shellOfSpan(doc: SpecDocument, start: number, end: number): ShellParse {
  return parseShell(doc.text.slice(start, end), { map: OffsetMap.shifted(start), rpmMacros: true });
}

/** The shell commands of a macro definition's body (what a scriptlet runs when it expands the macro); cached per parse. */
export const definitionShell = cachedPerParse((def: MacroDefinition, doc: SpecDocument): ShellParse => {
  // In a definition, `\` at a line end keeps the line break and goes itself: each body line is
  // a shell line. A blank in its place keeps the offsets.
  const body = doc.text.slice(def.bodySpan.start, def.bodySpan.end).replace(/\\(?=\r?\n)/g, ' ');
  return parseShell(body, { map: OffsetMap.shifted(def.bodySpan.start), rpmMacros: true });
});

/** A here-document in a spec's shell section, with the command that reads it. */
export interface SpecHereDoc {
  section: Section;
  command: SpecShellCommand;
  hereDoc: ShellHereDoc;
  /** The file the command writes the body to (`cat > dkms.conf <<EOF`, `tee dkms.conf <<EOF`), if it says. */
  target?: ShellWord;
}

/** The file a command writes to: its `>`/`>>`/`>|` target, or `tee`'s first file argument. */
export function outputTarget(cmd: ShellCommand): ShellWord | undefined {
  for (const r of cmd.redirects) if ((r.op === '>' || r.op === '>>' || r.op === '>|') && (r.fd === undefined || r.fd === '1') && r.target) return r.target;
  const name = cmd.nameIndex >= 0 ? cmd.words[cmd.nameIndex] : undefined;
  if (name && name.value.replace(/^.*\//, '') === 'tee') {
    for (let k = cmd.nameIndex + 1; k < cmd.words.length; k++) {
      const w = cmd.words[k];
      if (!w.redirect && !w.value.startsWith('-')) return w;
    }
  }
  return undefined;
}

/** Every here-document in the spec's shell sections, in document order (cached per parse). */
export const specHereDocs = cachedPerParse((doc: SpecDocument): SpecHereDoc[] => {
  const out: SpecHereDoc[] = [];
  for (const script of shellScripts(doc)) {
    for (const command of script.commands) {
      for (const r of command.redirects) {
        if (!r.hereDoc) continue;
        const h: SpecHereDoc = { section: script.section, command, hereDoc: r.hereDoc };
        const target = outputTarget(command);
        if (target) h.target = target;
        out.push(h);
      }
    }
  }
  return out;
});

/** Per line of the spec: the document offset where a shell comment starts on it (shell sections only). */
const commentStarts = cachedPerParse((doc: SpecDocument): Map<number, number> => {
  const out = new Map<number, number>();
  for (const script of shellScripts(doc)) {
    for (const c of script.comments) {
      const line = doc.lines.lineOf(c.start);
      if (!out.has(line)) out.set(line, c.start);
    }
  }
  return out;
});

/**
 * Document offset of the `#` that starts a shell comment on the line, or -1: the line must be in
 * a shell section and the `#` start a word outside quotes, here-documents and continued quotes.
 */
export function shellCommentStart(doc: SpecDocument, line: number): number {
  return commentStarts(doc).get(line) ?? -1;
}

/** Lines of here-document bodies and terminators (data, not commands), cached per parse. */
const hereDocLines = cachedPerParse((doc: SpecDocument): Set<number> => {
  const out = new Set<number>();
  for (const { hereDoc } of specHereDocs(doc)) {
    const first = doc.lines.lineOf(hereDoc.bodyStart);
    const last = doc.lines.lineOf(hereDoc.terminator ? hereDoc.terminator.start : Math.max(hereDoc.bodyStart, hereDoc.bodyEnd - 1));
    for (let l = first; l <= last; l++) out.add(l);
  }
  return out;
});

/** The line holds shell code: it is in a shell section and not in a here-document. */
export function isShellCodeLine(doc: SpecDocument, line: number): boolean {
  const section = doc.sections[doc.lineSection[line]];
  return section !== undefined && section.bodyLanguage === 'shell' && !hereDocLines(doc).has(line);
}

/** Lines of the section's here-document bodies and terminators. */
export function hereDocLinesOf(doc: SpecDocument, section: Section): Set<number> {
  const out = new Set<number>();
  for (const hereDoc of shellScript(doc, section)?.hereDocs ?? []) {
    const first = doc.lines.lineOf(hereDoc.bodyStart);
    const last = doc.lines.lineOf(hereDoc.terminator ? hereDoc.terminator.start : Math.max(hereDoc.bodyStart, hereDoc.bodyEnd - 1));
    for (let l = first; l <= last; l++) out.add(l);
  }
  return out;
}

/** Lines of the section that end inside a quoted string (their line break is part of the string). */
export function openQuoteLines(doc: SpecDocument, section: Section): Set<number> {
  const out = new Set<number>();
  for (const cmd of shellScript(doc, section)?.commands ?? []) {
    for (const w of cmd.words) {
      for (const p of w.parts) {
        if (p.kind !== 'single' && p.kind !== 'double' && p.kind !== 'ansi') continue;
        const first = doc.lines.lineOf(p.start);
        const last = doc.lines.lineOf(Math.max(p.start, p.end - 1));
        for (let l = first; l < last; l++) out.add(l);
        // an unclosed quote runs to the end of the section
        if (p.end >= section.body.end && !/["']$/.test(doc.text.slice(p.start, p.end))) out.add(last);
      }
    }
  }
  return out;
}
