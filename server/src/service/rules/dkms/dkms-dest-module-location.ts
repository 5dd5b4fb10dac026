import { DKMS_DEST_LOCATION_PREFIXES } from '../../catalog/dkmsDirectives';
import { defineDkmsRule } from '../types';
import { isDynamicValue } from './_util';

export default defineDkmsRule({
  id: 'dkms-dest-module-location',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'DEST_MODULE_LOCATION does not begin with /kernel, /updates or /extra',
  fixSafety: 'none',
  check(ctx) {
    for (const a of ctx.doc.assignments) {
      if (a.name !== 'DEST_MODULE_LOCATION') continue;
      for (const v of a.values) {
        if (isDynamicValue(ctx.doc, v)) continue;
        const text = v.text.trim();
        if (text === '' || DKMS_DEST_LOCATION_PREFIXES.some((p) => text.startsWith(p))) continue;
        ctx.report({
          start: v.start,
          end: v.end,
          message: `DEST_MODULE_LOCATION "${text}" must begin with /kernel, /updates or /extra: dkms 3.0 rejects the file; newer dkms replaces the location on most distributions (Fedora/RHEL /extra, Debian/Ubuntu/Arch /updates/dkms, SUSE /updates), so the value is only used elsewhere`,
        });
      }
    }
  },
});
