import { commandArgs, commandName } from '../../shell';
import { BUILDROOT_REFERENCE, isMakeCommand, usesQmake } from '../../shell/buildCommands';
import { shellScript } from '../../shell/specShell';
import { defineSpecRule } from '../types';

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
    // qmake projects need INSTALL_ROOT instead: qmake-install-without-install-root reports those.
    if (usesQmake(doc)) return;
    // A build configured with the build root as its prefix (`./configure --prefix=%{buildroot}/usr`)
    // installs there with a plain `make install`.
    const configuredIntoBuildroot = (words: { value: string }[]) =>
      words.some((w) => /^(?:--?)?[A-Za-z_]*(?:prefix|PREFIX|root|ROOT|dir|DIR)=/.test(w.value) && BUILDROOT_REFERENCE.test(w.value))
      // A configuration file edited in place to put the build root in (latex2html:
      // `sed -i "s,%{_prefix},%{buildroot}%{_prefix}," cfgcache.pm` before `make install`).
      || (/^(?:sed|perl)$/.test(words[0]?.value ?? '') && words.some((w) => /^-[A-Za-z]*i/.test(w.value)) && words.some((w) => !w.value.startsWith('-') && BUILDROOT_REFERENCE.test(w.value) && /^["']?s(.).*\1/.test(w.value)));
    let exportedBefore = false;
    for (const s of doc.sections) {
      if (s.kind === 'build' || s.kind === 'conf') {
        if ((shellScript(doc, s)?.commands ?? []).some((c) => configuredIntoBuildroot(c.words))) exportedBefore = true;
        continue;
      }
      if (s.kind !== 'install') continue;
      let exported = exportedBefore;
      for (const cmd of shellScript(doc, s)?.commands ?? []) {
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
