// Parse-level problems are owned by rules, so they are configurable and suppressible like any
// finding. These helpers turn the parser's problem list into a rule's reports. The parser words
// these messages (it knows what it could not read), so the rule's one message passes its text on.
import type { ParseProblem } from '../specfile/ast';
import type { DkmsRuleContext, SpecRuleContext } from './types';

/** The `messages` of a rule whose findings are parse problems. */
export const PARSE_PROBLEM_MESSAGES = { parseProblem: '{{message}}' } as const;

export function reportSpecProblems(ctx: SpecRuleContext<'parseProblem'>, rule: string, keep?: (problem: ParseProblem) => boolean): void {
  for (const p of ctx.doc.problems) if (p.rule === rule && (!keep || keep(p))) ctx.report({ start: p.start, end: p.end, messageId: 'parseProblem', data: { message: p.message } });
}

export function reportDkmsProblems(ctx: DkmsRuleContext<'parseProblem'>, rule: string): void {
  for (const p of ctx.doc.problems) if (p.rule === rule) ctx.report({ start: p.start, end: p.end, messageId: 'parseProblem', data: { message: p.message } });
}
