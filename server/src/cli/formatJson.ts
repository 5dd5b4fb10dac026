// One JSON array: per file, its language and diagnostics with 0-based LSP ranges.
import type { FileResult } from './lintCommand';

export function formatJson(results: readonly FileResult[], fix: boolean): string {
  return JSON.stringify(
    results.map((r) => ({
      file: r.file,
      language: r.languageId,
      ...(fix ? { fixed: r.fixed ?? 0 } : {}),
      diagnostics: r.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        range: f.range,
        fixes: f.fixes.map((x) => ({ title: x.title, safety: x.safety, edits: x.edits })),
        ...(f.tags ? { tags: f.tags } : {}),
        ...(f.related ? { related: f.related } : {}),
      })),
      ...(r.ruleErrors.length > 0 ? { ruleErrors: r.ruleErrors } : {}),
    })),
    null,
    2,
  );
}
