import { patchApplications } from '../../specfile/patches';
import { rpmAtLeast } from '../../catalog/releases';
import { defineSpecRule } from '../types';

/**
 * `%patchN` (the number glued to the macro name) was deprecated in rpm 4.18 and removed in rpm
 * 4.20: rpmbuild then fails with "%patchN is obsolete". `%patch -P N` works on every rpm version.
 * An error on releases whose rpm is 4.20 or newer (Fedora, Tumbleweed, Mageia 10), where the build
 * fails; a warning on the older ones (EL 8–10, Leap 15.6, Mageia 9, generic 4.18), where it still works.
 */
export default defineSpecRule({
  id: 'obsolete-patchn-syntax',
  category: 'deprecated',
  defaultSeverity: 'warning',
  defaultSeverityFor: (release) => (rpmAtLeast(release, '4.20') ? 'error' : 'warning'),
  description: '%patchN (number glued to the name) is removed in rpm 4.20: write %patch -P N',
  fixSafety: 'safe',
  messages: {
    patchN: '%patch{{n}} is obsolete (removed in rpm 4.20): write %patch -P {{n}}',
  },
  requires: ['%patch'],
  tags: ['deprecated'],
  check(ctx) {
    const { doc } = ctx;
    for (const app of patchApplications(doc)) {
      if (app.legacyNumber === undefined) continue;
      const n = app.legacyNumber;
      const args = doc.text.slice(app.argsStart, app.argsEnd);
      const canFix = app.ref.form === 'plain' && !/(^|\s)-P/.test(args);
      ctx.report({
        start: app.ref.start,
        end: app.ref.end,
        messageId: 'patchN', data: { n },
        fixes: canFix ? [{ title: `Replace with %patch -P ${n}`, edits: [{ start: app.ref.nameStart, end: app.ref.nameEnd, newText: `patch -P ${n}` }] }] : [],
      });
    }
  },
});
