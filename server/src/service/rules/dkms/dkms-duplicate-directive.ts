import { isDkmsDirective } from '../../catalog/dkmsDirectives';
import type { DkmsAssignment } from '../../dkms/ast';
import { defineDkmsRule } from '../types';

function key(a: DkmsAssignment): string {
  return a.isArray ? `${a.name}=()` : `${a.name}[${a.indexText ?? ''}]`;
}

/**
 * The same directive (and index) assigned twice at the top level: dkms sources the file, so only
 * the last value counts and the earlier line is dead. Not reported when the earlier value is read
 * in between (`MAKE="…$PACKAGE_VERSION…"` expands at that point), for `+=`, or inside shell blocks.
 */
export default defineDkmsRule({
  id: 'dkms-duplicate-directive',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A directive is set twice, so the first value is silently replaced',
  fixSafety: 'none',
  messages: {
    overridden: '{{name}}{{index}} is already set on line {{line}}: dkms keeps only this later value, so that line has no effect. Remove one of them',
  },
  check(ctx) {
    const last = new Map<string, DkmsAssignment>();
    const readSince = new Set<string>();
    for (const a of ctx.doc.assignments) {
      for (const v of a.values) for (const ref of v.variables) readSince.add(ref.name);
      if (a.conditional || a.append || !isDkmsDirective(a.name)) continue;
      const k = key(a);
      const earlier = last.get(k);
      // The value of this assignment may read the earlier one (`X="$X more"`): that is not dead.
      const readsItself = a.values.some((v) => v.variables.some((r) => r.name === a.name));
      if (earlier && !readSince.has(a.name) && !readsItself) {
        ctx.report({
          start: a.nameSpan.start,
          end: a.indexSpan ? a.indexSpan.end + 1 : a.nameSpan.end,
          messageId: 'overridden', data: { name: a.name, index: a.indexText !== undefined ? `[${a.indexText}]` : '', line: earlier.line + 1 },
          related: [{ start: earlier.start, end: earlier.end, message: 'the earlier value, never used' }],
        });
      }
      last.set(k, a);
      readSince.delete(a.name);
    }
  },
});
