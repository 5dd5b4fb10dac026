import type { SpecDocument } from '../../specfile/ast';
import { commandArgs, commandName } from '../../shell';
import { specShellCommands, type SpecShellCommand } from '../../shell/specShell';
import { defineSpecRule } from '../types';

const DIR_OPTIONS = /^--(?:libdir|sysconfdir|mandir|datadir|localstatedir|bindir|sbindir|includedir|infodir|libexecdir|docdir|datarootdir)=/;

/** Evidence that ./configure is an autoconf script (so %configure's options are understood). */
function autotools(doc: SpecDocument): boolean {
  const cmds = specShellCommands(doc, ['prep', 'conf', 'build']);
  if (cmds.some((c) => /^(?:autoreconf|autoconf|automake|libtoolize|aclocal|\.\/autogen\.sh|%\{?autoreconf\}?|NOCONFIGURE=\S*)$/.test(commandName(c)?.value ?? ''))) return true;
  return doc.tags.some((t) => t.key === 'buildrequires' && (t.dependencies ?? []).some((d) => /^(?:autoconf|automake|libtool)$/.test(d.name)));
}

/** The comment lines right above the command weigh %configure's options: the choice is deliberate. */
function explainedAbove(doc: SpecDocument, cmd: SpecShellCommand): boolean {
  for (let line = doc.lines.lineOf(cmd.start) - 1; line >= 0 && doc.lineKinds[line] === 'comment'; line--) {
    if (/%\{?configure\b|--(?:libdir|prefix)\b|CFLAGS/.test(doc.lines.lineText(line))) return true;
  }
  return false;
}

/**
 * A later command of the same section throws the configured tree away (`make dist`,
 * `make distclean`, `rm -f config.status`): this ./configure only generates files (libfm's
 * `./configure; make dist; rm -f config.status` for a git snapshot), the build's own comes later.
 */
function throwawayRun(commands: readonly SpecShellCommand[], cmd: SpecShellCommand): boolean {
  return commands.slice(commands.indexOf(cmd) + 1).some((c) => c.section === cmd.section && (
    (/^(?:make|%\{?__make\}?)$/.test(commandName(c)?.value ?? '') && commandArgs(c).some((a) => /^(?:dist|distclean)$/.test(a.value)))
    || (commandName(c)?.value === 'rm' && commandArgs(c).some((a) => a.value === 'config.status'))));
}

/**
 * `./configure` where `%configure` fits: the macro passes the distribution's directories
 * (`--libdir=%{_libdir}` …), the host triplet and the compiler flags. Only reported when the call
 * passes no directories itself (it then installs under /usr/local) and the script is autoconf's
 * (autotools in the spec), since hand-written configure scripts do not accept %configure's options.
 * Not reported either when the comment right above weighs %configure's options, or when the
 * section then throws the configured tree away.
 */
export default defineSpecRule({
  id: 'plain-configure',
  category: 'build',
  defaultSeverity: 'warning',
  description: './configure without --prefix in an autotools spec: use %configure',
  fixSafety: 'unsafe',
  messages: {
    plainConfigure: "./configure misses the distribution's directories, host triplet and flags: use %configure",
  },
  requires: ['configure'],
  check(ctx) {
    const { doc } = ctx;
    let isAutotools: boolean | undefined;
    const commands = specShellCommands(doc, ['conf', 'build']);
    for (const cmd of commands) {
      const name = commandName(cmd)?.value;
      if (name !== './configure') continue;
      const args = commandArgs(cmd);
      // Directories given by hand (`--prefix=%{_prefix} …`): a deliberate choice (%configure's flags
      // break some projects, e.g. GHC or OCaml), not an oversight.
      if (args.some((a) => /^--(?:prefix|exec-prefix)(?:=|$)/.test(a.value) || DIR_OPTIONS.test(a.value))) continue;
      // Options from a variable or macro may hold the directories.
      if (args.some((a) => /^[$%`]/.test(a.value))) continue;
      // Deliberate (flocq: "We do NOT want to specify --libdir, and we don't need CFLAGS") or a
      // run whose output is thrown away (libfm).
      if (explainedAbove(doc, cmd) || throwawayRun(commands, cmd)) continue;
      isAutotools ??= autotools(doc);
      if (!isAutotools) continue;
      const word = cmd.words[cmd.nameIndex];
      ctx.report({
        start: word.start,
        end: word.end,
        messageId: 'plainConfigure',
        fixes: [{ title: 'Replace with %configure', edits: [{ start: word.start, end: word.end, newText: '%configure' }] }],
      });
    }
  },
});
