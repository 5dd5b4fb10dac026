import { defineSpecRule } from '../types';

/**
 * A spec that starts with a UTF-8 byte-order mark: rpm reads the BOM as part of the first line and
 * stops (`error: line 1: Unknown tag: \ufeffName: …`, checked with rpm 4.18), whatever that line
 * is. Specwright's parser skips the BOM, so without this rule the file looked fine.
 */
export default defineSpecRule({
  id: 'spec-byte-order-mark',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'The spec starts with a byte-order mark, which rpm rejects',
  fixSafety: 'safe',
  messages: {
    byteOrderMark: 'The file starts with a UTF-8 byte-order mark: rpm reads it as part of line 1 and stops with "Unknown tag". Save the file as UTF-8 without BOM',
  },
  check(ctx) {
    if (ctx.doc.text.charCodeAt(0) !== 0xfeff) return;
    ctx.report({
      start: 0,
      end: 1,
      messageId: 'byteOrderMark',
      fixes: [{ title: 'Remove the byte-order mark', edits: [{ start: 0, end: 1, newText: '' }] }],
    });
  },
});
