// Parse-level problems are owned by rules, so they are configurable and suppressible like any
// finding. These helpers turn the parser's problem list into a rule's reports. The parsers word
// the problems (specfile/parseProblems.ts, dkms/parseProblems.ts): the owning rule declares those
// messages as its own, so the message id and data pass through unchanged.
import type { ParseProblem } from '../specfile/ast';
import type { DkmsRuleContext, SpecRuleContext } from './types';

export function reportSpecProblems(ctx: SpecRuleContext, rule: string, keep?: (problem: ParseProblem) => boolean): void {
  for (const p of ctx.doc.problems) if (p.rule === rule && (!keep || keep(p))) ctx.report({ start: p.start, end: p.end, messageId: p.messageId, data: p.data });
}

export function reportDkmsProblems(ctx: DkmsRuleContext, rule: string): void {
  for (const p of ctx.doc.problems) if (p.rule === rule) ctx.report({ start: p.start, end: p.end, messageId: p.messageId, data: p.data });
}
