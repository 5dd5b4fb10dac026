import { defineSpecRule } from '../types';

/**
 * `PreReq:` is deprecated (rpm turns it into a plain Requires with a legacy flag). rpmlint only
 * matches the `PreReq(qualifier):` form; this rule reports the bare `PreReq:` too.
 */
export default defineSpecRule({
  id: 'prereq-use',
  category: 'deprecated',
  defaultSeverity: 'error',
  description: 'PreReq: is deprecated: use Requires(pre), Requires(post)… or plain Requires',
  fixSafety: 'unsafe',
  messages: {
    deprecatedWithQualifier: "'{{name}}({{qualifier}}):' is deprecated: write '{{replacement}}:'",
    deprecated: "'{{name}}:' is deprecated: write Requires(pre):, Requires(post):… for what the scriptlets need, or a plain Requires:",
  },
  rpmlintId: 'prereq-use',
  tags: ['deprecated'],
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'prereq') continue;
      const q = tag.qualifier;
      const replacement = q ? `Requires(${q})` : 'Requires(pre)';
      const end = q !== undefined && tag.qualifierSpan ? tag.qualifierSpan.end + 1 : tag.nameSpan.end;
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.nameSpan.end,
        ...(q ? { messageId: 'deprecatedWithQualifier', data: { name: tag.name, qualifier: q, replacement } } : { messageId: 'deprecated', data: { name: tag.name } }),
        fixes: [{ title: `Replace with ${replacement}:`, safety: q ? 'safe' : 'unsafe', edits: [{ start: tag.nameSpan.start, end, newText: replacement }] }],
      });
    }
  },
});
