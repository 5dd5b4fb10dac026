// The problems the spec parser reports, by rule and message id. This is the one text of each
// message: the rule that owns the problem declares these as its `messages`.
import { renderMessage, type MessageData } from '../text/messages';
import type { ParseProblem } from './ast';

export const SPEC_PARSE_MESSAGES = {
  'spec-unclosed-macro': { unclosed: "'{{opener}}' is never closed: add '{{closer}}'" },
  'spec-unknown-tag': { notATag: 'This line is neither a tag (Name: value), a macro, a comment nor a section header' },
  'spec-unclosed-if': { noEndif: "'%{{keyword}}' has no matching '%endif'" },
  'spec-stray-conditional': {
    withoutIf: "'%{{keyword}}' without a matching '%if'",
    afterElse: "'%{{keyword}}' after '%else' in the same block",
  },
  'spec-malformed-definition': {
    noName: "'%{{keyword}}' needs a macro name",
    noBody: "'%{{keyword}} {{name}}' has no body",
  },
} as const;

type SpecParseMessages = typeof SPEC_PARSE_MESSAGES;

export function specProblem<Rule extends keyof SpecParseMessages>(
  rule: Rule,
  messageId: keyof SpecParseMessages[Rule] & string,
  start: number,
  end: number,
  data?: MessageData,
): ParseProblem {
  const template = (SPEC_PARSE_MESSAGES[rule] as Record<string, string>)[messageId];
  return { rule, start, end, messageId, ...(data ? { data } : {}), message: renderMessage(template, data) };
}
