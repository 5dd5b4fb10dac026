import { PARSE_PROBLEM_MESSAGES, reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-stray-conditional',
  branches: true,
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'An %else, %elif or %endif has no open %if, or follows %else in the same block',
  fixSafety: 'none',
  messages: PARSE_PROBLEM_MESSAGES,
  check: (ctx) => reportSpecProblems(ctx, 'spec-stray-conditional'),
});
