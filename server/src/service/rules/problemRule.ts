// Parse-level problems are owned by rules, so they are configurable and suppressible like any
// finding. These helpers turn the parser's problem list into a rule's reports.
import type { ParseProblem } from '../specfile/ast';
import type { DkmsRuleContext, SpecRuleContext } from './types';

export function reportSpecProblems(ctx: SpecRuleContext, rule: string, keep?: (problem: ParseProblem) => boolean): void {
  for (const p of ctx.doc.problems) if (p.rule === rule && (!keep || keep(p))) ctx.report({ start: p.start, end: p.end, message: p.message });
}

export function reportDkmsProblems(ctx: DkmsRuleContext, rule: string): void {
  for (const p of ctx.doc.problems) if (p.rule === rule) ctx.report({ start: p.start, end: p.end, message: p.message });
}
