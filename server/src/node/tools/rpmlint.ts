// rpmlint on a spec file: the invocation, the output parser and the mapping of each message to
// the smallest sensible range of the spec.
//
// rpmlint 2.x prints `path:LINE: E|W|I: id details` or, without a line, `path: E: id details`.
// Exit codes 0, 64 (errors), 65 (errors, all promoted) and 66 (badness threshold) are results.
// It only checks files ending in `.spec` (a `.spec.in` template is skipped, as rpmlint does).
// Note: rpmlint parses the spec with rpm's Python bindings, which runs `%(…)` shell expansions,
// so it runs in trusted workspaces only, like every tool.
import path from 'node:path';
import { ALL_RULES } from '../../service/rules/registry';
import type { SpecDocument, Span } from '../../service/specfile/ast';
import type { Range, Severity } from '../../service/types';
import type { ToolInvocation, ToolResult } from './run';
import { ANY_OWN_ERROR, type ToolFinding, type ToolReport } from './types';
import { problemOf } from './problem';

export const RPMLINT_RESULT_CODES: ReadonlySet<number> = new Set([0, 64, 65, 66]);

export interface RpmlintMessage {
  /** 1-based, when rpmlint gave one. */
  line?: number;
  level: 'E' | 'W' | 'I';
  id: string;
  details: string;
}

export interface RpmlintTarget {
  command: string;
  /** The spec's file name (`foo.spec`): a temporary copy gets the same name (rpmlint checks it). */
  fileName: string;
  /** The spec's text. */
  text: string;
  /** The file on disk when its content equals `text`: rpmlint reads it in place. */
  specPath?: string;
  /** The directory of the spec (working directory). */
  dir?: string;
  /** rpmlintrc to pass with `-r` (the most specific one next to the spec). */
  rpmlintrc?: string;
}

/** Whether rpmlint would check a file with this name. */
export function rpmlintChecks(fileName: string): boolean {
  return /\.spec$/i.test(fileName);
}

export function rpmlintInvocation(t: RpmlintTarget): ToolInvocation {
  // Filters meant for binary packages would all be "unused" on a spec: do not report that.
  const base = ['--ignore-unused-rpmlintrc', ...(t.rpmlintrc ? ['-r', t.rpmlintrc] : [])];
  // NO_COLOR / TERM=dumb: no ANSI colours in what we parse.
  const env = { ...process.env, NO_COLOR: '1', TERM: 'dumb' };
  if (t.specPath) return { command: t.command, args: [...base, t.specPath], cwd: t.dir, env };
  return {
    command: t.command,
    tempFiles: [{ name: t.fileName, text: t.text }],
    args: (dir) => [...base, path.join(dir ?? '', path.basename(t.fileName))],
    cwd: t.dir,
    env,
  };
}

const MESSAGE = /^(.+?):(?:(\d+):)?\s+([EWI]):\s+(\S+)(?:\s+(.*))?$/;

