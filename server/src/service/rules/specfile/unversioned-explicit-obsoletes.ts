import { isWholeMacro } from '../../specfile/depTokens';
import { defineSpecRule } from '../types';

/**
 * `Obsoletes: foo` without a version obsoletes every future `foo` too, so the old name can never
 * come back. File names and single-macro values are exempt, as for provides.
 */
export default defineSpecRule({
  id: 'unversioned-explicit-obsoletes',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'Obsoletes: without a version obsoletes every future version of that package',
  fixSafety: 'none',
  messages: {
    unversioned: "'{{name}}' is obsoleted without a version: no later package of that name can ever be installed; add '< <first version that must not be replaced>'",
  },
  rpmlintId: 'unversioned-explicit-obsoletes',
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'obsoletes' || !tag.dependencies || tag.qualifier !== undefined) continue;
      for (const dep of tag.dependencies) {
        if (dep.operator || dep.rich || dep.name.startsWith('/') || isWholeMacro(dep.name)) continue;
        ctx.report({
          start: dep.nameSpan.start,
          end: dep.nameSpan.end,
          messageId: 'unversioned', data: { name: dep.name },
        });
      }
    }
  },
});
