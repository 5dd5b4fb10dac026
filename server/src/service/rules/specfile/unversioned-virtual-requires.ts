import { MULTI_PROVIDER_CAPABILITIES, unversionedVirtualRequirements } from '../../specfile/virtualCapabilities';
import { defineSpecRule } from '../types';

/**
 * A requirement without a version on a capability that several packages provide (webclient,
 * smtpdaemon, c++_compiler, java-headless …, the catalog in virtualCapabilities.ts). Capabilities
 * that automatic dependency generators fill (pkgconfig(…), perl(…) …) name one exact thing: they
 * are unversioned-generated-requires' (off by default).
 */
export default defineSpecRule({
  id: 'unversioned-virtual-requires',
  category: 'dependencies',
  defaultSeverity: 'hint',
  description: 'A dependency on a capability that several packages provide (webclient, smtpdaemon, c++_compiler…) has no version constraint',
  fixSafety: 'unsafe',
  requires: [...MULTI_PROVIDER_CAPABILITIES.keys()],
  check(ctx) {
    for (const { dep, kind } of unversionedVirtualRequirements(ctx.doc)) {
      if (kind !== 'known') continue;
      const providers = MULTI_PROVIDER_CAPABILITIES.get(dep.name)!.providers;
      const shown = providers.length > 4 ? `${providers.slice(0, 4).join(', ')}, …` : providers.join(', ');
      ctx.report({
        start: dep.nameSpan.start,
        end: dep.nameSpan.end,
        message: `${dep.name} is a virtual capability that several packages provide (${shown}): without a version any of them in any version satisfies it, so a newer one can never be enforced. Add the minimum version the package needs (>= …)`,
        fixes: [{ title: `Add a minimum version: ${dep.name} >= …`, safety: 'unsafe', edits: [{ start: dep.nameSpan.end, end: dep.nameSpan.end, newText: ' >= ' }] }],
      });
    }
  },
});
