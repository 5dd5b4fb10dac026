import { defineDkmsRule } from '../types';

const SUFFIX = /\.(ko|o)$/;

export default defineDkmsRule({
  id: 'dkms-module-suffix',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'BUILT_MODULE_NAME or DEST_MODULE_NAME ends in .ko or .o',
  fixSafety: 'safe',
  messages: {
    suffix: '{{name}} must be given without the "{{suffix}}" suffix: dkms adds it and rejects names that end in .o or .ko',
  },
  check(ctx) {
    for (const a of ctx.doc.assignments) {
      if (a.name !== 'BUILT_MODULE_NAME' && a.name !== 'DEST_MODULE_NAME') continue;
      for (const v of a.values) {
        const m = SUFFIX.exec(v.text);
        if (!m) continue;
        // locate the suffix in the raw text (before a closing quote)
        const rawEnd = v.quoting === 'double' || v.quoting === 'single' ? v.end - 1 : v.end;
        const suffixStart = rawEnd - m[0].length;
        const rawSuffixOk = ctx.doc.text.slice(suffixStart, rawEnd) === m[0];
        ctx.report({
          start: rawSuffixOk ? suffixStart : v.start,
          end: rawSuffixOk ? rawEnd : v.end,
          messageId: 'suffix', data: { name: a.name, suffix: m[0] },
          fixes: rawSuffixOk ? [{ title: `Remove "${m[0]}"`, edits: [{ start: suffixStart, end: rawEnd, newText: '' }] }] : [],
        });
      }
    }
  },
});
