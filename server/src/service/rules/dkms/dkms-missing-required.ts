import { DKMS_INDEX_FAMILIES } from '../../catalog/dkmsDirectives';
import { defineDkmsRule } from '../types';
import { assignmentsOf, familyAssignments, includesOtherCode, recordIndex } from './_util';

export default defineDkmsRule({
  id: 'dkms-missing-required',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'PACKAGE_NAME, PACKAGE_VERSION or a module record\'s BUILT_MODULE_NAME is missing',
  fixSafety: 'none',
  check(ctx) {
    const doc = ctx.doc;
    // A file that sources or evals other code may set anything: only check what it cannot hide.
    const opaque = includesOtherCode(doc);
    const firstLineEnd = doc.lines.lineEnd(0);
    for (const name of ['PACKAGE_NAME', 'PACKAGE_VERSION']) {
      if (assignmentsOf(doc, name).length > 0 || opaque) continue;
      ctx.report({ start: 0, end: firstLineEnd, message: `${name} is not set: dkms refuses a dkms.conf without it` });
    }
    const { assignments, dynamic } = familyAssignments(doc, 'module');
    if (dynamic || opaque) return;
    const records = new Map<number, typeof assignments>();
    for (const a of assignments) {
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
        message: `No module record: set BUILT_MODULE_NAME[0] and DEST_MODULE_LOCATION[0] (dkms 3.0 refuses the file, newer dkms warns that it installs nothing)`,
      });
      return;
    }
    if (records.size < 2) return; // one record: BUILT_MODULE_NAME defaults to PACKAGE_NAME
    for (const [index, list] of [...records].sort((x, y) => x[0] - y[0])) {
      if (list.some((a) => a.name === 'BUILT_MODULE_NAME')) continue;
      const first = list[0];
      ctx.report({
        start: first.nameSpan.start,
        end: first.indexSpan ? first.indexSpan.end + 1 : first.nameSpan.end,
        message: `Module record ${index} has no BUILT_MODULE_NAME[${index}]: with more than one record dkms requires it for each (${DKMS_INDEX_FAMILIES.module.filter((n) => list.some((a) => a.name === n)).join(', ')} set here)`,
      });
    }
  },
});
