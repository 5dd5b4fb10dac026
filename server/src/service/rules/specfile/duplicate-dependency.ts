import type { Dependency, Tag } from '../../specfile/ast';
import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

const DEPENDENCY_TAGS = new Set([
  'requires', 'buildrequires', 'provides', 'obsoletes', 'conflicts', 'recommends', 'suggests', 'supplements',
  'enhances', 'buildconflicts', 'orderwithrequires', 'requires_eq',
]);

const WHITESPACE = /\s/;

function norm(dep: Dependency): string {
  const op = dep.operator === '==' ? '=' : (dep.operator ?? '');
  const version = dep.version ?? '';
  // The common case (no whitespace inside a part) without the regex passes: big specs have
  // tens of thousands of dependencies.
  if (!WHITESPACE.test(dep.name) && !WHITESPACE.test(version)) return [dep.name, op, version].filter((p) => p !== '').join(' ');
  return `${dep.name} ${op} ${version}`.replace(/\s+/g, ' ').trim();
}

/**
 * The same dependency twice for the same package, tag and qualifier, in the same conditional arm.
 * Duplicates in different arms of an %if are not reported.
 */
export default defineSpecRule({
  id: 'duplicate-dependency',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'The same dependency is listed twice for one package',
  fixSafety: 'safe',
  messages: {
    duplicate: '{{name}}{{qualifier}}: {{norm}} is already listed on line {{firstLine}}',
  },
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    const seen = new Map<string, { tag: Tag; dep: Dependency }>();
    for (const tag of doc.tags) {
      if (!DEPENDENCY_TAGS.has(tag.key) || !tag.dependencies) continue;
      const tagKey = `${tag.packageIndex}\u0000${tag.key}\u0000${(tag.qualifier ?? '').replace(/\s+/g, '').toLowerCase()}\u0000${tag.conditionalPath}\u0000`;
      for (const dep of tag.dependencies) {
        const key = tagKey + norm(dep);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { tag, dep });
          continue;
        }
        const alone = tag.dependencies.length === 1 && tag !== first.tag;
        const firstLine = doc.lines.positionAt(first.dep.start).line + 1;
        ctx.report({
          start: dep.start,
          end: dep.end,
          messageId: 'duplicate', data: { name: tag.name, qualifier: tag.qualifier ? `(${tag.qualifier})` : '', norm: norm(dep), firstLine },
          related: [{ start: first.dep.start, end: first.dep.end, message: 'first listed here' }],
          fixes: alone ? [{ title: 'Remove the duplicate line', edits: [deleteLines(doc, tag.line)] }] : [],
        });
      }
    }
  },
});
