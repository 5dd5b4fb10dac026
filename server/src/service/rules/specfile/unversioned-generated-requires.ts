import { unversionedVirtualRequirements } from '../../specfile/virtualCapabilities';
import { defineSpecRule } from '../types';

/**
 * A requirement without a version on a capability that automatic dependency generators fill
 * (pkgconfig(…), perl(…), python3dist(…), cmake(…) …). Off by default: such a capability names
 * one exact thing, and unversioned is the normal, correct style in Fedora. Turn it on for projects
 * that want minimum versions everywhere.
 */
export default defineSpecRule({
  id: 'unversioned-generated-requires',
  category: 'dependencies',
  defaultSeverity: 'off',
  description: 'A dependency on a generator-filled capability (pkgconfig(…), perl(…), python3dist(…)…) has no version constraint (off by default)',
  fixSafety: 'unsafe',
  messages: {
    unversioned: '{{name}} has no version: any version of it satisfies the dependency, so a newer one can never be enforced. Add the minimum version the package needs (>= …)',
  },
  requires: ['('],
  check(ctx) {
    for (const { dep, kind } of unversionedVirtualRequirements(ctx.doc)) {
      if (kind !== 'generated') continue;
      ctx.report({
        start: dep.nameSpan.start,
        end: dep.nameSpan.end,
        messageId: 'unversioned', data: { name: dep.name },
        fixes: [{ title: `Add a minimum version: ${dep.name} >= …`, safety: 'unsafe', edits: [{ start: dep.nameSpan.end, end: dep.nameSpan.end, newText: ' >= ' }], cursorAfterEdit: true }],
      });
    }
  },
});
