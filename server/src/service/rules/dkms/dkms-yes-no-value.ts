import { defineDkmsRule } from '../types';
import { booleanMeaning, isDynamicValue, replacementFor } from './_util';

/** Directives whose value dkms reads as yes/no, and how older and newer dkms read other values. */
const HOW: Record<string, string> = {
  AUTOINSTALL: 'dkms 3.0 treats any non-empty value as yes; dkms 3.1.7 and later reject values other than yes and no',
  NO_WEAK_MODULES: 'dkms 3.0 treats any non-empty value as yes; dkms 3.2 and later reject values other than yes and no',
  STRIP: 'dkms looks only at the first letter (n or y); any other value strips',
  BUILD_DEPENDS_REBUILD: 'dkms expects yes or no',
};

export default defineDkmsRule({
  id: 'dkms-yes-no-value',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'AUTOINSTALL, STRIP, NO_WEAK_MODULES or BUILD_DEPENDS_REBUILD has a value other than yes or no',
  fixSafety: 'unsafe',
  messages: {
    noMeansYes: '{{name}}="no" means yes to dkms 3.0 (which only tests for a non-empty value); leave {{name}} unset to get "no" on every dkms version',
    notYesNo: '{{name}}="{{text}}" is not yes or no: {{how}}{{write}}',
  },
  check(ctx) {
    for (const a of ctx.doc.assignments) {
      const how = HOW[a.name];
      if (!how) continue;
      for (const v of a.values) {
        if (isDynamicValue(ctx.doc, v)) continue;
        const text = v.text;
        if (text === 'yes' || text === '') continue;
        if (text === 'no') {
          if (a.name !== 'AUTOINSTALL' && a.name !== 'NO_WEAK_MODULES') continue;
          ctx.report({
            start: v.start,
            end: v.end,
            messageId: 'noMeansYes', data: { name: a.name },
          });
          continue;
        }
        const meaning = booleanMeaning(text);
        ctx.report({
          start: v.start,
          end: v.end,
          messageId: 'notYesNo', data: { name: a.name, text, how, write: meaning ? `. Write ${meaning}` : '' },
          fixes: meaning ? [{ title: `Replace with ${meaning}`, edits: [replacementFor(v, meaning)] }] : [],
        });
      }
    }
  },
});
