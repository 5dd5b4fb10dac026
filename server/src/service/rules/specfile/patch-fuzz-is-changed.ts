import { defineSpecRule } from '../types';
import { definitionTable } from '../../specfile/macroScope';

/**
 * `%define _default_patch_fuzz N` with N > 0: patches then apply at shifted places without
 * notice. Setting it to 0 (rpm's default) changes nothing and is not reported (rpmlint reports any value).
 */
export default defineSpecRule({
  id: 'patch-fuzz-is-changed',
  category: 'build',
  defaultSeverity: 'warning',
  description: '_default_patch_fuzz is raised: fuzzy patches can apply in the wrong place',
  fixSafety: 'none',
  messages: {
    fuzzRaised: 'Patch fuzz is raised to {{fuzz}}: patches that no longer apply cleanly go in silently, maybe in the wrong place; rebase the patches instead',
  },
  rpmlintId: 'patch-fuzz-is-changed',
  check(ctx) {
    for (const d of definitionTable(ctx.doc).definitions('_default_patch_fuzz')) {
      const m = /^(\d+)\s*$/.exec(d.body.trim());
      if (!m || Number(m[1]) === 0) continue;
      ctx.report({
        start: d.start,
        end: d.end,
        messageId: 'fuzzRaised', data: { fuzz: m[1] },
      });
    }
  },
});
