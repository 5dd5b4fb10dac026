import { prepCalls } from '../../specfile/prepMacros';
import { defineSpecRule } from '../types';

/** %autopatch outside %prep: it unpacks or patches sources, which belongs to %prep. */
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
      ctx.report({
        start: call.start,
        end: call.end,
        messageId: 'outsidePrep', data: { name: call.section.name },
      });
    }
  },
});
