// shellcheck on the shell bodies of a spec (%prep…%clean, scriptlets and triggers run by /bin/sh).
// service/shell/extract.ts turns each body into a script whose lines and columns are the
// spec's; this module runs shellcheck once per spec (one temporary file per body, json1 output,
// where a tab is one column and columns count code points) and maps the comments back.
import path from 'node:path';
import type { SpecDocument } from '../../service/specfile/ast';
import { touchesPlaceholder, type ShellBody } from '../../service/shell/extract';
import type { Fix, Severity, TextEdit } from '../../service/types';
import { problemOf } from './problem';
import type { ToolInvocation, ToolResult } from './run';
import type { ToolFinding, ToolReport } from './types';

/**
 * Checks never reported on specs, because the spec → script translation causes them:
 * - SC2050, SC2078, SC2157, SC2193, SC2194: "this expression is constant": a macro placeholder
 *   is a literal word to shellcheck (`[ "%{with_x}" = 1 ]`), rpm substitutes it before the shell runs.
 * - SC1091: a sourced file cannot be followed from a spec.
 * - SC2317: "unreachable command": both arms of a `%if` are in the script, so an `exit` in one arm
 *   makes the other look unreachable.
 * - SC2148: no shebang: the shell is given with `-s bash` (rpm runs the bodies with /bin/sh, which is bash
 *   on the distributions rpm packages target).
 */
export const SHELLCHECK_EXCLUDED = ['SC1091', 'SC2050', 'SC2078', 'SC2148', 'SC2157', 'SC2193', 'SC2194', 'SC2317'];

/**
 * Excluded in %prep…%clean only: rpmbuild runs them with `sh -e`, so a failing `cd` stops the build
 * (SC2164, "use cd … || exit").
 */
export const SHELLCHECK_EXCLUDED_IN_BUILD = new Set(['SC2164']);

const LEVEL: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'information', style: 'hint' };

export function shellcheckWikiUrl(code: string): string {
  return `https://www.shellcheck.net/wiki/${code}`;
}

export function bodyFileName(i: number): string {
  return `body-${i}.sh`;
}

/**
 * One shellcheck run over every body (one temporary file each). `rc` is the project's
 * .shellcheckrc (nearest above the spec): copied beside the scripts, where shellcheck looks.
 */
export function shellcheckInvocation(command: string, bodies: ShellBody[], cwd?: string, rc?: string): ToolInvocation {
  return {
    command,
    tempFiles: [...bodies.map((b, i) => ({ name: bodyFileName(i), text: b.script })), ...(rc !== undefined ? [{ name: '.shellcheckrc', text: rc }] : [])],
    args: (dir) => ['--shell=bash', '--format=json1', `--exclude=${SHELLCHECK_EXCLUDED.join(',')}`, ...bodies.map((_, i) => path.join(dir ?? '', bodyFileName(i)))],
    cwd,
  };
}

interface Json1Replacement {
  line: number; // 1-based
  endLine: number;
  column: number; // 1-based, code points, tab = 1
  endColumn: number; // exclusive
  insertionPoint?: string;
  precedence?: number;
  replacement: string;
}

interface Json1Comment {
  file: string;
  line: number; // 1-based
  endLine: number;
  column: number; // 1-based, code points, tab = 1
  endColumn: number; // exclusive
  level: string;
  code: number;
  message: string;
  fix?: { replacements: Json1Replacement[] } | null;
}

function isComment(c: unknown): c is Json1Comment {
  if (typeof c !== 'object' || c === null) return false;
  const o = c as Record<string, unknown>;
  return typeof o.file === 'string' && typeof o.line === 'number' && typeof o.endLine === 'number' && typeof o.column === 'number'
    && typeof o.endColumn === 'number' && typeof o.level === 'string' && typeof o.code === 'number' && typeof o.message === 'string';
}

