// Merging external-tool diagnostics with ours: an rpmlint message that one of our rules also
// reports on the same line is dropped (ours has the better range and the fix).
import { isDuplicate } from './index';

/** What an external diagnostic carries in Diagnostic.data. */
export interface ExternalDiagnosticData {
  tool: string;
  /** Document version the fixes were computed for. */
  version: number;
  fixes: import('../../service/types').Fix[];
  duplicates?: string[];
  lineless?: boolean;
}

export function isExternalDiagnosticData(data: unknown): data is ExternalDiagnosticData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.tool === 'string' && typeof d.version === 'number' && Array.isArray(d.fixes);
}

interface Located {
  range: { start: { line: number } };
  data?: unknown;
}

/** `extra` without the diagnostics that duplicate one of `own` (our findings: rule id + range). */
export function withoutDuplicates<T extends Located>(own: readonly { rule: string; range: { start: { line: number } } }[], extra: readonly T[]): T[] {
  if (extra.length === 0) return [];
  const ownLines = own.map((o) => ({ rule: o.rule, line: o.range.start.line }));
  return extra.filter((d) => {
    const data = d.data;
    if (!isExternalDiagnosticData(data)) return true;
    return !isDuplicate({ duplicates: data.duplicates, lineless: data.lineless, range: d.range }, ownLines);
  });
}
