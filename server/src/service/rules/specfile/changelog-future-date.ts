import { changelogEntries } from '../../specfile/changelog';
import { currentTime } from '../../specfile/clock';
import { defineSpecRule } from '../types';

/** A day of slack: the entry may be written in a time zone ahead of the checking machine. */
const SLACK_MS = 36 * 60 * 60 * 1000;

/** A %changelog entry dated in the future: usually a typo in the year or month. */
export default defineSpecRule({
  id: 'changelog-future-date',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: 'A %changelog entry is dated in the future',
  fixSafety: 'none',
  messages: {
    futureDate: '{{date}} is in the future: check the year and month',
  },
  check(ctx) {
    const now = currentTime();
    for (const e of changelogEntries(ctx.doc)) {
      if (e.time === undefined || !e.dateSpan) continue;
      if (e.time <= now + SLACK_MS) continue;
      ctx.report({
        start: e.dateSpan.start,
        end: e.dateSpan.end,
        messageId: 'futureDate', data: { date: e.dateText ?? '' },
      });
    }
  },
});
