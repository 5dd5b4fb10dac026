import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

const DEFAULT = /^\s*%defattr\(\s*-\s*,\s*root\s*,\s*root\s*(?:,\s*-\s*)?\)\s*$/;

/**
 * `%defattr(-,root,root,-)` and `%defattr(-,root,root)` restate rpm's default (since rpm 4.4):
 * files keep the mode from the build root and belong to root. Other attributes are not reported.
 */
export default defineSpecRule({
  id: 'redundant-defattr',
  category: 'style',
  defaultSeverity: 'information',
  description: '%defattr(-,root,root,-) restates rpm\'s default and can be removed',
  fixSafety: 'safe',
  messages: {
    defaultDefattr: "{{text}} is rpm's default: the line can be removed",
  },
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    for (const r of doc.macroReferences) {
      if (r.name !== 'defattr' || r.depth !== 0 || r.form !== 'plain') continue;
      const line = doc.lines.lineOf(r.start);
      const section = doc.sections[doc.lineSection[line]];
      if (!section || section.kind !== 'files') continue;
      const text = doc.lines.lineText(line);
      if (!DEFAULT.test(text)) continue;
      const start = doc.lines.lineStarts[line] + text.indexOf('%defattr');
      ctx.report({
        start,
        end: start + text.trim().length,
        messageId: 'defaultDefattr', data: { text: text.trim() },
        fixes: [{ title: 'Remove the %defattr line', edits: [deleteLines(doc, line)] }],
      });
    }
  },
});
