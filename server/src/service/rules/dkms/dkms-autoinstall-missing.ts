import { defineDkmsRule } from '../types';

/**
 * A dkms.conf that never sets AUTOINSTALL: `dkms autoinstall`, which the kernel's install hooks
 * run for every new kernel, skips the module (dkms 3.0.10 reads `[[ ! $AUTOINSTALL ]] && continue`),
 * so the driver is missing after the next kernel update. Any assignment counts as a decision
 * (`AUTOINSTALL=""`, one inside an `if`, one from a variable); files without PACKAGE_NAME
 * (fragments, dkms-missing-required's business) are left alone.
 */
export default defineDkmsRule({
  id: 'dkms-autoinstall-missing',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'AUTOINSTALL is never set, so dkms does not rebuild the module for new kernels',
  fixSafety: 'unsafe',
  messages: {
    missing: 'AUTOINSTALL is not set: `dkms autoinstall`, which runs for each newly installed kernel, skips {{name}} (checked with dkms 3.0.10), so the module is missing after the next kernel update until someone runs dkms install by hand. Add AUTOINSTALL="yes"',
  },
  requires: ['PACKAGE_NAME'],
  check(ctx) {
    const doc = ctx.doc;
    if (doc.assignments.some((a) => a.name === 'AUTOINSTALL')) return;
    // A file that mentions AUTOINSTALL in shell code (`eval`, `declare`) decides it some other way.
    if (doc.shellCode.some((c) => c.text.includes('AUTOINSTALL'))) return;
    const name = doc.assignments.find((a) => a.name === 'PACKAGE_NAME' && !a.isArray && a.indexText === undefined && !a.conditional);
    if (!name) return;
    const value = name.values[0]?.text;
    // a new line after the last top-level assignment (inside an `if` it would be conditional)
    const last = [...doc.assignments].reverse().find((a) => !a.conditional)!;
    const end = doc.lines.lineEnd(last.endLine);
    const newText = `${doc.hasCrlf ? '\r\n' : '\n'}AUTOINSTALL="yes"`;
    ctx.report({
      start: name.nameSpan.start,
      end: name.nameSpan.end,
      messageId: 'missing',
      data: { name: value ? `"${value}"` : 'the module' },
      fixes: [{ title: 'Add AUTOINSTALL="yes"', safety: 'unsafe', edits: [{ start: end, end, newText }] }],
    });
  },
});
