import type { SpecDocument } from '../../specfile/ast';
import { commandName, type ShellWord } from '../../shell';
import { shellFunctions, shellScripts, type ShellScript, type SpecShellCommand } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/** The section where tests belong (sections whose text is not shell have no shell script to read). */
const SKIP = new Set(['check']);
const MAKE = /^(?:make|gmake|\/usr\/bin\/g?make|%\{?__make\}?|%\{?_bindir\}?\/g?make)$/;
/** Commands that run the command after their options (`xvfb-run -a make check`). */
const RUNNERS = /^(?:\/usr\/bin\/)?(?:xvfb-run|dbus-run-session|dbus-launch|timeout|%\{?_bindir\}?\/xvfb-run)$/;
/** make options whose value is the next word. */
const VALUE_OPTIONS = new Set(['-C', '-f', '-I', '-o', '-W', '--directory', '--file', '--makefile', '--include-dir']);
/**
 * `tests` is not a target that runs tests by convention (xscreensaver's `make tests -C driver`
 * builds test programs); rpmlint's pattern reaches it only as a prefix match of `test`.
 */
const TEST_TARGET = /^(?:check|test)$/;
/** make targets that throw the build tree away: a test run before one is a training run. */
const CLEAN_TARGET = /^(?:clean|distclean|mostlyclean|maintainer-clean)$/;

/** A macro reference in an %if condition: negation, `%{?…}` flags, the name, and the argument of `%{with x}`. */
const CONDITION_MACRO = /(!?)[ \t]*0?%\{?([!?]*)([A-Za-z_]\w*)(?:[ \t]+([A-Za-z_]\w*))?/g;
/** A name that switches tests: %runselftest, %with_check, %{with tests}, %_with_testsuite, %do_check … */
const TEST_SWITCH_NAME = /(?:^|_)(?:run_?)?(?:self)?(?:check|tests?|testsuite)(?:_|$)/i;

/** The condition turns tests on: it names a test switch, not negated (`%{without check}`, `%{!?with_check}` do not count). */
function namesTestSwitch(condition: string): boolean {
  for (const m of condition.matchAll(CONDITION_MACRO)) {
    if (m[1] === '!' || m[2].includes('!') || m[3] === 'without') continue;
    const name = m[3] === 'with' ? m[4] : m[3];
    if (name !== undefined && TEST_SWITCH_NAME.test(name)) return true;
  }
  return false;
}

/** The line sits (at any depth) in an `%if`/`%elif` arm whose condition names a test switch. */
function inTestSwitchArm(doc: SpecDocument, line: number): boolean {
  for (let path = doc.lineConditional[line] ?? 0; path !== 0; path = doc.conditionalPaths[path].parent) {
    const entry = doc.conditionalPaths[path];
    const branch = doc.conditionals[entry.block]?.branches[entry.branch];
    if (!branch) break;
    if ((branch.keyword === 'if' || branch.keyword === 'elif') && namesTestSwitch(branch.condition)) return true;
  }
  return false;
}

/**
 * The packager runs the command under a test switch of their own: it sits in a test-switch arm,
 * or in a shell function every call of which does (postgresql's run_testsuite under `%if %runselftest`).
 */
function underTestSwitch(doc: SpecDocument, cmd: SpecShellCommand, script: ShellScript): boolean {
  if (inTestSwitchArm(doc, doc.lines.lineOf(cmd.start))) return true;
  const fn = shellFunctions(script).find((f) => f.body.includes(cmd));
  if (!fn) return false;
  const calls = script.commands.filter((c) => commandName(c)?.value === fn.name && !fn.body.includes(c));
  return calls.length > 0 && calls.every((c) => inTestSwitchArm(doc, doc.lines.lineOf(c.start)));
}

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

/** A later command of the same script is `make clean`/`make distclean`. */
function cleanedAfter(script: ShellScript, index: number): boolean {
  return script.commands.slice(index + 1).some((c) => {
    const name = commandName(c);
    return name !== undefined && MAKE.test(name.value) && c.words.slice(c.nameIndex + 1).some((w) => w.quoting === 'none' && CLEAN_TARGET.test(w.value));
  });
}

/** The spec runs its tests in a %check section with commands of its own. */
function hasCheckCommands(doc: SpecDocument): boolean {
  return shellScripts(doc).some((s) => s.section.kind === 'check' && s.commands.length > 0);
}

/**
 * `make check`/`make test` in %build or %install: tests then run even with `--nocheck` and
 * their failures look like build failures. Not reported: `make test` when %check runs the tests
 * itself (ebtree's `make test` builds the programs %check's tests.sh runs; qat-zstd-plugin's builds
 * ./test/test), and a test run followed by `make clean`/`distclean` in the same section (hunspell's
 * profile-training build runs `make check` to feed the profiler, then cleans and builds again). rpmlint's trigger is kept otherwise,
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
    for (const script of shellScripts(ctx.doc)) {
      if (SKIP.has(script.section.kind)) continue;
      for (const [index, cmd] of script.commands.entries()) {
        const name = commandName(cmd);
        if (!name) continue;
        let makeAt = cmd.nameIndex;
        if (RUNNERS.test(name.value)) {
          makeAt = cmd.words.findIndex((w, k) => k > cmd.nameIndex && !w.redirect && w.quoting === 'none' && MAKE.test(w.value));
          if (makeAt < 0) continue;
        } else if (!MAKE.test(name.value)) continue;
        const target = testTarget(cmd.words, makeAt + 1);
        if (!target) continue;
        if (underTestSwitch(ctx.doc, cmd, script)) continue;
        if (target.value === 'test' && hasCheckCommands(ctx.doc)) continue;
        if (cleanedAfter(script, index)) continue;
        const make = cmd.words[makeAt];
        const shown = cmd.words.slice(makeAt, cmd.words.indexOf(target) + 1).filter((w) => !w.redirect).map((w) => w.text).join(' ');
        ctx.report({ start: make.start, end: target.end, messageId: 'outsideCheck', data: { command: shown, name: cmd.section.name } });
      }
    }
  },
});
