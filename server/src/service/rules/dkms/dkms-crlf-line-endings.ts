import { defineDkmsRule } from '../types';

export default defineDkmsRule({
  id: 'dkms-crlf-line-endings',
  category: 'syntax',
  defaultSeverity: 'warning',
  description: 'The file has Windows (CRLF) line endings, which bash reads as part of the values',
  fixSafety: 'safe',
  messages: {
    crlfLines: '{{count}} line{{ends}} with CRLF: bash keeps the carriage return in values and commands; dkms 3.0 registers the module under a name and version that end in "\\r" (a source folder "name\\r-1.0\\r"), dkms 3.1.5 and later strip it from directive values but shell code in the file still breaks',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (!doc.hasCrlf) return;
    const text = doc.text;
    const first = text.indexOf('\r\n');
    let count = 0;
    for (let i = first; i >= 0; i = text.indexOf('\r\n', i + 2)) count++;
    const line = doc.lines.lineOf(first);
    ctx.report({
      start: doc.lines.lineStarts[line],
      end: first,
      messageId: 'crlfLines', data: { count, ends: count === 1 ? ' ends' : 's end' },
      fixes: [{ title: 'Convert the file to LF line endings', edits: [{ start: 0, end: text.length, newText: text.replace(/\r\n/g, '\n') }] }],
    });
  },
});
