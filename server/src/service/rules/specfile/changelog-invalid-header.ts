import { changelogEntries } from '../../specfile/changelog';
import { defineSpecRule } from '../types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A `* …` line in %changelog whose date rpm cannot read: rpm 4.18 prints "error: bad date in
 * %changelog" and leaves that entry and every one below it out of the package; the build goes on
 * (rpmbuild exits 0), so this is a warning, not an error (checked against rpm in
 * test/oracle/rule-messages.test.ts). A `* item` line that is the first text line of an entry is
 * that entry's text for rpm, not a header (the model knows). Headers built from macros or template
 * placeholders (`@DATE@`, `PACKAGE_DATE`) are not checked.
 */
export default defineSpecRule({
  id: 'changelog-invalid-header',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: 'A %changelog entry header does not start with a date rpm can read (* Www Mmm DD YYYY)',
  fixSafety: 'none',
  messages: {
    unreadableDate: 'rpm cannot read the date of this %changelog entry ({{why}}): it reports "bad date in %changelog" and leaves this entry and every one below it out of the package',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const e of changelogEntries(doc)) {
      if (e.time !== undefined && e.weekday && WEEKDAYS.includes(e.weekday)) continue;
      const header = doc.text.slice(e.header.start, e.header.end);
      if (header.includes('%') || /@[A-Za-z_][A-Za-z0-9_]*@/.test(header)) continue;
      // A build-time placeholder in place of the date (`* PACKAGE_DATE …` in a .spec.in).
      if (/^\*\s+[A-Z][A-Z0-9_]{3,}(?:\s|$)/.test(header)) continue;
      // rpm reads the date word by word: weekday, month, day, [H:M:S zone,] year
      const words = header.replace(/^\*\s*/, '').split(/\s+/);
      const [weekday, month] = words;
      const timed = /^\d{1,2}:/.test(words[3] ?? '');
      const year = words[timed ? 5 : 3];
      let why = 'expected "* Www Mmm DD YYYY Name <email> - version-release"';
      if (weekday && !WEEKDAYS.includes(weekday)) why = `"${weekday}" is not a weekday rpm knows (${WEEKDAYS.join(' ')})`;
      else if (month && !MONTHS.includes(month)) why = `"${month}" is not a month rpm knows (${MONTHS.join(' ')})`;
      else if (e.dateText && /^(?:199\d|2\d\d\d)$/.test(year ?? '')) why = `${e.dateText} is not a calendar date`;
      else if (year && /^\d+$/.test(year)) why = `rpm reads the years 1990 to 2999 only, not ${year}`;
      else if (timed) why = 'a time of day is read as "HH:MM:SS ZONE YYYY"';
      const end = e.dateSpan ? e.dateSpan.end : e.header.end;
      ctx.report({ start: e.header.start, end, messageId: 'unreadableDate', data: { why } });
    }
  },
});
