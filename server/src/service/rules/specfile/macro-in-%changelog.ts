import { isExpandedInText } from '../../specfile/macroText';
import { refsInRange } from '../../specfile/query';
import { defineSpecRule } from '../types';

/**
 * A macro in %changelog text is expanded when the package is built, so the entry records the
 * value at build time, not what was written. `%%`, `%autochangelog` and section names written as
 * words (`fixed the %post script`) are not reported.
 */
export default defineSpecRule({
  id: 'macro-in-%changelog',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: 'A macro in %changelog is expanded at build time: write %% for a literal %',
  fixSafety: 'safe',
  rpmlintId: 'macro-in-%changelog',
  check(ctx) {
    const { doc } = ctx;
    for (const s of doc.sections) {
      if (s.kind !== 'changelog') continue;
      for (const r of refsInRange(doc, s.body.start, s.body.end)) {
        if (r.depth !== 0 || !isExpandedInText(r) || r.name === 'autochangelog') continue;
        const kind = doc.lineKinds[doc.lines.lineOf(r.start)];
        if (kind === 'conditional' || kind === 'definition' || kind === 'include') continue;
        const shown = doc.text.slice(r.start, Math.min(r.end, doc.lines.lineEnd(doc.lines.lineOf(r.start))));
        ctx.report({
          start: r.start,
          end: r.end,
          message: `'${shown}' in %changelog is expanded at build time: write '%${shown}' to keep it as text`,
          fixes: [{ title: 'Escape as %%', edits: [{ start: r.start, end: r.start, newText: '%' }] }],
        });
      }
    }
  },
});
