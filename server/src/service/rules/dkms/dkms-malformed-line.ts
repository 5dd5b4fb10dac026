import { defineDkmsRule } from '../types';

export default defineDkmsRule({
  id: 'dkms-malformed-line',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A line bash cannot read as intended: unclosed quotes, arrays or blocks, broken indices, spaces around =',
  fixSafety: 'none',
  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (p.rule !== 'dkms-malformed-line') continue;
      ctx.report({ start: p.start, end: p.end, message: p.message });
    }
  },
});
