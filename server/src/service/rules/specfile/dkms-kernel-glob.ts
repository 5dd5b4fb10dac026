import { scriptletMatches } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/** `/lib/modules/` (or `/usr/lib/modules/`) followed by a kernel-version pattern: `[5-6]*`, `5.*`, `6.1*`, `{5,6}.*`. */
const GLOB = /(?:\/usr)?\/lib\/modules\/(?:\[[0-9][0-9-]*\][^\s/;|&)"']*|[0-9]+\.[0-9]*\*[^\s/;|&)"']*|\{[0-9.,]+\}[^\s/;|&)"']*)/g;

export default defineSpecRule({
  id: 'dkms-kernel-glob',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A scriptlet hard-codes kernel versions in a /lib/modules glob (/lib/modules/[5-6]*), so new kernel series are skipped',
  fixSafety: 'none',
  messages: {
    kernelVersionGlob: '{{match}} names kernel versions: the loop skips every kernel outside them (7.x kernels, the next series), so the module is not built for them. Use /lib/modules/*/ (with a test for build/), or let dkms do it: dkms autoinstall builds for the installed kernels it can',
  },
  requires: ['/lib/modules/'],
  check(ctx) {
    for (const { match, start, end } of scriptletMatches(ctx.doc, GLOB)) {
      ctx.report({
        start,
        end,
        messageId: 'kernelVersionGlob', data: { match: match[0] },
      });
    }
  },
});
