import { patchApplications } from '../../specfile/patches';
import { defineSpecRule } from '../types';

/**
 * `%patchN` (the number glued to the macro name) was deprecated in rpm 4.18 and removed in rpm
 * 4.20: rpmbuild then fails with "%patchN is obsolete". `%patch -P N` works on every rpm version.
 * An error on the fedora profile (Fedora ≥ 41 ships rpm ≥ 4.20); a warning on the others, whose
 * current releases may still ship an older rpm (the profiles carry no rpm version).
 */
export default defineSpecRule({
  id: 'obsolete-patchn-syntax',
  category: 'deprecated',
  defaultSeverity: 'warning',
  defaultSeverityByDistro: { fedora: 'error' },
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
