import { prepCalls } from '../../specfile/prepMacros';
import { defineSpecRule } from '../types';

/** %setup outside %prep: it unpacks or patches sources, which belongs to %prep. */
export default defineSpecRule({
  id: 'setup-not-in-prep',
  category: 'build',
  defaultSeverity: 'warning',
  description: '%setup is used outside the %prep section',
  fixSafety: 'none',
  messages: {
    outsidePrep: '%setup is used in %{{name}}: unpacking and patching belong in %prep',
  },
  rpmlintId: 'setup-not-in-prep',
  check(ctx) {
    for (const call of prepCalls(ctx.doc)) {
      if (call.name !== 'setup' || call.section.kind === 'prep') continue;
      ctx.report({
        start: call.start,
        end: call.end,
        messageId: 'outsidePrep', data: { name: call.section.name },
      });
    }
  },
});
