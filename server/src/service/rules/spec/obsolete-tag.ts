import { defineSpecRule } from '../types';

const REPLACEMENT: Record<string, string> = { copyright: 'License', serial: 'Epoch' };

/** `Copyright:` and `Serial:` are the pre-rpm-4 names of `License:` and `Epoch:`. */
export default defineSpecRule({
  id: 'obsolete-tag',
  category: 'deprecated',
  defaultSeverity: 'warning',
  description: 'Copyright: and Serial: are obsolete names of License: and Epoch:',
  fixSafety: 'safe',
  rpmlintId: 'obsolete-tag',
  tags: ['deprecated'],
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      const replacement = REPLACEMENT[tag.key];
      if (!replacement || tag.qualifier !== undefined) continue;
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.nameSpan.end,
        message: `'${tag.name}:' is obsolete: use '${replacement}:'`,
        fixes: [{ title: `Rename to ${replacement}:`, edits: [{ start: tag.nameSpan.start, end: tag.nameSpan.end, newText: replacement }] }],
      });
    }
  },
});
