import { SPEC_PARSE_MESSAGES } from '../../specfile/parseProblems';
import { reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-unclosed-macro',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A %{, %( or %[ is never closed, so rpm joins the following lines into it',
  fixSafety: 'none',
  messages: SPEC_PARSE_MESSAGES['spec-unclosed-macro'],
  check: (ctx) => reportSpecProblems(ctx, 'spec-unclosed-macro'),
});
