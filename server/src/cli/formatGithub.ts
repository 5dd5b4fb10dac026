// GitHub Actions workflow commands: one `::error|warning|notice file=…,line=…::message` line per
// finding, which the runner turns into annotations on the pull request. Lines and columns are
// 1-based; endColumn is inclusive. Property values escape % \r \n : , and messages % \r \n, as
// the runner (actions/toolkit's command.ts) expects.
import path from 'node:path';
import type { Severity } from '../service/types';
import type { FileFailure, FileResult } from './lintCommand';
import { plainMessage } from '../service/text/plainText';

/** Escapes a workflow command's message. */
export function escapeGithubData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value (also `:` and `,`, which delimit properties). */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(severity: Severity): 'error' | 'warning' | 'notice' {
  return severity === 'error' ? 'error' : severity === 'warning' ? 'warning' : 'notice';
}

/** The path GitHub matches against the repository: relative to the working folder, with `/`. */
function githubPath(file: string, cwd: string): string {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel).split(path.sep).join('/');
}

function line(kind: string, props: [string, string | number][], message: string): string {
  return `::${kind} ${props.map(([k, v]) => `${k}=${escapeGithubProperty(String(v))}`).join(',')}::${escapeGithubData(message)}\n`;
}

/** One file's annotations. */
export function formatGithubFile(r: FileResult, cwd: string): string {
  let out = '';
  const file = githubPath(r.file, cwd);
  for (const f of r.findings) {
    const { start, end } = f.range;
    const props: [string, string | number][] = [
      ['file', file],
      ['line', start.line + 1],
      ['col', start.character + 1],
      ['endLine', end.line + 1],
      ['endColumn', Math.max(end.character, start.line === end.line ? start.character + 1 : 1)],
      ['title', `Specwright ${f.rule}`],
    ];
    out += line(command(f.severity), props, plainMessage(f.message));
  }
  return out;
}

/** Files that could not be linted, as error annotations (after the findings). */
export function formatGithubFailures(failures: readonly FileFailure[], cwd: string): string {
  let out = '';
  for (const f of failures) out += line('error', [['file', githubPath(f.file, cwd)], ['title', 'Specwright']], f.message);
  return out;
}
