// The problems the dkms.conf parser reports (all owned by dkms-malformed-line), by message id.
// This is the one text of each message: the rule declares these as its `messages`.
import { renderMessage, type MessageData } from '../text/messages';
import type { DkmsProblem } from './ast';

export const DKMS_PARSE_MESSAGES = {
  unclosedBlock: '`{{keyword}}` is never closed by `{{closer}}`: bash stops with a syntax error, so dkms cannot read the file',
  strayKeyword: '`{{keyword}}` without a matching opening keyword: bash stops with a syntax error, so dkms cannot read the file',
  unclosedIndex: 'Malformed assignment: the index of {{name}}[ is not closed with ]',
  spacesAroundEquals: "Spaces around '=' make bash run {{name}} as a command instead of assigning it; write {{name}}=value",
  unclosedArray: 'Array value is never closed with `)`',
  unexpectedInArray: "Unexpected '{{character}}' inside an array value",
  unclosedConstruct: 'Unclosed {{what}}: the rest of the file is swallowed by it',
  unclosedHereDocument: "Here-document is never closed by a line '{{delimiter}}'",
} as const;

export type DkmsParseMessageId = keyof typeof DKMS_PARSE_MESSAGES;

export function dkmsProblem(messageId: DkmsParseMessageId, start: number, end: number, data?: MessageData): DkmsProblem {
  return { rule: 'dkms-malformed-line', start, end, messageId, ...(data ? { data } : {}), message: renderMessage(DKMS_PARSE_MESSAGES[messageId], data) };
}
