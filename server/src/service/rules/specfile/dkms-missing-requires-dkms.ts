import { checksForDkms, dkmsCalls, MUTATING_ACTIONS, tagInsertionOffset } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';
import type { SpecDocument } from '../../specfile/ast';

function requiresDkms(doc: SpecDocument, pkg: number, seen = new Set<number>()): boolean {
  if (seen.has(pkg)) return false;
  seen.add(pkg);
  for (const t of doc.tags) {
    if (t.packageIndex !== pkg || (t.key !== 'requires' && t.key !== 'prereq') || !t.dependencies) continue;
    for (const d of t.dependencies) {
      if (d.name === 'dkms' || (d.rich && /\bdkms\b/.test(d.name))) return true;
      // a sibling package that requires dkms
      const sibling = doc.packages.findIndex((p, i) => i !== pkg && p.name === d.name);
      if (sibling >= 0 && requiresDkms(doc, sibling, seen)) return true;
    }
  }
  return false;
}

export default defineSpecRule({
  id: 'dkms-missing-requires-dkms',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'Scriptlets run dkms but the package does not require dkms',
  fixSafety: 'unsafe',
  messages: {
    missingRequires: 'The scriptlets of {{name}} run dkms, but {{name}} does not require dkms: installed without it, %post fails with "dkms: command not found" and the module is never built. Add Requires: dkms (Requires(post)/Requires(preun) also order the scriptlets)',
  },
  check(ctx) {
    const doc = ctx.doc;
    const done = new Set<number>();
    for (const call of dkmsCalls(doc)) {
      const pkg = call.section.packageIndex;
      if (pkg < 0 || done.has(pkg) || !call.action || !MUTATING_ACTIONS.has(call.action.text)) continue;
      done.add(pkg);
      if (/^dkms$/.test(doc.packages[pkg]?.name ?? '')) continue;
      if (requiresDkms(doc, pkg)) continue;
      // scriptlets that test for dkms first work without it
      if (doc.sections.some((s) => s.packageIndex === pkg && (s.kind === 'scriptlet' || s.kind === 'trigger') && checksForDkms(doc, s))) continue;
      const at = tagInsertionOffset(doc, pkg);
      const name = doc.packages[pkg]?.name ?? 'the package';
      ctx.report({
        start: call.exe.start,
        end: call.argsEnd,
        messageId: 'missingRequires', data: { name },
        fixes: at === undefined ? [] : [{ title: 'Add Requires: dkms', safety: 'unsafe', edits: [{ start: at, end: at, newText: `Requires:       dkms${doc.lines.eol}` }] }],
      });
    }
  },
});
