import { defineSpecRule } from '../types';

/** U+00A0 looks like a space but is not one to rpm or the shell: `Requires:\u00a0foo` breaks. */
export default defineSpecRule({
  id: 'non-break-space',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'A non-breaking space (U+00A0) where a normal space was likely meant',
  fixSafety: 'safe',
  messages: {
    nonBreakingSpace: 'Non-breaking space (U+00A0): rpm and the shell do not treat it as a blank; use a normal space',
  },
  rpmlintId: 'non-break-space',
  check(ctx) {
    const { text } = ctx.doc;
    for (let i = text.indexOf('\u00a0'); i >= 0; i = text.indexOf('\u00a0', i + 1)) {
      ctx.report({
        start: i,
        end: i + 1,
        messageId: 'nonBreakingSpace',
        fixes: [{ title: 'Replace with a space', edits: [{ start: i, end: i + 1, newText: ' ' }] }],
      });
    }
  },
});