/** The messages in rpmlint's output (headers, summaries and anything else are skipped). */
export function parseRpmlintOutput(stdout: string): RpmlintMessage[] {
  const out: RpmlintMessage[] = [];
  // eslint-disable-next-line no-control-regex
  for (const raw of stdout.replace(/\u001b\[[0-9;]*m/g, '').split(/\r?\n/)) {
    const m = MESSAGE.exec(raw);
    if (!m || !/\.spec$/i.test(m[1])) continue;
    out.push({ line: m[2] ? Number(m[2]) : undefined, level: m[3] as 'E' | 'W' | 'I', id: m[4], details: (m[5] ?? '').trim() });
  }
  return out;
}

const LEVEL: Record<RpmlintMessage['level'], Severity> = { E: 'error', W: 'warning', I: 'information' };

let duplicatesByRpmlintId: Map<string, string[]> | undefined;
/** Specwright rules declaring the rpmlint id. */
export function rulesForRpmlintId(id: string): string[] {
  if (!duplicatesByRpmlintId) {
    duplicatesByRpmlintId = new Map();
    for (const r of ALL_RULES) {
      if (!r.rpmlintId) continue;
      const list = duplicatesByRpmlintId.get(r.rpmlintId) ?? [];
      list.push(r.id);
      duplicatesByRpmlintId.set(r.rpmlintId, list);
    }
  }
  return duplicatesByRpmlintId.get(id) ?? [];
}

/**
 * rpmlint checks whose advice Specwright contradicts on purpose, with the rule that says the
 * opposite (docs/rpmlint-comparison.md). Debian's rpmlint configuration adds `no-buildroot-tag`
 * ("add BuildRoot"), while rpm ignores BuildRoot since 4.6.
 */
export const CONTRADICTED_RPMLINT_IDS: Readonly<Record<string, string>> = {
  'no-buildroot-tag': 'obsolete-buildroot-tag',
};

/**
 * The Specwright rule that is the authority on an rpmlint id: one that implements it (the same
 * rpmlintId: Specwright knows when the check is wrong, e.g. `/usr/lib/udev` is not a hard-coded
 * library path) or one that contradicts it. Such rpmlint messages are dropped wherever they are.
 */
export function supersededBy(id: string): string | undefined {
  return rulesForRpmlintId(id)[0] ?? CONTRADICTED_RPMLINT_IDS[id];
}

/** Turns a finished rpmlint run into findings on `doc`, minus the ids Specwright's rules are the authority on. */
export function interpretRpmlint(result: ToolResult, doc: SpecDocument): ToolReport {
  if (result.status !== 'exited') return { tool: 'rpmlint', findings: [], problem: problemOf(result) };
  if (result.exitCode === null || !RPMLINT_RESULT_CODES.has(result.exitCode)) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ');
    return { tool: 'rpmlint', findings: [], problem: { kind: 'failed', message: `rpmlint failed (exit ${result.exitCode ?? result.signal}): ${detail}` } };
  }
  const messages = parseRpmlintOutput(result.stdout);
  const kept = messages.filter((m) => supersededBy(m.id) === undefined);
  return { tool: 'rpmlint', findings: kept.map((m) => rpmlintFinding(doc, m)), superseded: messages.length - kept.length };
}

export function rpmlintFinding(doc: SpecDocument, m: RpmlintMessage): ToolFinding {
  const place = locate(doc, m);
  // rpm's parse errors: one of our errors on the line (anywhere, for "can't parse specfile")
  // already says what is wrong, e.g. spec-unknown-tag for `Foo: bar`.
  const duplicates = m.id === 'specfile-error' ? [ANY_OWN_ERROR] : rulesForRpmlintId(m.id);
  return {
    tool: 'rpmlint',
    code: m.id,
    severity: LEVEL[m.level],
    message: m.details ? `${m.id}: ${m.details}` : m.id,
    range: place.range,
    fixes: [],
    ...(duplicates.length > 0 ? { duplicates } : {}),
    ...(place.lineless ? { lineless: true } : {}),
  };
}

// Line-less ids that name a tag: the tag's value is the place.
const TAG_WORDS: [RegExp, string][] = [
  [/summary/, 'summary'], [/(^|-)name(-|$)/, 'name'], [/version/, 'version'], [/release/, 'release'],
  [/license/, 'license'], [/(^|-)url(-|$)/, 'url'], [/group/, 'group'], [/buildroot/, 'buildroot'],
  [/packager/, 'packager'], [/vendor/, 'vendor'], [/distribution/, 'distribution'], [/obsolete/, 'obsoletes'],
  [/provides/, 'provides'], [/(^|-)requires/, 'requires'], [/buildarch/, 'buildarch'], [/epoch/, 'epoch'],
];

