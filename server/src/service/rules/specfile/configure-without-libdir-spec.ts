import { isNoarch, logicalLines } from '../../specfile/query';
import { shellCommentStart } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/**
 * `./configure` without `--libdir=`: autoconf then installs libraries in `$prefix/lib`, which is
 * wrong on 64-bit multilib systems. `%configure` passes it already. Like rpmlint, a command line
 * that also runs `ln ` is left alone; unlike rpmlint, noarch packages (no libraries) are skipped.
 * Off by default: hand-written configure scripts cannot be told from autoconf (precision samples).
 */
export default defineSpecRule({
  id: 'configure-without-libdir-spec',
  category: 'paths',
  defaultSeverity: 'off',
  description: './configure is run without --libdir: use %configure or pass --libdir=%{_libdir}',
  fixSafety: 'unsafe',
  messages: {
    noLibdir: './configure is run without --libdir: libraries land in $prefix/lib even where the distribution uses lib64; use %configure or add --libdir=%{_libdir}',
  },
  requires: ['configure'],
  rpmlintId: 'configure-without-libdir-spec',
  check(ctx) {
    const { doc } = ctx;
    if (isNoarch(doc, 0)) return;
    // aspell dictionaries, GAP packages and Coq libraries ship configure scripts of their own
    // (no --libdir; the tool's own directories come from aspell/gap/coqc).
    if (doc.tags.some((t) => t.key === 'buildrequires' && t.dependencies?.some((d) => /^(?:aspell|gap-devel|gap|coq|ocaml-coq)\b/.test(d.name)))) return;
    for (const section of doc.sections) {
      if (section.bodyLanguage !== 'shell') continue;
      for (const ll of logicalLines(doc, section)) {
        let code = ll.text;
        for (let line = ll.line; line <= ll.endLine; line++) {
          const hash = shellCommentStart(doc, line);
          if (hash < 0) continue;
          let k = 0;
          while (k < ll.text.length && ll.offsetAt(k) < hash) k++;
          code = ll.text.slice(0, k);
          break;
        }
        const at = code.indexOf('./configure');
        if (at < 0 || /[\w./-]/.test(code[at + 11] ?? ' ')) continue;
        if (/--libdir(?:=|\s)/.test(code) || /(^|\s)ln\s/.test(code)) continue;
        // Only a command: not `[ -x ./configure ]`, not text an echo writes.
        // Drop quoted text, then leading `VAR=value` words (word by word: no backtracking regex).
        const words = code.slice(0, at).replace(/"[^"]*"|'[^']*'/g, 'Q').split(/[ \t]+/).filter((w) => w !== '');
        while (words.length > 0 && /^\w+=/.test(words[words.length - 1])) words.pop();
        const before = words.join(' ');
        if (!/(?:^|[;&|(!]|\b(?:if|then|do|else|exec|time|env|sh|bash))\s*$/.test(before)) continue;
        // Qt-style and other hand-written scripts take single-dash words (`-prefix`, `-library`): not autoconf.
        // So do scripts taking bare words or lower-case settings (`prefix=/usr`, a path): gap, lazarus, aspell.
        const args = code.slice(at + 11);
        if (/\s-[a-z]{2,}\b/.test(args) || /(?:^|\s)(?:[a-z][\w-]*=|[%/][^\s=]*(?:\s|$))/.test(args)) continue;
        const start = ll.offsetAt(at);
        const end = start + 11;
        ctx.report({
          start,
          end,
          messageId: 'noLibdir',
          fixes: [{ title: 'Add --libdir=%{_libdir}', safety: 'unsafe', edits: [{ start: end, end, newText: ' --libdir=%{_libdir}' }] }],
        });
      }
    }
  },
});
