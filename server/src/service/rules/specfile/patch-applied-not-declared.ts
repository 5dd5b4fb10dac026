import { declaredPatches, isPatchDeclared, patchApplications } from '../../specfile/patches';
import { defineSpecRule } from '../types';

/**
 * `%patch N` for a patch number that no `PatchN:` tag declares: rpmbuild stops with
 * "No patch number N". Skipped when declarations may come from elsewhere (%patchlist, %include,
 * Lua) and for numbers given by macros.
 */
export default defineSpecRule({
  id: 'patch-applied-not-declared',
  category: 'correctness',
  defaultSeverity: 'error',
  description: '%patch applies a patch number that no PatchN: tag declares',
  fixSafety: 'none',
  messages: {
    noPatchTags: 'Patch {{value}} is applied but the spec declares no Patch tags: add Patch{{value}}: <file>',
    notDeclared: 'Patch {{value}} is applied but not declared: there is no Patch{{value}}: tag',
  },
  check(ctx) {
    const { doc } = ctx;
    // Most specs apply no patch with %patch: then the declarations need not be read.
    const applications = patchApplications(doc);
    if (applications.length === 0) return;
    const declared = declaredPatches(doc);
    if (declared.uncertain) return;
    for (const app of applications) {
      // Inside a %define/%global body the numbers are often parameters; only literal uses count.
      const line = doc.lines.lineOf(app.ref.start);
      const kind = doc.lineKinds[line];
      if (kind === 'definition' || kind === 'definition-continuation' || kind === 'comment') continue;
      for (const num of app.numbers) {
        if (isPatchDeclared(declared, num.value)) continue;
        ctx.report({
          start: app.legacyNumber === num.value && num.start >= app.ref.start && num.end <= app.ref.end ? app.ref.start : num.start,
          end: app.legacyNumber === num.value && num.start >= app.ref.start && num.end <= app.ref.end ? app.ref.end : num.end,
          ...(declared.tags.length === 0 ? { messageId: 'noPatchTags', data: { value: num.value } } : { messageId: 'notDeclared', data: { value: num.value } }),
        });
      }
    }
  },
});
