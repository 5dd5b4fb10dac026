import { dkmsCalls } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'dkms-remove-without-all',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: '`dkms remove` without --all or -k removes the module only for the running kernel',
  fixSafety: 'safe',
  messages: {
    withoutAll: '`dkms remove` without --all (or -k <kernel>) only removes the module from the running kernel: builds for the other installed kernels stay in the dkms tree after the package and its sources are gone. Add --all',
  },
  check(ctx) {
    for (const call of dkmsCalls(ctx.doc)) {
      if (call.action?.text !== 'remove' || call.all || call.kernel || call.opaqueArgs) continue;
      ctx.report({
        start: call.exe.start,
        end: call.argsEnd,
        messageId: 'withoutAll',
        fixes: [{ title: 'Add --all', safety: 'safe', edits: [{ start: call.argsEnd, end: call.argsEnd, newText: ' --all' }] }],
      });
    }
  },
});
