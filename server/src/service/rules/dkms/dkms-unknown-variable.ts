import { DKMS_VARIABLES, getDkmsVariable, isDkmsDirective } from '../../catalog/dkmsDirectives';
import { editDistance } from '../../text/similarity';
import { defineDkmsRule } from '../types';
import { includesOtherCode, shellDefinedNames } from './_util';

/** The closest dkms variable to a misspelt name (distance at most 2, or 3 for long names). */
function suggest(name: string): string | undefined {
  const limit = name.length >= 12 ? 3 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const v of DKMS_VARIABLES) {
    if (v.origin === 'shell') continue;
    const d = editDistance(name.toLowerCase(), v.name.toLowerCase(), limit);
    if (d < bestDistance) {
      best = v.name;
      bestDistance = d;
    }
  }
  return best;
}

export default defineDkmsRule({
  id: 'dkms-unknown-variable',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'A directive value uses a $variable that neither dkms nor the file defines (it expands to nothing)',
  fixSafety: 'unsafe',
  messages: {
    unsetVariable: '${{name}} is not set when dkms reads dkms.conf (it is not a dkms variable and this file does not assign it), so it expands to an empty string{{suggestion}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (includesOtherCode(doc)) return;
    const defined = new Set<string>(doc.assignments.map((a) => a.name));
    for (const n of shellDefinedNames(doc)) defined.add(n);
    for (const a of doc.assignments) {
      if (!isDkmsDirective(a.name)) continue;
      for (const v of a.values) {
        for (const r of v.variables) {
          if (defined.has(r.name) || getDkmsVariable(r.name)) continue;
          const s = suggest(r.name);
          ctx.report({
            start: r.nameSpan.start,
            end: r.nameSpan.end,
            messageId: 'unsetVariable', data: { name: r.name, suggestion: s ? `. Did you mean $${s}?` : '' },
            fixes: s ? [{ title: `Replace with ${s}`, edits: [{ start: r.nameSpan.start, end: r.nameSpan.end, newText: s }] }] : [],
          });
        }
      }
    }
  },
});
