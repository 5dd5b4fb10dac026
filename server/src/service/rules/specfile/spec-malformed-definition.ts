import { PARSE_PROBLEM_MESSAGES, reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-malformed-definition',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A %define or %global without a macro name or without a body',
  fixSafety: 'none',
  messages: PARSE_PROBLEM_MESSAGES,
  check: (ctx) => reportSpecProblems(ctx, 'spec-malformed-definition'),
});
