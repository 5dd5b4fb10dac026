import type { ChangelogEntry } from '../../specfile/ast';
import { changelogEntries } from '../../specfile/changelog';
import { defineSpecRule } from '../types';

const DAY_MS = 86_400_000;

/**
 * `Date.UTC(year, month, day)` of the UTC calendar day of a time (ChangelogEntry.time): the time
 * less its remainder in days (the parser sets times in 1990–2999 only, after 1970 and past
 * Date.UTC's two-digit years). Date's three getters per entry were most of this rule's time.
 */
function dayOf(t: number): number {
  return t - (t % DAY_MS);
}

/**
 * rpm wants %changelog entries newest first. For an entry newer than the one above it, rpm 4.18
 * prints "error: %changelog not in descending chronological order" and leaves that entry and
 * every one below it out of the package; the build goes on (checked against rpm in
 * test/oracle/rule-messages.test.ts).
 */
export default defineSpecRule({
  id: 'changelog-date-order',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: '%changelog entries are not in descending date order (newest first)',
  fixSafety: 'none',
  messages: {
    notDescending: 'This entry ({{newer}}) is newer than the one above it ({{older}}): rpm reports "%changelog not in descending chronological order" and leaves this entry and the ones below it out of the package',
  },
  check(ctx) {
    // One pass, each entry's day worked out once (specs carry hundreds of entries).
    let prev: ChangelogEntry | undefined;
    let prevDay = 0;
    for (const cur of changelogEntries(ctx.doc)) {
      if (cur.time === undefined || !cur.dateSpan) continue;
      // Compare calendar days: rpm ignores the time of day for the order check in older versions.
      const curDay = dayOf(cur.time);
      const older = prev;
      const olderDay = prevDay;
      prev = cur;
      prevDay = curDay;
      if (!older || curDay <= olderDay) continue;
      ctx.report({
        start: cur.dateSpan.start,
        end: cur.dateSpan.end,
        messageId: 'notDescending', data: { newer: cur.dateText ?? '', older: older.dateText ?? '' },
        related: [{ start: older.dateSpan!.start, end: older.dateSpan!.end, message: 'the older entry above' }],
      });
    }
  },
});
