import { commandName } from '../../shell';
import { isMakeCommand } from '../../shell/buildCommands';
import { shellScript } from '../../shell/specShell';
import { prepCalls } from '../../specfile/prepMacros';
import { defineSpecRule } from '../types';

/** Commands and macros that build: after one of them, a patch changes the build's output. */
const BUILDS = /^(?:%\{?\??(?:make_build|configure|cmake_build|cmake|meson_build|meson|ninja_build|py3_build|pyproject_wheel|set_build_flags)\}?|\.\/configure|ninja|cmake|meson)$/;

/**
 * %autopatch outside %prep: it unpacks or patches sources, which belongs to %prep. Not reported
 * after a build command in the same section (dnssec-trigger: `%make_build`, then `%autopatch -p1 2`
 * on the generated example.conf to make a second configuration variant): such a patch changes
 * what the build produced, it cannot move to %prep.
 */
export default defineSpecRule({
  id: '%autopatch-not-in-prep',
  category: 'build',
  defaultSeverity: 'warning',
  description: '%autopatch is used outside the %prep section',
  fixSafety: 'none',
  messages: {
    outsidePrep: '%autopatch is used in %{{name}}: unpacking and patching belong in %prep',
  },
  rpmlintId: '%autopatch-not-in-prep',
  check(ctx) {
    for (const call of prepCalls(ctx.doc)) {
      if (call.name !== 'autopatch' || call.section.kind === 'prep') continue;
      const builtBefore = (shellScript(ctx.doc, call.section)?.commands ?? []).some((c) => {
        if (c.words[0] === undefined || c.words[0].start >= call.start) return false;
        const name = commandName(c)?.value;
        return name !== undefined && (isMakeCommand(name) || BUILDS.test(name));
      });
      if (builtBefore) continue;
      ctx.report({
        start: call.start,
        end: call.end,
        messageId: 'outsidePrep', data: { name: call.section.name },
      });
    }
  },
});
