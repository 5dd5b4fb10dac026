import { MULTI_PROVIDER_CAPABILITIES, unversionedVirtualRequirements } from '../../specfile/virtualCapabilities';
import { defineSpecRule } from '../types';

/**
 * A requirement without a version on a capability that several packages provide (webclient,
 * smtpdaemon, c++_compiler, java-headless …, the catalog in virtualCapabilities.ts). What to do
 * depends on whether the providers give it a version: an unversioned Provides satisfies every
 * versioned Requires (checked with rpm's rpmdsCompare), so `webserver >= 2` would not be checked.
 * Capabilities that automatic dependency generators fill (pkgconfig(…), perl(…) …) name one exact
 * thing: they are unversioned-generated-requires' (off by default). Java's capabilities are
 * required without a version by Fedora's convention: reported only where the spec names a
 * minimum Java elsewhere (`BuildRequires: java-devel >= 1:17`, `Requires: java-headless`).
 */
export default defineSpecRule({
  id: 'unversioned-virtual-requires',
  category: 'dependencies',
  defaultSeverity: 'hint',
  description: 'A dependency on a capability that several packages provide (webclient, smtpdaemon, c++_compiler…) has no version constraint',
  fixSafety: 'unsafe',
  messages: {
    severalProviders: '{{name}} is a virtual capability that several packages provide ({{shown}}): without a version any of them in any version satisfies it, so a newer one can never be enforced. Add the minimum version the package needs (>= …)',
    allUnversioned: '{{name}} is a virtual capability that several packages provide ({{shown}}), all without a version: any of them satisfies it, and a version here would not be checked either. If a minimum version matters, require the package that has it (<package> >= …)',
  },
  check(ctx) {
    // Most specs name none of the catalog's capabilities: a look at the dependency names is
    // cheaper than searching the whole text for each of them.
    if (!ctx.doc.tags.some((t) => (t.key === 'requires' || t.key === 'buildrequires') && t.dependencies?.some((d) => MULTI_PROVIDER_CAPABILITIES.has(d.name)))) return;
    for (const { dep, kind } of unversionedVirtualRequirements(ctx.doc)) {
      if (kind !== 'known') continue;
      const capability = MULTI_PROVIDER_CAPABILITIES.get(dep.name)!;
      // Unversioned by the distribution's convention (Java): reported only where the spec names
      // the floor elsewhere, so this requirement is known to be too loose.
      const convention = capability.unversionedByConvention;
      if (convention && !ctx.doc.tags.some((t) => (t.key === 'requires' || t.key === 'buildrequires') && t.dependencies?.some((d) => d !== dep && !d.rich && d.version && d.operator?.startsWith('>') && convention.members.test(d.name)))) continue;
      const providers = capability.providers;
      const shown = providers.length > 4 ? `${providers.slice(0, 4).join(', ')}, …` : providers.join(', ');
      if (capability.versioned) {
        ctx.report({
          start: dep.nameSpan.start,
          end: dep.nameSpan.end,
          messageId: 'severalProviders', data: { name: dep.name, shown },
          fixes: [{ title: `Add a minimum version: ${dep.name} >= …`, safety: 'unsafe', edits: [{ start: dep.nameSpan.end, end: dep.nameSpan.end, newText: ' >= ' }], cursorAfterEdit: true }],
        });
      } else {
        ctx.report({
          start: dep.nameSpan.start,
          end: dep.nameSpan.end,
          messageId: 'allUnversioned', data: { name: dep.name, shown },
        });
      }
    }
  },
});
