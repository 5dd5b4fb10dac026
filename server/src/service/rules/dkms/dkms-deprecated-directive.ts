import { getDkmsDirective } from '../../catalog/dkmsDirectives';
import { defineDkmsRule, type ReportFix } from '../types';
import { deleteLinesEdit, replacementFor } from './_util';

export default defineDkmsRule({
  id: 'dkms-deprecated-directive',
  category: 'deprecated',
  defaultSeverity: 'warning',
  description: 'A directive current dkms ignores and warns about: REMAKE_INITRD, MODULES_CONF*, CLEAN',
  fixSafety: 'safe',
  messages: {
    deprecated: '{{name}} is deprecated since dkms {{since}}: dkms ignores it and prints a warning. {{instead}}',
  },
  tags: ['deprecated'],
  check(ctx) {
    const doc = ctx.doc;
    for (const a of doc.assignments) {
      const d = getDkmsDirective(a.name);
      if (!d?.deprecated) continue;
      const value = a.isArray ? undefined : a.values[0];
      // dkms does not warn about CLEAN=true: it keeps older dkms from running a clean command
      if (a.name === 'CLEAN' && value && value.text.trim() === 'true') continue;
      const fixes: ReportFix[] = [];
      const del = a.isArray || a.line === a.endLine ? deleteLinesEdit(doc, a) : undefined;
      if (a.name === 'CLEAN') {
        if (value) fixes.push({ title: 'Replace with CLEAN=true (quiet on every dkms version)', safety: 'unsafe', edits: [replacementFor(value, 'true')] });
        if (del) fixes.push({ title: 'Remove the CLEAN line', safety: 'unsafe', edits: [del] });
      } else if (del && a.line === a.endLine) {
        fixes.push({ title: `Remove the ${a.name} line`, edits: [del] });
      }
      ctx.report({
        start: a.nameSpan.start,
        end: a.indexSpan ? a.indexSpan.end + 1 : a.nameSpan.end,
        messageId: 'deprecated', data: { name: a.name, since: d.deprecated.since, instead: d.deprecated.instead },
        fixes,
      });
    }
  },
});
