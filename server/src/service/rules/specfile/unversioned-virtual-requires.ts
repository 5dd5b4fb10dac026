import { classifyVirtual, siblingProvides } from '../../specfile/virtualCapabilities';
import { normalizeMacroText } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'unversioned-virtual-requires',
  category: 'dependencies',
  defaultSeverity: 'hint',
  description: 'A dependency on a virtual capability (pkgconfig(…), perl(…), c_compiler…) has no version constraint',
  fixSafety: 'none',
  check(ctx) {
    const doc = ctx.doc;
    const siblings = siblingProvides(doc);
    for (const t of doc.tags) {
      if ((t.key !== 'requires' && t.key !== 'buildrequires') || !t.dependencies) continue;
      for (const d of t.dependencies) {
        const kind = classifyVirtual(d);
        if (!kind) continue;
        // provided by a sibling package: unversioned-same-spec-requires reports it
        if (t.key === 'requires' && siblings.get(normalizeMacroText(d.name))?.some((p) => p.packageIndex !== t.packageIndex)) continue;
        const what = kind === 'known' ? 'a virtual capability that several packages provide' : 'a virtual capability';
        ctx.report({
          start: d.nameSpan.start,
          end: d.nameSpan.end,
          message: `${d.name} is ${what}, required without a version: any provider of any version satisfies it, so a newer one can never be enforced. Add the minimum version the package needs (>= …)`,
        });
      }
    }
  },
});