/** Turns a shellcheck run (exit 0: clean, 1: comments) into findings on the spec. */
export function interpretShellcheck(result: ToolResult, doc: SpecDocument, bodies: ShellBody[]): ToolReport {
  if (result.status !== 'exited') return { tool: 'shellcheck', findings: [], problem: problemOf(result) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout);
  } catch {
    const detail = result.stderr.trim().split('\n').slice(0, 3).join(' ');
    return { tool: 'shellcheck', findings: [], problem: { kind: 'failed', message: `shellcheck failed (exit ${result.exitCode ?? result.signal}): ${detail || 'no JSON output'}` } };
  }
  const comments = (parsed as { comments?: unknown }).comments;
  if (!Array.isArray(comments)) return { tool: 'shellcheck', findings: [], problem: { kind: 'failed', message: 'shellcheck printed unexpected JSON' } };
  const findings: ToolFinding[] = [];
  const seen = new Set<string>();
  for (const c of comments) {
    if (!isComment(c)) continue;
    const index = Number(/body-(\d+)\.sh$/.exec(c.file)?.[1] ?? -1);
    const body = bodies[index];
    if (!body) continue;
    const f = toFinding(doc, body, c);
    if (!f) continue;
    const key = `${f.code}|${f.range.start.line}:${f.range.start.character}|${f.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(f);
  }
  return { tool: 'shellcheck', findings };
}

/** Code-point column (1-based) on a spec line → UTF-16 column (0-based). */
function utf16Column(doc: SpecDocument, line: number, column: number): number {
  if (line < 0 || line >= doc.lines.lineCount) return 0;
  const text = doc.lines.lineText(line);
  let units = 0;
  let points = 1;
  while (points < column && units < text.length) {
    const c = text.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < text.length ? 2 : 1;
    points++;
  }
  return units + Math.max(0, column - points);
}

function position(doc: SpecDocument, line1: number, column1: number) {
  const line = Math.min(Math.max(line1 - 1, 0), doc.lines.lineCount - 1);
  const lineLength = doc.lines.lineText(line).length;
  return { line, character: Math.min(utf16Column(doc, line, column1), lineLength) };
}

function toFinding(doc: SpecDocument, body: ShellBody, c: Json1Comment): ToolFinding | undefined {
  const code = `SC${c.code}`;
  if (body.buildSection && SHELLCHECK_EXCLUDED_IN_BUILD.has(code)) return undefined;
  const start = position(doc, c.line, c.column);
  let end = position(doc, c.endLine, c.endColumn);
  // Only what lies in the body (a comment past the end, e.g. "expected fi", goes on the last line).
  if (start.line < body.startLine || start.line > body.endLine) {
    if (start.line <= body.endLine) return undefined;
    let last = body.endLine;
    while (last > body.startLine && doc.lines.lineText(last).trim() === '') last--;
    const text = doc.lines.lineText(last);
    const lead = text.length - text.trimStart().length;
    return finding(code, c, { start: { line: last, character: lead }, end: { line: last, character: text.trimEnd().length } }, []);
  }
  if (end.line < start.line || (end.line === start.line && end.character < start.character)) end = start;
  // A comment starting on a placeholder speaks about the macro's stand-in, not about shell code.
  if (body.placeholders.some((p) => p.line === start.line && p.start <= start.character && start.character < p.end)) return undefined;
  // Parse errors point at one character (or none): show the rest of the line, not an invisible squiggle.
  if (start.line === end.line && end.character <= start.character) {
    const length = doc.lines.lineText(start.line).trimEnd().length;
    end = { line: start.line, character: start.character === 0 ? length : Math.min(start.character + 1, Math.max(length, start.character)) };
  }
  // `\%{macro}`: the backslash before a placeholder is rpm's business (SC1001 "this \_ is a regular _").
  if (body.placeholders.some((p) => p.line === start.line && p.start === start.character + 1) && doc.lines.lineText(start.line)[start.character] === '\\') return undefined;
  if (end.character < start.character && end.line === start.line) end = start;
  return finding(code, c, { start, end }, fixesOf(doc, body, c));
}

function finding(code: string, c: Json1Comment, range: ToolFinding['range'], fixes: Fix[]): ToolFinding {
  const f: ToolFinding = {
    tool: 'shellcheck',
    code,
    severity: LEVEL[c.level] ?? 'warning',
    message: c.message,
    range,
    fixes,
    href: shellcheckWikiUrl(code),
  };
  if (code === 'SC2034') f.tags = ['unnecessary'];
  return f;
}

/** shellcheck's own fix, unless it touches a macro placeholder or a spec-only line. */
function fixesOf(doc: SpecDocument, body: ShellBody, c: Json1Comment): Fix[] {
  const reps = c.fix?.replacements;
  if (!reps || reps.length === 0) return [];
  const edits: TextEdit[] = [];
  for (const r of reps) {
    if (typeof r.line !== 'number' || typeof r.replacement !== 'string') return [];
    const start = position(doc, r.line, r.column);
    const end = position(doc, r.endLine, r.endColumn);
    if (start.line < body.startLine || end.line > body.endLine) return [];
    if (touchesPlaceholder(body, start.line, start.character, end.line, end.character)) return [];
    edits.push({ range: { start, end }, newText: r.replacement });
  }
  // Edits must not overlap (LSP): shellcheck's replacements of one comment never do, but be sure.
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1].range.end;
    const s = sorted[i].range.start;
    if (s.line < p.line || (s.line === p.line && s.character < p.character)) return [];
  }
  return [{ title: `Apply shellcheck's fix for ${`SC${c.code}`}`, safety: 'unsafe', edits: sorted }];
}
