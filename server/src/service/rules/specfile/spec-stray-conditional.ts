import { SPEC_PARSE_MESSAGES } from '../../specfile/parseProblems';
import { reportSpecProblems } from '../problemRule';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'spec-stray-conditional',
  branches: true,
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'An %else, %elif or %endif has no open %if, or follows %else in the same block',
  fixSafety: 'none',
  messages: SPEC_PARSE_MESSAGES['spec-stray-conditional'],
  check: (ctx) => reportSpecProblems(ctx, 'spec-stray-conditional'),
});
