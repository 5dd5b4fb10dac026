import { defineSpecRule } from '../types';

// Control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

/**
 * A control character in a dependency tag or in %changelog: it ends up in the package header,
 * where it breaks XML repository metadata. rpmlint checks Requires/Provides/Obsoletes/Conflicts
 * (only their first token) and %changelog; this rule checks every dependency tag's whole value.
 */
export default defineSpecRule({
  id: 'forbidden-controlchar-found',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'A control character in a dependency tag or in %changelog',
  fixSafety: 'safe',
  messages: {
    controlCharacter: 'Control character U+{{code}} in {{where}}: it is invisible and breaks repository metadata',
  },
  rpmlintId: 'forbidden-controlchar-found',
  check(ctx) {
    const { doc } = ctx;
    const spans: { start: number; end: number; where: string }[] = [];
    for (const tag of doc.tags) if (tag.dependencies) spans.push({ start: tag.valueSpan.start, end: tag.valueSpan.end, where: `${tag.name}:` });
    for (const s of doc.sections) if (s.kind === 'changelog') spans.push({ start: s.body.start, end: s.body.end, where: '%changelog' });
    for (const span of spans) {
      const text = doc.text.slice(span.start, span.end);
      CONTROL.lastIndex = 0;
      for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
        const at = span.start + m.index;
        const code = m[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase();
        ctx.report({
          start: at,
          end: at + 1,
          messageId: 'controlCharacter', data: { code, where: span.where },
          fixes: [{ title: 'Remove the control character', edits: [{ start: at, end: at + 1, newText: '' }] }],
        });
      }
    }
  },
});
