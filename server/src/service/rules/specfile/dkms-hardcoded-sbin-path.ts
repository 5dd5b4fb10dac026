import { dkmsCalls } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'dkms-hardcoded-sbin-path',
  category: 'dkms',
  defaultSeverity: 'information',
  description: 'A scriptlet runs dkms by a hard-coded /usr/sbin or /sbin path',
  fixSafety: 'safe',
  messages: {
    hardCodedPath: '{{path}} is hard-coded: the scriptlet then depends on where the dkms package puts its program (it moves to /usr/bin where sbin is merged). rpm runs scriptlets with /usr/sbin and /usr/bin on PATH, so call it as `dkms` (or %{_sbindir}/dkms)',
  },
  check(ctx) {
    for (const call of dkmsCalls(ctx.doc)) {
      const m = /^(["']?)((?:\/usr)?\/sbin\/dkms)\1$/.exec(call.exe.text);
      if (!m) continue;
      const start = call.exe.start + m[1].length;
      const end = start + m[2].length;
      ctx.report({
        start,
        end,
        messageId: 'hardCodedPath', data: { path: m[2] },
        fixes: [
          { title: 'Call it as `dkms`', safety: 'safe', edits: [{ start, end, newText: 'dkms' }] },
          { title: 'Use %{_sbindir}/dkms', safety: 'safe', edits: [{ start, end, newText: '%{_sbindir}/dkms' }] },
        ],
      });
    }
  },
});