function locate(doc: SpecDocument, m: RpmlintMessage): { range: Range; lineless: boolean } {
  const lines = doc.lines;
  // rpm's own error text carries the line (`specfile-error error: line 22: …`).
  const line = m.line ?? lineInDetails(m.details);
  if (line !== undefined && line >= 1 && line <= lines.lineCount) return { range: onLine(doc, line - 1, m.details), lineless: false };
  const span = lineless(doc, m);
  if (span) return { range: lines.range(span.start, span.end), lineless: true };
  return { range: fileStart(doc), lineless: true };
}

function lineInDetails(details: string): number | undefined {
  const d = /\bline (\d+):/.exec(details);
  return d ? Number(d[1]) : undefined;
}

/** The longest word of the details that occurs on the line, else the line's trimmed content. */
function onLine(doc: SpecDocument, line: number, details: string): Range {
  const text = doc.lines.lineText(line);
  const start = doc.lines.lineStarts[line];
  let best: Span | undefined;
  for (const word of details.split(/\s+/)) {
    const w = word.replace(/^['"(]+|['"),:;.]+$/g, '');
    if (w.length < 3 || (best && best.end - best.start >= w.length)) continue;
    const at = text.indexOf(w);
    if (at >= 0) best = { start: start + at, end: start + at + w.length };
  }
  if (best) return doc.lines.range(best.start, best.end);
  return trimmedLine(doc, line);
}

function trimmedLine(doc: SpecDocument, line: number): Range {
  const text = doc.lines.lineText(line);
  const start = doc.lines.lineStarts[line];
  const lead = text.length - text.trimStart().length;
  const body = text.trim();
  return doc.lines.range(start + lead, start + lead + body.length);
}

/** The first non-blank line (where a missing section or tag concerns the whole file). */
function fileStart(doc: SpecDocument): Range {
  for (let l = 0; l < doc.lines.lineCount; l++) {
    if (doc.lines.lineText(l).trim() !== '') return trimmedLine(doc, l);
  }
  return doc.lines.range(0, 0);
}

function lineless(doc: SpecDocument, m: RpmlintMessage): Span | undefined {
  // `superfluous-%clean-section`, `more-than-one-%changelog-section`: the section header(s).
  const sectionName = /%([A-Za-z_]+)/.exec(m.id)?.[1]?.toLowerCase();
  if (sectionName) {
    const found = doc.sections.filter((s) => s.name === sectionName);
    if (found.length > 0) {
      const s = /more-than-one/.test(m.id) && found.length > 1 ? found[1] : found[0];
      return s.keywordSpan.end > s.keywordSpan.start ? s.keywordSpan : s.header;
    }
    return undefined;
  }
  // `patch-not-applied Patch3: foo.patch`: the tag named at the start of the details.
  const named = /^([A-Za-z][A-Za-z0-9_]*)(\([^)]*\))?:/.exec(m.details);
  if (named) {
    const wanted = named[1].toLowerCase();
    // `Source0` also names an unnumbered `Source:` (rpm numbers it 0).
    const numbered = /^(source|patch)(\d+)$/.exec(wanted);
    const tag = doc.tags.find((t) => t.name.toLowerCase() === wanted)
      ?? (numbered ? doc.tags.find((t) => t.key === numbered[1] && (t.number ?? 0) === Number(numbered[2])) : undefined);
    if (tag) return { start: tag.start, end: tag.end };
  }
  if (/description/.test(m.id)) {
    const d = doc.sections.find((s) => s.name === 'description');
    if (d) return d.keywordSpan;
  }
  if (/changelog/.test(m.id)) {
    const c = doc.sections.find((s) => s.name === 'changelog');
    if (c) return c.keywordSpan;
  }
  for (const [re, key] of TAG_WORDS) {
    if (!re.test(m.id)) continue;
    const tag = doc.tags.find((t) => t.key === key);
    if (tag) return tag.valueSpan.end > tag.valueSpan.start ? tag.valueSpan : { start: tag.start, end: tag.end };
  }
  return undefined;
}
