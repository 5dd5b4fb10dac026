import { SPEC_PARSE_MESSAGES } from '../../specfile/parseProblems';
import { reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-unclosed-if',
  branches: true,
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'An %if, %ifarch or %ifos block has no matching %endif',
  fixSafety: 'none',
  messages: SPEC_PARSE_MESSAGES['spec-unclosed-if'],
  check: (ctx) => reportSpecProblems(ctx, 'spec-unclosed-if'),
});
