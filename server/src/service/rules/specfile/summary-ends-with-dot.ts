import { isRegeneratedSpec } from '../../specfile/generator';
import { defineSpecRule } from '../types';

/** Abbreviations whose dot is part of the word, and ellipses, are fine. */
const ALLOWED_END = /(?:\.\.\.|…|\b(?:etc|Inc|Ltd|Co|Corp|al|vs|approx|e\.g|i\.e|Jr|Sr)\.)$/;

/** Summary is a title, not a sentence: rpmlint reports summary-ended-with-dot. */
export default defineSpecRule({
  id: 'summary-ends-with-dot',
  category: 'style',
  defaultSeverity: 'information',
  description: 'Summary ends with a dot',
  fixSafety: 'safe',
  messages: {
    endsWithDot: 'Summary ends with a dot: it is a title, not a sentence',
  },
  rpmlintId: 'summary-ended-with-dot',
  check(ctx) {
    const { doc } = ctx;
    // The tool wrote the summary from its input (crate description, TeX Live catalogue): fix it there.
    if (isRegeneratedSpec(doc)) return;
    for (const tag of doc.tags) {
      if (tag.key !== 'summary') continue;
      const value = doc.text.slice(tag.valueSpan.start, tag.valueSpan.end).trimEnd();
      if (!value.endsWith('.') || ALLOWED_END.test(value)) continue;
      // A macro or placeholder right before the dot may itself end a sentence: skip `%{x}.`? no, that dot is still literal.
      const dot = tag.valueSpan.start + value.length - 1;
      ctx.report({
        start: dot,
        end: dot + 1,
        messageId: 'endsWithDot',
        fixes: [{ title: 'Remove the dot', edits: [{ start: dot, end: dot + 1, newText: '' }] }],
      });
    }
  },
});
