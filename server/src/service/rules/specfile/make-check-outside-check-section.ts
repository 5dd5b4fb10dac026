import { commandName, type ShellWord } from '../../shell';
import { specShellCommands } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/** Sections where tests belong, or whose text is not shell that rpm runs while building. */
const SKIP = new Set(['check']);
const MAKE = /^(?:make|gmake|\/usr\/bin\/g?make|%\{?__make\}?|%\{?_bindir\}?\/g?make)$/;
/** Commands that run the command after their options (`xvfb-run -a make check`). */
const RUNNERS = /^(?:\/usr\/bin\/)?(?:xvfb-run|dbus-run-session|dbus-launch|timeout|%\{?_bindir\}?\/xvfb-run)$/;
/** make options whose value is the next word. */
const VALUE_OPTIONS = new Set(['-C', '-f', '-I', '-o', '-W', '--directory', '--file', '--makefile', '--include-dir']);
const TEST_TARGET = /^(?:check|tests?)$/;

/** The `check`/`test`/`tests` target among a make command's arguments (from `from`), if any. */
function testTarget(words: readonly ShellWord[], from: number): ShellWord | undefined {
  for (let k = from; k < words.length; k++) {
    const w = words[k];
    if (w.redirect) continue;
    if (VALUE_OPTIONS.has(w.value)) {
      k++;
      continue;
    }
    // options, VAR=value, macros (`%{?_smp_mflags}`) and variables are not targets
    if (w.value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(w.value) || /^[%$]/.test(w.value)) continue;
    if (w.quoting === 'none' && TEST_TARGET.test(w.value)) return w;
  }
  return undefined;
}

/**
 * `make check`/`make test` in %build or %install: tests then run even with `--nocheck` and
 * their failures look like build failures. rpmlint's trigger is kept (including `make tests`),
 * read from the shell layer's commands: make (or a runner such as xvfb-run that starts it) must be
 * the command and check/test one of its targets, so words inside quoted arguments
 * (`git commit -m "… make check …"`) and comments are not reported.
 */
export default defineSpecRule({
  id: 'make-check-outside-check-section',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'make check/test runs outside the %check section',
  fixSafety: 'none',
  messages: {
    outsideCheck: "'{{command}}' in %{{name}}: run tests in %check, so --nocheck skips them and failures are reported as test failures",
  },
  requires: ['check', 'test'],
  rpmlintId: 'make-check-outside-check-section',
  check(ctx) {
    for (const cmd of specShellCommands(ctx.doc)) {
      if (SKIP.has(cmd.section.kind)) continue;
      const name = commandName(cmd);
      if (!name) continue;
      let makeAt = cmd.nameIndex;
      if (RUNNERS.test(name.value)) {
        makeAt = cmd.words.findIndex((w, k) => k > cmd.nameIndex && !w.redirect && w.quoting === 'none' && MAKE.test(w.value));
        if (makeAt < 0) continue;
      } else if (!MAKE.test(name.value)) continue;
      const target = testTarget(cmd.words, makeAt + 1);
      if (!target) continue;
      const make = cmd.words[makeAt];
      const shown = cmd.words.slice(makeAt, cmd.words.indexOf(target) + 1).filter((w) => !w.redirect).map((w) => w.text).join(' ');
      ctx.report({ start: make.start, end: target.end, messageId: 'outsideCheck', data: { command: shown, name: cmd.section.name } });
    }
  },
});
