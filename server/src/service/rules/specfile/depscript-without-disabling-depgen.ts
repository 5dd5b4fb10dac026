import { defineSpecRule } from '../types';
import { definitionTable } from '../../specfile/macroScope';

/**
 * `%define __find_requires …` (or provides) without `%define _use_internal_dependency_generator 0`:
 * the internal generator ignores these macros, so the override does nothing.
 */
export default defineSpecRule({
  id: 'depscript-without-disabling-depgen',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: '__find_requires/__find_provides is overridden but the internal dependency generator is still on',
  fixSafety: 'none',
  messages: {
    internalGeneratorIgnores: '{{name}} is overridden, but the internal dependency generator ignores it: also define _use_internal_dependency_generator 0 (or use %__requires_exclude/%__provides_exclude filters)',
  },
  rpmlintId: 'depscript-without-disabling-depgen',
  check(ctx) {
    const table = definitionTable(ctx.doc);
    if (table.definitions('_use_internal_dependency_generator').some((d) => /^0\b/.test(d.body.trim()))) return;
    for (const d of [...table.definitions('__find_requires'), ...table.definitions('__find_provides')].sort((a, b) => a.start - b.start)) {
      ctx.report({
        start: d.nameSpan.start,
        end: d.nameSpan.end,
        messageId: 'internalGeneratorIgnores', data: { name: d.name },
      });
    }
  },
});
