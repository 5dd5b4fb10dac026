import { changelogEntries } from '../../specfile/changelog';
import { defineSpecRule } from '../types';

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
    const entries = changelogEntries(ctx.doc).filter((e) => e.date && e.dateSpan);
    for (let k = 1; k < entries.length; k++) {
      const prev = entries[k - 1];
      const cur = entries[k];
      // Compare calendar days: rpm ignores the time of day for the order check in older versions.
      const day = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      if (day(cur.date!) <= day(prev.date!)) continue;
      ctx.report({
        start: cur.dateSpan!.start,
        end: cur.dateSpan!.end,
        messageId: 'notDescending', data: { newer: cur.dateText ?? '', older: prev.dateText ?? '' },
        related: [{ start: prev.dateSpan!.start, end: prev.dateSpan!.end, message: 'the older entry above' }],
      });
    }
  },
});
