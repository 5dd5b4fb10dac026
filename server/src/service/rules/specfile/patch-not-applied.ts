import { declaredPatches, declaredUnapplied, patchFileName, patchNumberUses, patchUse } from '../../specfile/patches';
import { defineSpecRule } from '../types';

/**
 * A PatchN tag whose patch is never applied. Counted as applied: `%patch N`/`%patchN`/`-P N`,
 * any `%{PATCHN}` use, the patch's file name in a script, and every patch when the spec applies
 * them in bulk (`%autosetup`, `%autopatch`, `%{patches}`, a Lua block naming patches). Not
 * reported: a patch whose application the spec comments out (`#%patch -P 27 -p1`): the packager
 * disabled it on purpose (44 of 73 Fedora findings were such, classified debatable), nor one whose
 * comment right above the tag says it is kept without being applied (perl-IPC-Run3: "keep the
 * patch, but do not apply it").
 */
export default defineSpecRule({
  id: 'patch-not-applied',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'A patch is declared with a PatchN tag but never applied',
  fixSafety: 'none',
  messages: {
    notApplied: 'Patch{{number}} ({{patchFileName}}) is declared but never applied: apply it in %prep (%patch -P {{number}}) or remove it',
  },
  rpmlintId: 'patch-not-applied',
  check(ctx) {
    const { doc } = ctx;
    // Most specs have no Patch tag (the only entries of the list): nothing to read then.
    if (doc.includes.length > 0 || !doc.tags.some((t) => t.key === 'patch')) return;
    const declared = declaredPatches(doc).list;
    if (declared.length === 0) return;
    // Every declared patch applied by number (`%patch -P N`, `%{PATCHN}`): nothing to report,
    // whatever else the spec does, and the rest of its text need not be read.
    const numbered = new Set(patchNumberUses(doc).applications.map((a) => a.number));
    if (declared.every((p) => numbered.has(p.number))) return;
    const use = patchUse(doc);
    if (use.bulk) return;
    const applied = new Set(use.applications.map((a) => a.number));
    for (const p of declared) {
      if (applied.has(p.number) || use.disabled.has(p.number) || use.namedFiles.has(patchFileName(p.tag))) continue;
      if (declaredUnapplied(doc, p.tag)) continue;
      ctx.report({
        start: p.tag.start,
        end: p.tag.end,
        messageId: 'notApplied', data: { number: p.number, patchFileName: patchFileName(p.tag) },
      });
    }
  },
});
