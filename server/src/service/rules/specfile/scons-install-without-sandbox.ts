import { commandArgs, commandName } from '../../shell';
import { BUILDROOT_REFERENCE } from '../../shell/buildCommands';
import { specShellCommands } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/**
 * `scons … install` in %install without `--install-sandbox=%{buildroot}`: SCons installs into the
 * real system (or fails for lack of permissions) instead of the build root.
 */
export default defineSpecRule({
  id: 'scons-install-without-sandbox',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'scons install in %install without --install-sandbox=%{buildroot}',
  fixSafety: 'unsafe',
  messages: {
    noSandbox: 'scons install without --install-sandbox installs outside the build root: add --install-sandbox=%{buildroot}',
  },
  requires: ['scons'],
  check(ctx) {
    for (const cmd of specShellCommands(ctx.doc, ['install'])) {
      const name = commandName(cmd)?.value;
      if (!name || !/^(?:scons(?:-[23])?|%\{?__scons\}?|%\{?scons\}?)$/.test(name)) continue;
      const args = commandArgs(cmd);
      const target = args.find((a) => /^install(?:-\S+)?$/.test(a.value));
      if (!target) continue;
      // --install-sandbox, or any argument naming the build root (DESTDIR=…, PREFIX=%{buildroot}/usr).
      if (args.some((a) => a.value.startsWith('--install-sandbox') || BUILDROOT_REFERENCE.test(a.value))) continue;
      if (cmd.words.slice(0, cmd.nameIndex).some((w) => BUILDROOT_REFERENCE.test(w.value))) continue;
      const last = cmd.words[cmd.words.length - 1];
      ctx.report({
        start: cmd.words[cmd.nameIndex].start,
        end: target.end,
        messageId: 'noSandbox',
        fixes: [{ title: 'Add --install-sandbox=%{buildroot}', edits: [{ start: last.end, end: last.end, newText: ' --install-sandbox=%{buildroot}' }] }],
      });
    }
  },
});
