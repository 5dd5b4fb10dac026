// `file:line:col: severity: message [rule-id]`, 1-based line and column (UTF-16 units).
import type { FileResult } from './lintCommand';

export function formatText(results: readonly FileResult[]): string {
  let out = '';
  for (const r of results) {
    for (const f of r.findings) {
      out += `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.rule}]\n`;
    }
  }
  return out;
}

function count(n: number, word: string, plural = `${word}s`): string {
  return `${n} ${n === 1 ? word : plural}`;
}

/** `3 files, 2 errors, 5 warnings` (information and hints only when there are some). */
export function summaryLine(results: readonly FileResult[]): string {
  const by = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    for (const f of r.findings) {
      by[f.severity]++;
      if (f.fixes.some((x) => x.safety === 'safe')) fixable++;
    }
  }
  const parts = [count(results.length, 'file'), count(by.error, 'error'), count(by.warning, 'warning')];
  if (by.information > 0) parts.push(count(by.information, 'information', 'information'));
  if (by.hint > 0) parts.push(count(by.hint, 'hint'));
  let line = parts.join(', ');
  if (fixable > 0) line += ` (${fixable} fixable with --fix)`;
  return line;
}
