// `rpmspec -P`: rpm parses and expands the spec. That runs every `%(…)` shell expansion and
// every `%{lua:…}` in it, so it is opt-in (specwright.rpmspec.enable) and trusted-only.
// Its stderr carries rpm's own diagnostics: `error: line N: …`, `warning: line N: …`, or
// messages without a line; stdout is the expanded spec ("Show Expanded Spec").
import path from 'node:path';
import type { SpecDocument } from '../../service/specfile/ast';
import type { Range } from '../../service/types';
import { problemOf } from './problem';
import type { ToolInvocation, ToolResult } from './run';
import type { ToolFinding, ToolReport } from './types';

export interface RpmspecTarget {
  command: string;
  fileName: string;
  text: string;
  /** The file on disk when its content equals `text`. */
  specPath?: string;
  /** The spec's directory: working directory and %_sourcedir (for %include and %{SOURCEn}). */
  dir?: string;
}

function rpmEscape(value: string): string {
  return value.replace(/%/g, '%%');
}

export function rpmspecInvocation(t: RpmspecTarget): ToolInvocation {
  const defines = t.dir ? ['--define', `_sourcedir ${rpmEscape(t.dir)}`] : [];
  const env = { ...process.env, LC_ALL: 'C' };
  if (t.specPath) return { command: t.command, args: ['-P', ...defines, t.specPath], cwd: t.dir, env };
  return {
    command: t.command,
    tempFiles: [{ name: t.fileName, text: t.text }],
    args: (dir) => ['-P', ...defines, path.join(dir ?? '', path.basename(t.fileName))],
    cwd: t.dir,
    env,
  };
}

export interface RpmMessage {
  level: 'error' | 'warning';
  /** 1-based, when rpm gave one. */
  line?: number;
  message: string;
}

const RPM_MESSAGE = /^(error|warning):\s+(?:(?:\S+?:\s*)?line (\d+):\s*|\S+?\.spec(?:\.in)?:(\d+):\s*)?(.*)$/;

export function parseRpmMessages(stderr: string): RpmMessage[] {
  const out: RpmMessage[] = [];
  for (const raw of stderr.split(/\r?\n/)) {
    const m = RPM_MESSAGE.exec(raw.trim());
    if (!m) continue;
    const line = m[2] ?? m[3];
    out.push({ level: m[1] as 'error' | 'warning', ...(line ? { line: Number(line) } : {}), message: m[4].trim() });
  }
  return out;
}

export function interpretRpmspec(result: ToolResult, doc: SpecDocument): ToolReport {
  if (result.status !== 'exited') return { tool: 'rpmspec', findings: [], problem: problemOf(result) };
  const findings: ToolFinding[] = parseRpmMessages(result.stderr).map((m) => ({
    tool: 'rpmspec',
    code: m.level,
    severity: m.level,
    message: m.message,
    range: rangeFor(doc, m),
    fixes: [],
  }));
  if (result.exitCode !== 0 && findings.length === 0) {
    const detail = (result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ');
    return { tool: 'rpmspec', findings, problem: { kind: 'failed', message: `rpmspec failed (exit ${result.exitCode ?? result.signal}): ${detail}` } };
  }
  return { tool: 'rpmspec', findings };
}

function rangeFor(doc: SpecDocument, m: RpmMessage): Range {
  const lines = doc.lines;
  let line = m.line !== undefined && m.line >= 1 && m.line <= lines.lineCount ? m.line - 1 : -1;
  if (line < 0 && /%changelog|changelog/i.test(m.message)) line = doc.sections.find((s) => s.name === 'changelog')?.headerLine ?? -1;
  if (line < 0) {
    line = 0;
    while (line < lines.lineCount - 1 && lines.lineText(line).trim() === '') line++;
  }
  const text = lines.lineText(line);
  const start = lines.lineStarts[line];
  const lead = text.length - text.trimStart().length;
  return lines.range(start + lead, start + text.trimEnd().length);
}

/** The expanded spec, or a message saying why there is none. */
export function expandedText(result: ToolResult): { ok: true; text: string } | { ok: false; message: string } {
  switch (result.status) {
    case 'exited':
      if (result.exitCode === 0) return { ok: true, text: result.stdout };
      return { ok: false, message: `rpmspec -P failed (exit ${result.exitCode ?? result.signal}): ${result.stderr.trim() || 'no message'}` };
    case 'not-found':
      return { ok: false, message: `rpmspec was not found: install rpm (it provides rpmspec) or set specwright.rpmspec.path` };
    case 'refused':
      return { ok: false, message: `Not expanding: ${result.message} (rpmspec runs the spec's %(…) shell commands)` };
    case 'cancelled':
      return { ok: false, message: 'Cancelled' };
    default:
      return { ok: false, message: result.message };
  }
}
