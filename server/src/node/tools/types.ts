// What the tool adapters produce: findings in spec positions, independent of LSP and CLI.
import type { Fix, Range, Severity } from '../../service/types';

export type ToolName = 'rpmlint' | 'shellcheck' | 'rpmspec';
export const TOOL_NAMES: readonly ToolName[] = ['rpmlint', 'shellcheck', 'rpmspec'];

export interface ToolFinding {
  tool: ToolName;
  /** The tool's own id: rpmlint id (`no-documentation`), `SC2086`, `error`/`warning` for rpmspec. */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  /** The check's documentation, when the tool has a page per check (shellcheck's wiki). */
  href?: string;
  /** Specwright rules that check the same thing (rpmlintId): ours win on the same line. */
  duplicates?: string[];
  /** The tool gave no line: a duplicate is any finding of those rules, wherever it is. */
  lineless?: boolean;
  tags?: ('unnecessary' | 'deprecated')[];
}

/** In ToolFinding.duplicates: any error of ours (on the same line, or anywhere for a line-less finding) makes it redundant. */
export const ANY_OWN_ERROR = '*error';

/** One tool run on one file. */
export interface ToolReport {
  tool: ToolName;
  findings: ToolFinding[];
  /** Messages left out because Specwright's own rule is the authority on them (rpmlint ids it implements or contradicts). */
  superseded?: number;
  /** Why the tool produced no (complete) result. */
  problem?: { kind: 'not-found' | 'refused' | 'failed' | 'timeout' | 'truncated' | 'cancelled'; message: string };
}

/** Rule id in the CLI's outputs (text, json, sarif): `<tool>/<code>`, e.g. `rpmlint/no-documentation`, `shellcheck/SC2086`. */
export function cliRuleId(f: Pick<ToolFinding, 'tool' | 'code'>): string {
  return `${f.tool}/${f.code}`;
}
