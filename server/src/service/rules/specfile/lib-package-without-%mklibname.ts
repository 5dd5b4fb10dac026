import { defineSpecRule } from '../types';

/**
 * Mageia (and Mandriva heritage): library subpackages are named with `%mklibname` so 32- and
 * 64-bit libraries can be installed side by side. Only checked with the mageia profile.
 */
export default defineSpecRule({
  id: 'lib-package-without-%mklibname',
  category: 'build',
  defaultSeverity: 'error',
  description: 'Mageia: a library subpackage is not named with %mklibname',
  fixSafety: 'none',
  messages: {
    noMklibname: 'A library package is named without %mklibname: on Mageia use %mklibname so 32- and 64-bit libraries can coexist',
  },
  rpmlintId: 'lib-package-without-%mklibname',
  check(ctx) {
    const { doc } = ctx;
    if (ctx.distro !== 'mageia' || doc.text.includes('%mklibname') || doc.text.includes('%{mklibname')) return;
    for (const s of doc.sections) {
      if (s.kind !== 'package') continue;
      const header = doc.text.slice(s.header.start, s.header.end);
      if (!/^%package.*\Wlib/.test(header)) continue;
      ctx.report({
        start: s.header.start,
        end: s.header.end,
        messageId: 'noMklibname',
      });
      return;
    }
  },
});
