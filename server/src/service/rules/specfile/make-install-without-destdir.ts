import { commandArgs, commandName } from '../../shell';
import { BUILDROOT_REFERENCE, isMakeCommand, usesQmake } from '../../shell/buildCommands';
import { shellScript, specHereDocs, type SpecShellCommand } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/** An install location (`--prefix=`, `--with-install-root=`, `INSTALLDIR=`) that names the build root. */
const INSTALL_LOCATION_IN_BUILDROOT = /(?:^|[\s"'])(?:--?)?[A-Za-z_-]*(?:prefix|PREFIX|root|ROOT|dir|DIR)=["']?(?:%\{?\??buildroot\}?|\$\{?RPM_BUILD_ROOT\}?)/;

/** Commands that fail when their files are missing: removing (without -f), moving, editing. */
const NEEDS_EXISTING = /^(?:rm|mv|chmod|sed|rmdir)$/;

type Command = { words: readonly { value: string }[]; nameIndex: number };

/**
 * For each command of a section: the next command that names the build root needs files already
 * in it (pdfio: `make install` then `rm %{buildroot}/%{_pkgdocdir}/{LICENSE,NOTICE}`), so the make
 * install put them there and its Makefile takes the build root on its own (from $RPM_BUILD_ROOT,
 * which rpmbuild exports). `rm -f` proves nothing: it succeeds on missing files. One pass from the
 * end, made once per section (a section of many `make install`s must not rescan the rest for each).
 */
function populatesBuildrootAfter(commands: readonly Command[]): boolean[] {
  const result = new Array<boolean>(commands.length).fill(false);
  let next = false;
  for (let i = commands.length - 1; i >= 0; i--) {
    result[i] = next;
    const cmd = commands[i];
    if (!cmd.words.some((w) => BUILDROOT_REFERENCE.test(w.value))) continue;
    const name = cmd.nameIndex >= 0 ? cmd.words[cmd.nameIndex].value : '';
    next = NEEDS_EXISTING.test(name) && !cmd.words.some((w) => /^-[A-Za-z]*f/.test(w.value));
  }
  return result;
}

/** `make install`, `make install-strip` (any make, any other arguments). */
function isMakeInstall(cmd: SpecShellCommand): boolean {
  return isMakeCommand(commandName(cmd)?.value) && commandArgs(cmd).some((a) => a.value === 'install' || a.value === 'install-strip');
}

/**
 * `make install` in %install with nothing pointing it at the build root: no DESTDIR=, INSTALL_ROOT=,
 * install_root=, prefix=%{buildroot}… and no exported DESTDIR. A destination variable set to
 * anything (`DESTDIR=%{static_buildroot}`) counts: the packager chose where the files go. The files go to the real system
 * (or the build fails on permissions). `%make_install` does it right.
 */
export default defineSpecRule({
  id: 'make-install-without-destdir',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'make install in %install without DESTDIR=%{buildroot}: use %make_install',
  fixSafety: 'unsafe',
  messages: {
    noDestdir: 'make install without DESTDIR= installs outside the build root: use %make_install (or add DESTDIR=%{buildroot})',
  },
  check(ctx) {
    const { doc } = ctx;
    // Only a `make … install` in %install can be reported, and most specs have none (they use
    // %make_install): the commands of the other sections need not be read then.
    if (!doc.sections.some((s) => s.kind === 'install' && (shellScript(doc, s)?.commands ?? []).some(isMakeInstall))) return;
    // qmake projects need INSTALL_ROOT instead: qmake-install-without-install-root reports those.
    if (usesQmake(doc)) return;
    // A build configured with the build root as its prefix (`./configure --prefix=%{buildroot}/usr`)
    // installs there with a plain `make install`.
    // Also inside a longer word: an option list kept in a variable (brltty:
    // `configure_opts="… --with-install-root=%{buildroot} …"`, gprolog: `--with-install-dir=$RPM_BUILD_ROOT…`).
    const configuredIntoBuildroot = (words: { value: string }[]) =>
      words.some((w) => INSTALL_LOCATION_IN_BUILDROOT.test(w.value))
      // A configuration file edited in place to put the build root in (latex2html:
      // `sed -i "s,%{_prefix},%{buildroot}%{_prefix}," cfgcache.pm` before `make install`).
      || (/^(?:sed|perl)$/.test(words[0]?.value ?? '') && words.some((w) => /^-[A-Za-z]*i/.test(w.value)) && words.some((w) => !w.value.startsWith('-') && BUILDROOT_REFERENCE.test(w.value) && /^["']?s(.).*\1/.test(w.value)));
    let exportedBefore = false;
    // A here-document that writes the build root into a file the build reads (emacs-common-ddskk:
    // `cat >> SKK-CFG <<EOF` with `(setq PREFIX "%{buildroot}%{_prefix}")` before `make install`).
    const configFiles = specHereDocs(doc).filter((h) => (h.section.kind === 'build' || h.section.kind === 'install' || h.section.kind === 'prep') && h.target && BUILDROOT_REFERENCE.test(h.hereDoc.body));
    for (const s of doc.sections) {
      if (s.kind === 'build' || s.kind === 'conf') {
        if ((shellScript(doc, s)?.commands ?? []).some((c) => configuredIntoBuildroot(c.words))) exportedBefore = true;
        continue;
      }
      if (s.kind !== 'install') continue;
      let exported = exportedBefore;
      const commands = shellScript(doc, s)?.commands ?? [];
      let populates: boolean[] | undefined;
      for (const [index, cmd] of commands.entries()) {
        if (configFiles.some((h) => h.command === cmd)) exported = true;
        if (configuredIntoBuildroot(cmd.words) && !isMakeCommand(commandName(cmd)?.value)) exported = true;
        // `export DESTDIR=…`, `DESTDIR=…` alone, `cd %{buildroot}` or a build-root variable set earlier.
        if ((cmd.nameIndex < 0 && cmd.leading.length === 0) || cmd.words[0].value === 'export' || cmd.words[0].value === 'cd') {
          if (cmd.words.some((w) => BUILDROOT_REFERENCE.test(w.value))) exported = true;
          continue;
        }
        if (exported) continue;
        const name = commandName(cmd)?.value;
        if (!isMakeCommand(name)) continue;
        const args = commandArgs(cmd);
        const install = args.find((a) => a.value === 'install' || a.value === 'install-strip');
        if (!install) continue;
        if (cmd.words.some((w) => BUILDROOT_REFERENCE.test(w.value) || /^-e$/.test(w.value))) continue;
        // A destination given explicitly, even one that is not the build root itself
        // (`DESTDIR=%{static_buildroot}` in qemu, `DESTDIR=%{vroot}/psw`, `DESTDIR=\`pwd\`/tree`): the
        // packager chose where it goes.
        if (args.some((a) => /^(?:DESTDIR|DEST_DIR|DSTROOT|INSTROOT|INSTALL_ROOT|install_root)=./.test(a.value))) continue;
        // Variables/macros may carry DESTDIR (`make $MAKEFLAGS install`, `make %{makeopts} install`).
        if (args.some((a) => /^[$%`]/.test(a.value))) continue;
        if ((populates ??= populatesBuildrootAfter(commands))[index]) continue;
        const mk = cmd.words[cmd.nameIndex];
        const plain = cmd.nameIndex === 0 && args.length === 1 && /^(?:make|%\{__make\}|%__make)$/.test(mk.value);
        ctx.report({
          start: mk.start,
          end: install.end,
          messageId: 'noDestdir',
          fixes: plain
            ? [{ title: 'Replace with %make_install', edits: [{ start: mk.start, end: install.end, newText: '%make_install' }] }]
            : [{ title: 'Add DESTDIR=%{buildroot}', edits: [{ start: install.end, end: install.end, newText: ' DESTDIR=%{buildroot}' }] }],
        });
      }
    }
  },
});
