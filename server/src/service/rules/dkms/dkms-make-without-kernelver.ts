import { defineDkmsRule } from '../types';
import { includesOtherCode } from './_util';

/** Mentions of the target kernel: dkms's variables or the kernel's own KERNELRELEASE. */
const TARGET = /\$\{?(kernelver|kernel_source_dir)\b|\bKERNELRELEASE\b/;

export default defineDkmsRule({
  id: 'dkms-make-without-kernelver',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'A MAKE command never names the target kernel, so it builds for the running kernel instead',
  fixSafety: 'none',
  messages: {
    noKernel: 'This MAKE command never refers to $kernelver or $kernel_source_dir, and dkms adds KERNELRELEASE only after a leading unquoted make: the module is built for the running kernel, not the one dkms builds for. Pass the kernel, for example KVER=$kernelver or -C $kernel_source_dir',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (includesOtherCode(doc)) return;
    // another directive or helper may pass the kernel on (PRE_BUILD="configure $kernelver", KSRC=…)
    const elsewhere = doc.assignments.some((a) => a.name !== 'MAKE' && a.values.some((v) => TARGET.test(v.text)));
    if (elsewhere) return;
    for (const a of doc.assignments) {
      if (a.name !== 'MAKE') continue;
      for (const v of a.values) {
        const text = v.text.trimStart();
        // dkms puts KERNELRELEASE=$kernelver after a leading unquoted `make` itself
        if (text === '' || text.startsWith('make')) continue;
        if (TARGET.test(v.text) || v.hasCommandSubstitution) continue;
        ctx.report({
          start: v.start,
          end: v.end,
          messageId: 'noKernel',
        });
      }
    }
  },
});
