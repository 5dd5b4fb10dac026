import { PARSE_PROBLEM_MESSAGES, reportDkmsProblems } from '../problemRule';
import { defineDkmsRule } from '../types';

export default defineDkmsRule({
  id: 'dkms-malformed-line',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A line bash cannot read as intended: unclosed quotes, arrays or blocks, broken indices, spaces around =',
  fixSafety: 'none',
  messages: PARSE_PROBLEM_MESSAGES,
  check: (ctx) => reportDkmsProblems(ctx, 'dkms-malformed-line'),
});
