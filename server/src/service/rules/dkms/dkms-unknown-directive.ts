import { isDkmsDirective, suggestDkmsDirective } from '../../catalog/dkmsDirectives';
import { defineDkmsRule } from '../types';
import { referencedNames } from './_util';

export default defineDkmsRule({
  id: 'dkms-unknown-directive',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'An upper-case variable that is not a dkms directive and is not used in the file (usually a misspelt directive)',
  fixSafety: 'unsafe',
  messages: {
    unknownWithSuggestion: '{{name}} is not a dkms directive, so dkms ignores it. Did you mean {{suggestion}}?',
    unknown: '{{name}} is not a dkms directive and is not used in this file: dkms ignores it',
  },
  check(ctx) {
    const doc = ctx.doc;
    let used: Set<string> | undefined;
    const reported = new Set<string>();
    for (const a of doc.assignments) {
      if (!/^[A-Z][A-Z0-9_]*$/.test(a.name) || isDkmsDirective(a.name) || a.name.startsWith('DKMS_DIRECTIVE')) continue;
      used ??= referencedNames(doc);
      // a helper variable the file uses itself (`KVER=…` then `$KVER`) is fine
      if (used.has(a.name)) continue;
      const suggestion = suggestDkmsDirective(a.name);
      const key = `${a.name}@${a.line}`;
      if (reported.has(key)) continue;
      reported.add(key);
      ctx.report({
        start: a.nameSpan.start,
        end: a.nameSpan.end,
        ...(suggestion ? { messageId: 'unknownWithSuggestion', data: { name: a.name, suggestion: suggestion.name } } : { messageId: 'unknown', data: { name: a.name } }),
        fixes: suggestion ? [{ title: `Rename to ${suggestion.name}`, edits: [{ start: a.nameSpan.start, end: a.nameSpan.end, newText: suggestion.name }] }] : [],
      });
    }
  },
});
