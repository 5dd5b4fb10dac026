import { isRegeneratedSpec } from '../../specfile/generator';
import { refsInRange } from '../../specfile/query';
import { defineSpecRule } from '../types';

const MAX = 80;

/**
 * Summary longer than 80 characters: package managers show it on one line and cut it. Macros are
 * not expanded; only the literal text is counted, so a finding is certain.
 */
export default defineSpecRule({
  id: 'summary-too-long',
  category: 'style',
  defaultSeverity: 'information',
  description: `Summary is longer than ${MAX} characters`,
  fixSafety: 'none',
  messages: {
    tooLong: 'Summary is {{length}} characters long{{beforeExpansion}}: keep it at most {{max}} and move details to %description',
  },
  rpmlintId: 'summary-too-long',
  check(ctx) {
    const { doc } = ctx;
    // The tool wrote the summary from its input (crate description, TeX Live catalogue): fix it there.
    if (isRegeneratedSpec(doc)) return;
    for (const tag of doc.tags) {
      // Translations (`Summary(de)`) run longer than the English title and follow it.
      if (tag.key !== 'summary' || (tag.qualifier && tag.qualifier !== 'C')) continue;
      const { start, end } = tag.valueSpan;
      let literal = 0;
      let pos = start;
      for (const r of refsInRange(doc, start, end)) {
        if (r.depth !== 0) continue;
        if (r.start > pos) literal += [...doc.text.slice(pos, r.start)].length;
        if (r.form === 'escape') literal += 1;
        pos = Math.max(pos, r.end);
      }
      if (end > pos) literal += [...doc.text.slice(pos, end).trimEnd()].length;
      if (literal <= MAX) continue;
      ctx.report({
        start,
        end,
        messageId: 'tooLong', data: { length: literal, beforeExpansion: literal !== [...doc.text.slice(start, end)].length ? ' before macro expansion' : '', max: MAX },
      });
    }
  },
});
