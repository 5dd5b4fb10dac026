import { kernelModulePolicy } from '../../catalog/kernelModules';
import { dkmsPackages, expandSpecText } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'dkms-distro-convention',
  category: 'dkms',
  defaultSeverity: 'information',
  description: "A DKMS package linted with a profile whose distribution packages kernel modules another way (Fedora, RHEL: kmod/akmods; openSUSE: KMPs)",
  fixSafety: 'none',
  requires: ['dkms'],
  messages: {
    otherConvention: '{{pkg}} is a DKMS package, and the {{distro}} profile is active: {{convention}}. A DKMS package suits a third-party repository or your own builds; if {{distro}}\'s repositories are the target, package the module their way (this note is off with the generic profile). Source: {{source}}',
  },
  check(ctx) {
    const policy = kernelModulePolicy(ctx.distro);
    if (!policy) return;
    const doc = ctx.doc;
    const packages = [...dkmsPackages(doc)].sort((a, b) => a - b);
    if (packages.length === 0) return;
    // once per spec, on the first DKMS package's name
    const pkg = packages[0];
    const p = doc.packages[pkg];
    const span = pkg === 0 ? doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0) : p?.section?.header;
    if (!span) return;
    const written = p?.name ?? 'This package';
    const expanded = expandSpecText(doc, written, ctx.distro);
    const name = expanded.resolved ? expanded.text : written;
    ctx.report({
      start: span.start,
      end: span.end,
      messageId: 'otherConvention',
      data: { pkg: name, distro: policy.label, convention: policy.convention, source: policy.source },
    });
  },
});
