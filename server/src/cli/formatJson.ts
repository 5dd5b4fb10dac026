// One JSON array: per file, its language and diagnostics with 0-based LSP ranges.
// Written one element at a time (see output.ts), so the document is valid at the end of a
// stream of any length without holding it in memory.
import type { FileResult } from './lintCommand';

function jsonEntry(r: FileResult, fix: boolean) {
  return {
    file: r.file,
    language: r.languageId,
    ...(fix ? { fixed: r.fixed ?? 0 } : {}),
    diagnostics: r.findings.map((f) => ({
      rule: f.rule,
      ...(f.messageId ? { messageId: f.messageId } : {}),
      severity: f.severity,
      message: f.message,
      range: f.range,
      fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety, edits: x.edits })),
      ...(f.tags ? { tags: f.tags } : {}),
      ...(f.related ? { related: f.related } : {}),
    })),
    ...(r.ruleErrors.length > 0 ? { ruleErrors: r.ruleErrors } : {}),
  };
}

/** `value` pretty-printed as it would be `depth` levels deep in a JSON.stringify(…, null, 2) document. */
export function indentedJson(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/g, `\n${pad}`);
}

/** One element of the array, as JSON.stringify(array, null, 2) would print it. */
export function formatJsonFile(r: FileResult, fix: boolean): string {
  // Most files of a large run have nothing to report: their element written directly (the same
  // text; stringifying and re-indenting it was ~1% of a Fedora-corpus lint).
  if (r.findings.length === 0 && r.ruleErrors.length === 0 && !fix) {
    return `  {\n    "file": ${JSON.stringify(r.file)},\n    "language": ${JSON.stringify(r.languageId)},\n    "diagnostics": []\n  }`;
  }
  return indentedJson(jsonEntry(r, fix), 1);
}
