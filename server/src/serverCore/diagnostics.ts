// Finding (service) → Diagnostic (LSP).
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { ruleDocUrl } from '../service/rules/registry';
import { plainMessage } from '../service/text/plainText';
import type { Finding, Fix, Severity } from '../service/types';

export const DIAGNOSTIC_SOURCE = 'specwright';

/** What a code action needs from a diagnostic, carried in Diagnostic.data. */
export interface DiagnosticData {
  rule: string;
  /** The rule's message id (see RuleMeta.messages), for clients and tests that match on it. */
  messageId?: string;
  /** Document version the fixes were computed for. */
  version: number;
  fixes: Fix[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string, version: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: ruleDocUrl(finding.rule) },
    source: DIAGNOSTIC_SOURCE,
    // Plain text: the Problems panel shows backticks literally.
    message: plainMessage(finding.message),
    data: { rule: finding.rule, ...(finding.messageId ? { messageId: finding.messageId } : {}), version, fixes: finding.fixes } satisfies DiagnosticData,
  };
  if (finding.tags && finding.tags.length > 0) {
    diagnostic.tags = finding.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  }
  if (finding.related && finding.related.length > 0) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: plainMessage(r.message) }));
  }
  return diagnostic;
}

export function isDiagnosticData(data: unknown): data is DiagnosticData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.rule === 'string' && typeof d.version === 'number' && Array.isArray(d.fixes);
}
