import { siblingProvides } from '../../specfile/virtualCapabilities';
import { normalizeMacroText } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'unversioned-same-spec-requires',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'A package requires a capability another package of the same spec provides with a version, but without a version',
  fixSafety: 'unsafe',
  messages: {
    unversioned: '{{name}} is provided by another package of this spec (= {{versions}}) but required without a version: any other provider, or an older or newer build of this one, satisfies it and the packages can get out of step. Require {{name}} = {{version}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    const siblings = siblingProvides(doc);
    for (const t of doc.tags) {
      if (t.key !== 'requires' || !t.dependencies) continue;
      for (const d of t.dependencies) {
        if (d.rich || d.operator) continue;
        const provided = siblings.get(normalizeMacroText(d.name))?.filter((p) => p.packageIndex !== t.packageIndex);
        if (!provided || provided.length === 0) continue;
        const versions = [...new Set(provided.map((p) => p.version))];
        const v = versions.length === 1 ? versions[0] : undefined;
        ctx.report({
          start: d.nameSpan.start,
          end: d.nameSpan.end,
          messageId: 'unversioned', data: { name: d.name, versions: versions.join(', '), version: v ?? '<version>' },
          fixes: v ? [{ title: `Require ${d.name} = ${v}`, safety: 'unsafe', edits: [{ start: d.nameSpan.end, end: d.nameSpan.end, newText: ` = ${v}` }] }] : [],
        });
      }
    }
  },
});
