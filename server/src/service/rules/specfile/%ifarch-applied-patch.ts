import type { SpecDocument } from '../../specfile/ast';
import { declaredPatches, patchUse } from '../../specfile/patches';
import { defineSpecRule } from '../types';

/** True when the line sits (at any depth) in an %ifarch/%ifnarch block. */
function inArchConditional(doc: SpecDocument, line: number): boolean {
  for (let path = doc.lineConditional[line]; path !== 0; path = doc.conditionalPaths[path].parent) {
    const entry = doc.conditionalPaths[path];
    const block = doc.conditionals[entry.block];
    if (!block) break;
    const first = block.branches[0]?.keyword;
    const own = block.branches[entry.branch]?.keyword;
    if (first === 'ifarch' || first === 'ifnarch' || own === 'elifarch') return true;
  }
  return false;
}

/**
 * A patch applied only on some architectures: the source differs per architecture, which makes
 * bugs hard to reproduce; make the patch itself handle the architecture (e.g. with #ifdef). Off by
 * default: on Fedora the arch-only patches are deliberate ports (chromium's and cef's ppc64le
 * series, ghc's riscv64/s390x fixes) that cannot go in everywhere (docs/precision.md).
 */
export default defineSpecRule({
  id: '%ifarch-applied-patch',
  branches: true,
  category: 'build',
  defaultSeverity: 'off',
  description: 'A patch is applied inside %ifarch: the sources differ per architecture (off by default)',
  fixSafety: 'none',
  messages: {
    appliedOnSomeArches: 'Patch{{number}} is applied only on some architectures: apply it everywhere and let the code handle the architecture',
  },
  requires: ['%ifarch', '%ifnarch', '%elifarch'],
  rpmlintId: '%ifarch-applied-patch',
  check(ctx) {
    const { doc } = ctx;
    // Only declared patches are reported: without any, there is nothing to look for.
    const declared = new Set(declaredPatches(doc).list.map((p) => p.number));
    if (declared.size === 0) return;
    const use = patchUse(doc);
    if (use.bulk) return;
    const seen = new Set<number>();
    for (const a of use.applications) {
      if (!declared.has(a.number) || seen.has(a.number) || !inArchConditional(doc, a.line)) continue;
      seen.add(a.number);
      ctx.report({
        start: a.start,
        end: a.end,
        messageId: 'appliedOnSomeArches', data: { number: a.number },
      });
    }
  },
});
