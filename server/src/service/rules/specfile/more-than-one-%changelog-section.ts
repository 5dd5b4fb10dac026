import { defineSpecRule } from '../types';

/** A second %changelog section: rpm keeps only the entries of the last one. */
export default defineSpecRule({
  id: 'more-than-one-%changelog-section',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: 'The spec has more than one %changelog section',
  fixSafety: 'none',
  messages: {
    second: 'A second %changelog section (the first is on line {{firstLine}}): merge the entries into one section',
  },
  rpmlintId: 'more-than-one-%changelog-section',
  check(ctx) {
    const logs = ctx.doc.sections.filter((s) => s.kind === 'changelog');
    for (const s of logs.slice(1)) {
      // Alternatives in different arms of one %if are fine: only one is read.
      if (s.conditionalPath !== 0 && s.conditionalPath !== logs[0].conditionalPath) continue;
      ctx.report({
        start: s.keywordSpan.start,
        end: s.keywordSpan.end,
        messageId: 'second', data: { firstLine: logs[0].headerLine + 1 },
        related: [{ start: logs[0].keywordSpan.start, end: logs[0].keywordSpan.end, message: 'first %changelog' }],
      });
    }
  },
});
