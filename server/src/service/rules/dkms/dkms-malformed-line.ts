import { DKMS_PARSE_MESSAGES } from '../../dkms/parseProblems';
import { reportDkmsProblems } from '../problemRule';
import { defineDkmsRule } from '../types';

export default defineDkmsRule({
  id: 'dkms-malformed-line',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A line bash cannot read as intended: unclosed quotes, arrays or blocks, broken indices, spaces around =',
  fixSafety: 'none',
  messages: DKMS_PARSE_MESSAGES,
  check: (ctx) => reportDkmsProblems(ctx, 'dkms-malformed-line'),
});
