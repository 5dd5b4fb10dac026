import { prepCalls } from '../../specfile/prepMacros';
import { defineSpecRule } from '../types';

/** %autosetup outside %prep: it unpacks or patches sources, which belongs to %prep. */
export default defineSpecRule({
  id: '%autosetup-not-in-prep',
  category: 'build',
  defaultSeverity: 'warning',
  description: '%autosetup is used outside the %prep section',
  fixSafety: 'none',
  messages: {
    outsidePrep: '%autosetup is used in %{{name}}: unpacking and patching belong in %prep',
  },
  rpmlintId: '%autosetup-not-in-prep',
  check(ctx) {
    for (const call of prepCalls(ctx.doc)) {
      if (call.name !== 'autosetup' || call.section.kind === 'prep') continue;
      ctx.report({
        start: call.start,
        end: call.end,
        messageId: 'outsidePrep', data: { name: call.section.name },
      });
    }
  },
});
