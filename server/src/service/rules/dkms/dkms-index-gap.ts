import { DKMS_INDEX_FAMILIES, type DkmsIndexFamily } from '../../catalog/dkmsDirectives';
import { defineDkmsRule } from '../types';
import { familyAssignments, recordIndex } from './_util';
import { maxOf } from '../../text/arrays';

const FAMILY_LABEL: Record<DkmsIndexFamily, string> = { module: 'module records', make: 'MAKE/MAKE_MATCH', patch: 'PATCH/PATCH_MATCH' };

export default defineDkmsRule({
  id: 'dkms-index-gap',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'MAKE/MAKE_MATCH or PATCH/PATCH_MATCH indices do not run 0, 1, 2… without gaps, so dkms skips entries',
  fixSafety: 'none',
  messages: {
    gap: 'The {{familyLabel}} skip index {{list}}: dkms counts the entries and reads indices 0 to count-1 only, so entries above a gap are never read (start at 0 and number without gaps)',
  },
  check(ctx) {
    for (const family of Object.keys(DKMS_INDEX_FAMILIES) as DkmsIndexFamily[]) {
      // A gap in the module records is an empty record, which dkms refuses: dkms-missing-required reports it.
      if (family === 'module') continue;
      const { assignments, dynamic } = familyAssignments(ctx.doc, family);
      if (dynamic || assignments.length === 0) continue;
      const used = new Set(assignments.map((a) => recordIndex(a)!));
      const max = maxOf(used);
      if (max > 10000) continue; // not a record list
      const missing: number[] = [];
      for (let i = 0; i <= max; i++) if (!used.has(i)) missing.push(i);
      if (missing.length === 0) continue;
      // report on the first assignment beyond the first gap
      const beyond = assignments.filter((a) => recordIndex(a)! > missing[0]).sort((x, y) => recordIndex(x)! - recordIndex(y)! || x.start - y.start)[0];
      const list = missing.length > 5 ? `${missing.slice(0, 5).join(', ')}, …` : missing.join(', ');
      ctx.report({
        start: beyond.nameSpan.start,
        end: beyond.indexSpan ? beyond.indexSpan.end + 1 : beyond.nameSpan.end,
        messageId: 'gap', data: { familyLabel: FAMILY_LABEL[family], list },
      });
    }
  },
});
