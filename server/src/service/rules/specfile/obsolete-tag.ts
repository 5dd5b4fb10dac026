import { defineSpecRule } from '../types';

const REPLACEMENT: Record<string, string> = { copyright: 'License', serial: 'Epoch' };

/** `Copyright:` and `Serial:` are the pre-rpm-4 names of `License:` and `Epoch:`. */
export default defineSpecRule({
  id: 'obsolete-tag',
  category: 'deprecated',
  defaultSeverity: 'warning',
  description: 'Copyright: and Serial: are obsolete names of License: and Epoch:',
  fixSafety: 'safe',
  messages: {
    obsoleteWithReplacement: "'{{name}}:' is obsolete and the package already has '{{replacement}}:': remove one of them",
    obsolete: "'{{name}}:' is obsolete: use '{{replacement}}:'",
  },
  rpmlintId: 'obsolete-tag',
  tags: ['deprecated'],
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      const replacement = REPLACEMENT[tag.key];
      if (!replacement || tag.qualifier !== undefined) continue;
      // Renaming would give the package a second License:/Epoch:: then only a person can choose.
      const key = replacement.toLowerCase();
      const clash = ctx.doc.tags.some((t) => t.key === key && t.packageIndex === tag.packageIndex);
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.nameSpan.end,
        ...(clash ? { messageId: 'obsoleteWithReplacement', data: { name: tag.name, replacement } } : { messageId: 'obsolete', data: { name: tag.name, replacement } }),
        fixes: clash ? [] : [{ title: `Rename to ${replacement}:`, edits: [{ start: tag.nameSpan.start, end: tag.nameSpan.end, newText: replacement }] }],
      });
    }
  },
});
