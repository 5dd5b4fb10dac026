import type { Tag } from '../../specfile/ast';
import { SINGLETON_TAGS } from '../../specfile/keywords';
import { defineSpecRule } from '../types';

/**
 * A tag that may appear once per package, given twice in the same conditional arm. The same tag in
 * different arms of an %if (`Release: 1` / `%else` / `Release: 2`) is fine and not reported.
 */
export default defineSpecRule({
  id: 'spec-duplicate-tag',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'A tag that may appear only once per package is given twice',
  fixSafety: 'none',
  messages: {
    duplicate: "'{{name}}' is already set on line {{firstLine}} for this package",
  },
  check(ctx) {
    const seen = new Map<string, Tag>();
    for (const tag of ctx.doc.tags) {
      if (!SINGLETON_TAGS.has(tag.key)) continue;
      const qualifier = tag.qualifier?.toLowerCase() ?? '';
      const key = `${tag.packageIndex}|${tag.key}|${qualifier}|${tag.conditionalPath}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, tag);
        continue;
      }
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.nameSpan.end,
        messageId: 'duplicate', data: { name: tag.name, firstLine: first.line + 1 },
        related: [{ start: first.start, end: first.end, message: `first '${first.name}'` }],
      });
    }
  },
});
