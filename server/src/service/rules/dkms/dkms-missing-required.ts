import { DKMS_INDEX_FAMILIES } from '../../catalog/dkmsDirectives';
import type { DkmsAssignment } from '../../dkms/ast';
import { defineDkmsRule } from '../types';
import { assignmentsOf, familyAssignments, includesOtherCode, recordIndex } from './_util';
import { maxOf } from '../../text/arrays';

export default defineDkmsRule({
  id: 'dkms-missing-required',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'PACKAGE_NAME, PACKAGE_VERSION, or a module record\'s BUILT_MODULE_NAME or DEST_MODULE_LOCATION is missing',
  fixSafety: 'none',
  messages: {
    missingDirective: '{{name}} is not set: dkms refuses a dkms.conf without it',
    noModuleRecord: 'No module record: set BUILT_MODULE_NAME[0] and DEST_MODULE_LOCATION[0] (dkms 3.0 refuses the file, newer dkms warns that it installs nothing)',
    emptyRecord: 'Module record {{index}} is empty (indices {{indices}} are set): dkms reads every record from 0 up, finds no BUILT_MODULE_NAME[{{index}}] or DEST_MODULE_LOCATION[{{index}}] and refuses the file; number the records from 0 without gaps',
    recordWithoutName: 'Module record {{index}} has no BUILT_MODULE_NAME[{{index}}]: with more than one record dkms requires it for each ({{set}} set here)',
    recordWithoutLocation: 'Module record {{index}} has no DEST_MODULE_LOCATION[{{index}}]: dkms refuses the file ("No \'DEST_MODULE_LOCATION\' directive specified for record #{{index}}"), even on distributions where it installs elsewhere ({{set}} set here)',
  },
  check(ctx) {
    const doc = ctx.doc;
    // A file that sources or evals other code may set anything: only check what it cannot hide.
    const opaque = includesOtherCode(doc);
    const firstLineEnd = doc.lines.lineEnd(0);
    for (const name of ['PACKAGE_NAME', 'PACKAGE_VERSION']) {
      if (assignmentsOf(doc, name).length > 0 || opaque) continue;
      ctx.report({ start: 0, end: firstLineEnd, messageId: 'missingDirective', data: { name } });
    }
    const { assignments, dynamic } = familyAssignments(doc, 'module');
    if (dynamic || opaque) return;
    const records = new Map<number, typeof assignments>();
    for (const a of assignments) {
      if (a.name === 'STRIP') continue; // dkms counts records by the four name/location arrays
      const i = recordIndex(a)!;
      let list = records.get(i);
      if (!list) records.set(i, (list = []));
      list.push(a);
    }
    if (records.size === 0) {
      if (doc.assignments.length === 0) return; // an empty file already lacks PACKAGE_NAME
      ctx.report({
        start: 0,
        end: firstLineEnd,
        messageId: 'noModuleRecord',
      });
      return;
    }
    // dkms reads every record from 0 to the highest index (dkms 3.0: to the longest array's
    // length), so an index left out is an empty record that fails like any other.
    const max = maxOf(records.keys());
    if (max > 10000) return; // not a record list
    const sorted = assignments.filter((a) => a.name !== 'STRIP').sort((x, y) => recordIndex(x)! - recordIndex(y)! || x.start - y.start);
    const at = (a: DkmsAssignment) => ({ start: a.nameSpan.start, end: a.indexSpan ? a.indexSpan.end + 1 : a.nameSpan.end });
    for (let index = 0; index <= max; index++) {
      const list = records.get(index);
      if (!list) {
        const beyond = sorted.find((a) => recordIndex(a)! > index)!;
        ctx.report({
          ...at(beyond),
          messageId: 'emptyRecord', data: { index, indices: [...records.keys()].sort((x, y) => x - y).join(', ') },
        });
        continue;
      }
      const set = DKMS_INDEX_FAMILIES.module.filter((n) => list.some((a) => a.name === n)).join(', ');
      if (records.size > 1 && !list.some((a) => a.name === 'BUILT_MODULE_NAME')) {
        ctx.report({
          ...at(list[0]),
          messageId: 'recordWithoutName', data: { index, set },
        });
      }
      if (!list.some((a) => a.name === 'DEST_MODULE_LOCATION')) {
        ctx.report({
          ...at(list[0]),
          messageId: 'recordWithoutLocation', data: { index, set },
        });
      }
    }
  },
});
