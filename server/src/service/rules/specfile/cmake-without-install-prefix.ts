import { commandArgs, commandName, type ShellCommand } from '../../shell';
import { usesQmake } from '../../shell/buildCommands';
import { specShellCommands } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/** `NAME_PREFIX=value` or `NAME_PREFIX:TYPE=value`: a cache variable whose name ends in PREFIX. */
const PREFIX_ASSIGNMENT = /^[A-Za-z0-9_]*PREFIX(?::[A-Za-z]+)?=/;

/** `make install`, `%make_install`, `cmake --install`, `ninja install`, `%cmake_install`… */
function installsWithBuildSystem(cmd: ShellCommand): boolean {
  const name = commandName(cmd)?.value ?? '';
  if (/^%\{?\??(?:make_?install|makeinstall|cmake\d?_install|ninja_install|__ninja_install)\}?$/.test(name)) return true;
  // (the arguments are listed only for a build tool's own name)
  if (/^(?:cmake3?|%\{?__cmake3?\}?)$/.test(name)) return commandArgs(cmd).some((a) => a.value === '--install');
  if (/^(?:make|gmake|%\{?__make\}?|ninja|%\{?__ninja\}?|ninja-build)$/.test(name)) return commandArgs(cmd).some((a) => /^install(?:-strip)?$/.test(a.value));
  return false;
}

/** `cmake`, `cmake3`, `%{__cmake}`, `/usr/bin/cmake`: cmake called directly. */
const DIRECT_CMAKE = /^(?:cmake3?|%\{?__cmake3?\}?|\/usr\/bin\/cmake3?)$/;

/**
 * `cmake ..` called directly without `-DCMAKE_INSTALL_PREFIX`: CMake installs under /usr/local and
 * builds without the distribution's flags. Any `-D…PREFIX=` definition counts as the packager
 * taking care of the prefix (projects with their own prefix variable). `%cmake` sets the prefix, library directory and flags.
 * Specs that also call `%cmake`, `%configure`, `%meson` or qmake are not checked: their direct cmake
 * calls are side builds (tests).
 */
export default defineSpecRule({
  id: 'cmake-without-install-prefix',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'cmake is called directly without -DCMAKE_INSTALL_PREFIX: use %cmake',
  fixSafety: 'none',
  messages: {
    noInstallPrefix: 'cmake without -DCMAKE_INSTALL_PREFIX installs under /usr/local and ignores the distribution flags: use %cmake',
  },
  requires: ['cmake'],
  check(ctx) {
    const cmds = specShellCommands(ctx.doc, ['conf', 'build']);
    // Nothing to report without a direct cmake call (most specs that mention cmake use %cmake).
    if (!cmds.some((c) => DIRECT_CMAKE.test(commandName(c)?.value ?? ''))) return;
    // A spec whose main build uses %cmake, %configure, %meson or qmake calls cmake directly only for
    // side builds (tests, helpers) that are not installed.
    if (usesQmake(ctx.doc) || cmds.some((c) => /^%\{?\??(?:cmake\d?|configure|meson)\}?$/.test(commandName(c)?.value ?? ''))) return;
    // Nothing is installed by a build system (tinydir copies its header by hand and builds with
    // cmake for its tests only): the prefix never reaches the package.
    if (!specShellCommands(ctx.doc, ['install']).some(installsWithBuildSystem)) return;
    for (const cmd of cmds) {
      const name = commandName(cmd)?.value;
      if (!name || !DIRECT_CMAKE.test(name)) continue;
      const args = commandArgs(cmd);
      if (args.length === 0) continue;
      // Not a configure step: --build, --install, -E, -P, --version, presets.
      if (args.some((a) => /^(?:--build|--install|-E|-P|--version|--help|--preset|--workflow|--find-package|-N)\b/.test(a.value))) continue;
      // The packager set a prefix: CMAKE_INSTALL_PREFIX, or the project's own variable for it
      // (kernelshark's `-D_INSTALL_PREFIX=%{_prefix}`, `-DFOO_PREFIX=/usr`).
      if (args.some((a, k) => (a.value === '-D' ? PREFIX_ASSIGNMENT.test(args[k + 1]?.value ?? '') : a.value.startsWith('-D') && PREFIX_ASSIGNMENT.test(a.value.slice(2))))) continue;
      // Options may come from a variable or macro (`cmake $CMAKE_OPTS ..`, `cmake %{cmake_opts}`).
      if (args.some((a) => /^[$%`]/.test(a.value) && !a.value.includes('/') && !/^%\{?_?(?:builddir|srcdir|_cmake_builddir)\}?$/.test(a.value))) continue;
      ctx.report({
        start: cmd.words[cmd.nameIndex].start,
        end: cmd.words[cmd.nameIndex].end,
        messageId: 'noInstallPrefix',
      });
    }
  },
});
