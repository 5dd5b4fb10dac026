import { PARSE_PROBLEM_MESSAGES, reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-unclosed-macro',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A %{, %( or %[ is never closed, so rpm joins the following lines into it',
  fixSafety: 'none',
  messages: PARSE_PROBLEM_MESSAGES,
  check: (ctx) => reportSpecProblems(ctx, 'spec-unclosed-macro'),
});
