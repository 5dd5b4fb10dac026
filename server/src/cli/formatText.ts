// `file:line:col: severity: message [rule-id]`, 1-based line and column (UTF-16 units).
import type { FileResult } from './lintCommand';
import type { FindingCounts } from './output';
import { plainMessage } from '../service/text/plainText';

/** One file's lines. */
export function formatTextFile(r: FileResult): string {
  let out = '';
  for (const f of r.findings) {
    out += `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${plainMessage(f.message)} [${f.rule}]\n`;
  }
  return out;
}

function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** `3 files, 2 errors, 5 warnings` (information and hints only when there are some). */
export function summaryLine(files: number, by: FindingCounts): string {
  const parts = [count(files, 'file'), count(by.error, 'error'), count(by.warning, 'warning')];
  if (by.information > 0) parts.push(count(by.information, 'information', 'information'));
  if (by.hint > 0) parts.push(count(by.hint, 'hint'));
  let line = parts.join(', ');
  if (by.fixable > 0) line += ` (${by.fixable} fixable with --fix)`;
  return line;
}
