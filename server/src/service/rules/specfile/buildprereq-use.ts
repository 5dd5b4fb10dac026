import { defineSpecRule } from '../types';

/** `BuildPreReq:` is an obsolete spelling: rpm treats it exactly as `BuildRequires:`. */
export default defineSpecRule({
  id: 'buildprereq-use',
  category: 'deprecated',
  defaultSeverity: 'error',
  description: 'BuildPreReq: is obsolete: use BuildRequires:',
  fixSafety: 'safe',
  messages: {
    obsolete: "'{{name}}:' is obsolete: write 'BuildRequires:' (same meaning)",
  },
  rpmlintId: 'buildprereq-use',
  tags: ['deprecated'],
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'buildprereq') continue;
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.nameSpan.end,
        messageId: 'obsolete', data: { name: tag.name },
        fixes: [{ title: 'Replace with BuildRequires:', edits: [{ start: tag.nameSpan.start, end: tag.nameSpan.end, newText: 'BuildRequires' }] }],
      });
    }
  },
});
