import { changelogEntries } from '../../specfile/changelog';
import { defineSpecRule } from '../types';

/**
 * rpm wants %changelog entries newest first and prints "%changelog not in descending
 * chronological order" otherwise (an error in rpm's log; tools that read the changelog, like
 * `rpm -q --changelog`, show the entries out of order).
 */
export default defineSpecRule({
  id: 'changelog-date-order',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: '%changelog entries are not in descending date order (newest first)',
  fixSafety: 'none',
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
        message: `This entry (${cur.dateText}) is newer than the one above it (${prev.dateText}): rpm wants %changelog newest first`,
        related: [{ start: prev.dateSpan!.start, end: prev.dateSpan!.end, message: 'the older entry above' }],
      });
    }
  },
});
