import { DKMS_RULES } from './dkms/index';
import { SPEC_RULES } from './specfile/index';
import type { Rule } from './types';

/** Every rule, sorted by id. */
export const ALL_RULES: readonly Rule[] = [...SPEC_RULES, ...DKMS_RULES].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map<string, Rule>(ALL_RULES.map((r) => [r.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Where a rule's documentation lives; used as the diagnostic's codeDescription. */
export const RULE_DOCS_BASE = 'https://github.com/specwright/specwright/blob/main/docs/rules/';

export function ruleDocUrl(id: string): string {
  // Percent-encoded: ten ids start with `%`, and a raw `%au` is an invalid escape in a URL.
  return `${RULE_DOCS_BASE}${encodeURIComponent(id)}.md`;
}
