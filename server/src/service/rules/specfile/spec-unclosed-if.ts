import { PARSE_PROBLEM_MESSAGES, reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-unclosed-if',
  branches: true,
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'An %if, %ifarch or %ifos block has no matching %endif',
  fixSafety: 'none',
  messages: PARSE_PROBLEM_MESSAGES,
  check: (ctx) => reportSpecProblems(ctx, 'spec-unclosed-if'),
});
