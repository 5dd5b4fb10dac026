import { isNoarch, logicalLines } from '../../specfile/query';
import { shellCommentStart } from '../../specfile/shellComments';
import { defineSpecRule } from '../types';

/**
 * `./configure` without `--libdir=`: autoconf then installs libraries in `$prefix/lib`, which is
 * wrong on 64-bit multilib systems. `%configure` passes it already. Like rpmlint, a command line
 * that also runs `ln ` is left alone; unlike rpmlint, noarch packages (no libraries) are skipped.
 */
export default defineSpecRule({
  id: 'configure-without-libdir-spec',
  category: 'paths',
  defaultSeverity: 'warning',
  description: './configure is run without --libdir: use %configure or pass --libdir=%{_libdir}',
  fixSafety: 'unsafe',
  requires: ['configure'],
  rpmlintId: 'configure-without-libdir-spec',
  check(ctx) {
    const { doc } = ctx;
    if (isNoarch(doc, 0)) return;
    for (const section of doc.sections) {
      if (section.kind === 'changelog' || section.kind === 'description' || section.kind === 'preamble' || section.kind === 'package' || section.kind === 'files') continue;
      for (const ll of logicalLines(doc, section)) {
        const hash = shellCommentStart(ll.text);
        const code = hash >= 0 ? ll.text.slice(0, hash) : ll.text;
        const at = code.indexOf('./configure');
        if (at < 0 || /[\w./-]/.test(code[at + 11] ?? ' ')) continue;
        if (/--libdir(?:=|\s)/.test(code) || /(^|\s)ln\s/.test(code)) continue;
        const start = ll.offsetAt(at);
        const end = start + 11;
        ctx.report({
          start,
          end,
          message: './configure is run without --libdir: libraries land in $prefix/lib even where the distribution uses lib64; use %configure or add --libdir=%{_libdir}',
          fixes: [{ title: 'Add --libdir=%{_libdir}', safety: 'unsafe', edits: [{ start: end, end, newText: ' --libdir=%{_libdir}' }] }],
        });
      }
    }
  },
});
