import { changelogEntries } from '../../specfile/changelog';
import { weekdayOf } from '../../specfile/parser';
import { defineSpecRule } from '../types';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** `* Wed Jan 01 2023 …` where Jan 1 2023 was a Sunday: rpm warns "bogus date in %changelog". */
export default defineSpecRule({
  id: 'changelog-wrong-weekday',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: 'The weekday of a %changelog entry does not match its date',
  fixSafety: 'safe',
  messages: {
    wrongWeekday: '{{date}} is a {{right}}, not a {{weekday}} (rpm warns "bogus date in %changelog")',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const e of changelogEntries(doc)) {
      if (e.time === undefined || !e.dateSpan || !e.weekday) continue;
      // Names rpm does not know at all are changelog-invalid-header's.
      if (!WEEKDAYS.includes(e.weekday)) continue;
      const right = weekdayOf(e.time);
      if (e.weekday === right) continue;
      const start = e.dateSpan.start;
      ctx.report({
        start,
        end: start + e.weekday.length,
        messageId: 'wrongWeekday', data: { date: e.dateText ?? '', right, weekday: e.weekday },
        fixes: [{ title: `Change the weekday to ${right}`, edits: [{ start, end: start + e.weekday.length, newText: right }] }],
      });
    }
  },
});
