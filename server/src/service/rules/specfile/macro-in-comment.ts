import { defineSpecRule } from '../types';
import { macrosInComments } from './_macrosInComments';

/**
 * A multi-line expansion in a `#` comment (`# %configure`, `#%setup -q` in %prep on rpm ≥ 4.19):
 * the `#` comments out its first line only, the rest runs. `%(…)` and Lua in comments are
 * comment-runs-code's (off by default: almost always a harmless leftover such as
 * `#global shortcommit %(c=%{commit}; echo ${c:0:7})`). What counts as a comment and which macros
 * are left alone: see macrosInComments.
 */
export default defineSpecRule({
  id: 'macro-in-comment',
  category: 'macros',
  defaultSeverity: 'warning',
  description: 'A multi-line macro inside a # comment is still expanded, and only its first line is commented out: write %% for a literal %',
  fixSafety: 'safe',
  messages: {
    expandedInComment: "'{{shown}}' in a comment is still expanded by rpm, and the # comments out only the first line of its expansion: write '%{{shown}}' (or use %dnl) to keep it as text",
  },
  rpmlintId: 'macro-in-comment',
  check(ctx) {
    for (const m of macrosInComments(ctx)) {
      if (m.kind !== 'multiLine') continue;
      ctx.report({
        start: m.start,
        end: m.end,
        messageId: 'expandedInComment', data: { shown: m.shown },
        fixes: [{ title: 'Escape as %%', edits: [{ start: m.start, end: m.start, newText: '%' }] }],
      });
    }
  },
});
