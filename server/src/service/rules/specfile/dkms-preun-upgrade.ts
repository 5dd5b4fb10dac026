import { dkmsCalls } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

/** `$1`, `"$1"`, `${1}`: the scriptlet looks at its install count (or the Debian-style action). */
const ARG1 = /\$\{?1\}?(?![0-9])/;

export default defineSpecRule({
  id: 'dkms-preun-upgrade',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: '`dkms remove` in %preun/%postun runs on upgrades too, without --rpm_safe_upgrade or a $1 check',
  fixSafety: 'unsafe',
  messages: {
    runsOnUpgrade: "%{{name}} also runs when the package is upgraded, after the new package's %post. When the version stays the same (a release bump or rebuild) this `dkms {{text}}` removes the module the new package has just installed. Pass --rpm_safe_upgrade here and to `dkms add` in %post, or run it only when $1 is 0",
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const call of dkmsCalls(doc)) {
      const name = call.section.name;
      if (name !== 'preun' && name !== 'postun') continue;
      if (call.action?.text !== 'remove' && call.action?.text !== 'uninstall') continue;
      if (call.rpmSafeUpgrade || call.opaqueArgs) continue;
      // removing some other version (found at run time) is not this package's own module
      if (call.version && /\$/.test(call.version.text)) continue;
      const seq = call.sequence;
      const before = seq.slice(0, call.index).some((c) => c.words.some((w) => ARG1.test(w.text)));
      if (before) continue;
      if (call.definition) {
        // guarded where the scriptlet expands the macro
        const body = doc.text.slice(call.section.body.start, call.section.body.end);
        if (ARG1.test(body)) continue;
      }
      ctx.report({
        start: call.exe.start,
        end: call.argsEnd,
        messageId: 'runsOnUpgrade', data: { name, text: call.action.text },
        fixes: [{ title: 'Add --rpm_safe_upgrade', safety: 'unsafe', edits: [{ start: call.argsEnd, end: call.argsEnd, newText: ' --rpm_safe_upgrade' }] }],
      });
    }
  },
});
