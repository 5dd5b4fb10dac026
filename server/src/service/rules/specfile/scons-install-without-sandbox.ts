import { commandArgs, commandName } from '../../shell';
import { BUILDROOT_REFERENCE } from '../../shell/buildCommands';
import { specShellCommands } from '../../shell/specShell';
import { scopeOf } from '../../specfile/macroScope';
import { defineSpecRule } from '../types';

/** Macros kept as written while expanding arguments, so the build root stays recognisable. */
const KEPT: ReadonlySet<string> = new Set(['buildroot', 'RPM_BUILD_ROOT']);

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
    const scope = scopeOf(ctx.doc, ctx.profile);
    /** The word names the build root or the sandbox after the spec's own macros, or cannot be known. */
    const mayNameBuildRoot = (value: string, offset: number): boolean => {
      if (value.startsWith('--install-sandbox') || BUILDROOT_REFERENCE.test(value)) return true;
      const x = scope.expandKeeping(value, offset, KEPT);
      if (x.uncertain) return true;
      return /(?:^|\s)--install-sandbox/.test(x.text) || BUILDROOT_REFERENCE.test(x.text);
    };
    const isScons = (name: string | undefined) => name !== undefined && /^(?:scons(?:-[23])?|%\{?__scons\}?|%\{?scons\}?)$/.test(name);
    // The build root given to scons in %build (glob2: `scons INSTALLDIR=$RPM_BUILD_ROOT%{_datadir}
    // BINDIR=$RPM_BUILD_ROOT%{_bindir}`): the SConstruct keeps those settings for `scons install`.
    const configured = specShellCommands(ctx.doc, ['build']).some((cmd) => isScons(commandName(cmd)?.value)
      && commandArgs(cmd).some((a) => /^[A-Za-z_-]*=/.test(a.value.replace(/^--?/, '')) && BUILDROOT_REFERENCE.test(a.value)));
    if (configured) return;
    for (const cmd of specShellCommands(ctx.doc, ['install'])) {
      const name = commandName(cmd)?.value;
      if (!isScons(name)) continue;
      const args = commandArgs(cmd);
      const target = args.find((a) => /^install(?:-\S+)?$/.test(a.value));
      if (!target) continue;
      // --install-sandbox, or any argument naming the build root (DESTDIR=…, PREFIX=%{buildroot}/usr),
      // also through the spec's own macros (`%global scons_flags --prefix=%{buildroot}%{_prefix}`);
      // an argument that cannot be resolved may carry it too.
      if ([...args, ...cmd.words.slice(0, cmd.nameIndex)].some((w) => mayNameBuildRoot(w.value, w.start))) continue;
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
