import { DKMS_DEST_LOCATION_PREFIXES } from '../../catalog/dkmsDirectives';
import { isDkmsTemplateName } from '../../dkms/fileNames';
import { defineDkmsRule } from '../types';
import { isDynamicValue } from './_util';

export default defineDkmsRule({
  id: 'dkms-dest-module-location',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'DEST_MODULE_LOCATION is empty or does not begin with /kernel, /updates or /extra',
  fixSafety: 'none',
  messages: {
    empty: 'DEST_MODULE_LOCATION is empty: {{rejects}}',
    unsubstitutedPlaceholder: 'DEST_MODULE_LOCATION "{{text}}" is a placeholder nothing has substituted, and it does not begin with /kernel, /updates or /extra: {{rejects}}. If this file is a template, name it dkms.conf.in',
    wrongPrefix: 'DEST_MODULE_LOCATION "{{text}}" must begin with /kernel, /updates or /extra: {{rejects}}',
  },
  check(ctx) {
    const template = isDkmsTemplateName(ctx.uri);
    for (const a of ctx.doc.assignments) {
      if (a.name !== 'DEST_MODULE_LOCATION') continue;
      for (const v of a.values) {
        if (v.variables.length > 0 || v.hasCommandSubstitution) continue;
        // In a template (dkms.conf.in, debian/*.dkms) a placeholder is filled in later; in the
        // file dkms reads it is the literal value.
        const placeholder = isDynamicValue(ctx.doc, v);
        if (placeholder && template) continue;
        const text = v.text.trim();
        if (DKMS_DEST_LOCATION_PREFIXES.some((p) => text.startsWith(p))) continue;
        const rejects = 'dkms refuses the file (every version checks the value, even where the distribution then installs elsewhere: Fedora/RHEL /extra, Debian/Ubuntu/Arch /updates/dkms, SUSE /updates)';
        ctx.report({
          start: text === '' ? a.nameSpan.start : v.start,
          end: text === '' ? a.nameSpan.end : v.end,
          ...(text === '' ? { messageId: 'empty', data: { rejects } } : placeholder ? { messageId: 'unsubstitutedPlaceholder', data: { text, rejects } } : { messageId: 'wrongPrefix', data: { text, rejects } }),
        });
      }
    }
  },
});
