import { prepCalls } from '../../specfile/prepMacros';
import { defineSpecRule } from '../types';

/**
 * `%setup` without `-q` lists every unpacked file in the build log. As in rpmlint, `%setup -T`
 * without -a/-b (which unpacks nothing) is exempt. Information, not warning: it changes the build
 * log, not the package (docs/precision.md).
 */
export default defineSpecRule({
  id: 'setup-not-quiet',
  category: 'style',
  defaultSeverity: 'information',
  description: '%setup without -q floods the build log with the archive listing',
  fixSafety: 'safe',
  messages: {
    notQuiet: '%setup without -q lists every file of the archive in the build log: add -q',
  },
  rpmlintId: 'setup-not-quiet',
  check(ctx) {
    for (const call of prepCalls(ctx.doc)) {
      if (call.name !== 'setup') continue;
      const args = ' ' + call.args;
      if (/\s-[A-Za-z]*q/.test(args)) continue;
      if (/\s-[A-Za-z]*T/.test(args) && !/\s-[A-Za-z]*[ab]/.test(args)) continue;
      ctx.report({
        start: call.start,
        end: call.end,
        messageId: 'notQuiet',
        fixes: [{ title: 'Add -q', edits: [{ start: call.end, end: call.end, newText: ' -q' }] }],
      });
    }
  },
});
