import { SPEC_PARSE_MESSAGES } from '../../specfile/parseProblems';
import { reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-malformed-definition',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A %define or %global without a macro name or without a body',
  fixSafety: 'none',
  messages: SPEC_PARSE_MESSAGES['spec-malformed-definition'],
  check: (ctx) => reportSpecProblems(ctx, 'spec-malformed-definition'),
});
