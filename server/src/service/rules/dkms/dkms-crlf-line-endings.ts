import { defineDkmsRule } from '../types';

export default defineDkmsRule({
  id: 'dkms-crlf-line-endings',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'The file has Windows (CRLF) line endings, which bash reads as part of the values',
  fixSafety: 'safe',
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
      message: `${count} line${count === 1 ? ' ends' : 's end'} with CRLF: bash keeps the carriage return in values and commands (dkms before 3.1 reads a module name "foo\\r"), so dkms fails in confusing ways`,
      fixes: [{ title: 'Convert the file to LF line endings', edits: [{ start: 0, end: text.length, newText: text.replace(/\r\n/g, '\n') }] }],
    });
  },
});
