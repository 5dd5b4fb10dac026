import { changelogEntries } from '../../specfile/changelog';
import { defineSpecRule } from '../types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A `* …` line in %changelog whose date rpm cannot read: rpm 4.18 prints "error: bad date in
 * %changelog" and leaves that entry and every one below it out of the package; the build goes on
 * (checked against rpm in test/oracle/rule-messages.test.ts). Headers built from macros or template placeholders (`@DATE@`, `PACKAGE_DATE`) are
 * not checked.
 */
export default defineSpecRule({
  id: 'changelog-invalid-header',
  category: 'changelog',
  defaultSeverity: 'error',
  description: 'A %changelog entry header does not start with a date rpm can read (* Www Mmm DD YYYY)',
  fixSafety: 'none',
  messages: {
    unreadableDate: 'rpm cannot read the date of this %changelog entry: {{why}}',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const e of changelogEntries(doc)) {
      if (e.date && e.weekday && WEEKDAYS.includes(e.weekday)) continue;
      const header = doc.text.slice(e.header.start, e.header.end);
      if (header.includes('%') || /@[A-Za-z_][A-Za-z0-9_]*@/.test(header)) continue;
      // A build-time placeholder in place of the date (`* PACKAGE_DATE …` in a .spec.in).
      if (/^\*\s+[A-Z][A-Z0-9_]{3,}(?:\s|$)/.test(header)) continue;
      let why = 'expected "* Www Mmm DD YYYY Name <email> - version-release"';
      if (e.dateText) {
        const [weekday, month] = e.dateText.split(/\s+/);
        if (!WEEKDAYS.includes(weekday)) why = `"${weekday}" is not a weekday rpm knows (${WEEKDAYS.join(' ')})`;
        else if (!MONTHS.includes(month)) why = `"${month}" is not a month rpm knows (${MONTHS.join(' ')})`;
        else why = `${e.dateText} is not a calendar date`;
      }
      const end = e.dateSpan ? e.dateSpan.end : e.header.end;
      ctx.report({ start: e.header.start, end, messageId: 'unreadableDate', data: { why } });
    }
  },
});
