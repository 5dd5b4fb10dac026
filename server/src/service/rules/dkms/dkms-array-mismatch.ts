import { defineDkmsRule } from '../types';
import type { DkmsAssignment } from '../../dkms/ast';
import { familyAssignments, recordIndex } from './_util';

function at(list: DkmsAssignment[], name: string, index: number): DkmsAssignment | undefined {
  return list.find((a) => a.name === name && recordIndex(a) === index);
}

function indexEnd(a: DkmsAssignment): number {
  return a.indexSpan ? a.indexSpan.end + 1 : a.nameSpan.end;
}

export default defineDkmsRule({
  id: 'dkms-array-mismatch',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'Entries of one directive family do not line up: a record without DEST_MODULE_LOCATION, a MAKE_MATCH without MAKE, an unindexed value among several records',
  fixSafety: 'none',
  messages: {
    recordWithoutLocation: 'Module record {{i}} has no DEST_MODULE_LOCATION[{{i}}]: dkms 3.0 rejects the file, and every record needs one',
    unindexedAmongRecords: '{{name}} without an index sets only record 0, but there are {{length}} module records: write {{name}}[0] if that is meant, or set it for every record',
    matchWithoutMain: '{{match}}[{{i}}] has no {{main}}[{{i}}] to select: it has no effect',
    makeWithoutMatch: 'MAKE[{{i}}] has no MAKE_MATCH[{{i}}]: dkms only uses MAKE entries above 0 when their MAKE_MATCH matches the kernel, so this one is never used',
  },
  check(ctx) {
    const doc = ctx.doc;
    // module records
    const mod = familyAssignments(doc, 'module');
    if (!mod.dynamic && mod.assignments.length > 0) {
      const indices = [...new Set(mod.assignments.map((a) => recordIndex(a)!))].sort((x, y) => x - y);
      const multi = indices.length > 1;
      for (const i of indices) {
        const record = mod.assignments.filter((a) => recordIndex(a) === i);
        if (!at(record, 'DEST_MODULE_LOCATION', i)) {
          const first = record[0];
          ctx.report({
            start: first.nameSpan.start,
            end: indexEnd(first),
            messageId: 'recordWithoutLocation', data: { i },
          });
        }
      }
      if (multi) {
        for (const a of mod.assignments) {
          if (a.indexText !== undefined || a.isArray) continue;
          // only worth saying when the same directive has no indexed entries at all
          if (mod.assignments.some((b) => b.name === a.name && b.indexText !== undefined)) continue;
          ctx.report({
            start: a.nameSpan.start,
            end: a.nameSpan.end,
            messageId: 'unindexedAmongRecords', data: { name: a.name, length: indices.length },
          });
        }
      }
    }
    // MAKE / MAKE_MATCH and PATCH / PATCH_MATCH
    for (const [family, main, match] of [['make', 'MAKE', 'MAKE_MATCH'], ['patch', 'PATCH', 'PATCH_MATCH']] as const) {
      const fam = familyAssignments(doc, family);
      if (fam.dynamic) continue;
      for (const a of fam.assignments) {
        const i = recordIndex(a)!;
        if (a.name === match && !at(fam.assignments, main, i)) {
          ctx.report({ start: a.nameSpan.start, end: indexEnd(a), messageId: 'matchWithoutMain', data: { match, i, main } });
        }
        if (family === 'make' && a.name === 'MAKE' && i > 0 && !at(fam.assignments, 'MAKE_MATCH', i)) {
          ctx.report({ start: a.nameSpan.start, end: indexEnd(a), messageId: 'makeWithoutMatch', data: { i } });
        }
      }
    }
  },
});
