import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

const DEFAULT = /^\s*%defattr\(\s*-\s*,\s*root\s*,\s*root\s*(?:,\s*-\s*)?\)\s*$/;

/**
 * `%defattr(-,root,root,-)` and `%defattr(-,root,root)` restate rpm's default (since rpm 4.4):
 * files keep the mode from the build root and belong to root. Other attributes are not reported,
 * nor a default one that undoes an earlier %defattr of the same %files section.
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
    // Per %files section: whether the attributes in force are still rpm's default. A default
    // %defattr after another one (exim: %defattr(-,exim,exim) … %defattr(-,root,root)) resets
    // the owner for what follows, so it is not redundant.
    const inForceIsDefault = new Map<number, boolean>();
    for (const r of doc.macroReferences) {
      if (r.name !== 'defattr' || r.depth !== 0 || r.form !== 'plain') continue;
      const line = doc.lines.lineOf(r.start);
      const section = doc.sections[doc.lineSection[line]];
      if (!section || section.kind !== 'files') continue;
      const text = doc.lines.lineText(line);
      const isDefault = DEFAULT.test(text);
      const before = inForceIsDefault.get(doc.lineSection[line]) ?? true;
      inForceIsDefault.set(doc.lineSection[line], isDefault);
      if (!isDefault || !before) continue;
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
