import { dkmsPackages, tagInsertionOffset } from '../../specfile/dkmsScriptlets';
import { isNoarch } from '../../specfile/query';
import { defineSpecRule } from '../types';

/** %files entries that hold compiled, architecture-dependent files. */
const ARCH_FILES = /%\{?_(lib|libdir|bindir|sbindir|libexecdir)\}?|\/usr\/(lib64|bin|sbin|libexec)\b|\/lib64\b|\/lib\/modules\b|%\{?kernel_module_package/;

export default defineSpecRule({
  id: 'dkms-package-not-noarch',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A DKMS package that ships only module sources is not BuildArch: noarch',
  fixSafety: 'unsafe',
  messages: {
    notNoarch: '{{package}} installs DKMS module sources and builds nothing, but is not BuildArch: noarch: it is built once per architecture for identical contents, and the per-arch copies conflict in multilib repositories. Add BuildArch: noarch',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const pkg of dkmsPackages(doc)) {
      if (isNoarch(doc, pkg)) continue;
      // a package that also ships compiled files is right to be arch-specific
      const files = doc.sections.filter((s) => s.kind === 'files' && s.packageIndex === pkg);
      if (files.length === 0) continue;
      if (files.some((s) => ARCH_FILES.test(doc.text.slice(s.body.start, s.body.end)) || s.options.some((o) => o.flag === '-f'))) continue;
      if (!files.some((s) => /%\{?_usrsrc\}?|\/usr\/src\/|%\{?_prefix\}?\/src\//.test(doc.text.slice(s.body.start, s.body.end)))) continue;
      // an explicit BuildArch/ExclusiveArch is a decision, reported by other rules if wrong
      const own = doc.tags.find((t) => (t.key === 'buildarch' || t.key === 'buildarchitectures') && (t.packageIndex === pkg || t.packageIndex === 0));
      if (own) continue;
      const p = doc.packages[pkg];
      const anchor = pkg === 0 ? doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0) : p?.section;
      if (!anchor) continue;
      const span = pkg === 0 ? { start: anchor.start, end: anchor.end } : { start: p!.section!.header.start, end: p!.section!.header.end };
      const at = tagInsertionOffset(doc, pkg);
      ctx.report({
        ...span,
        messageId: 'notNoarch', data: { package: p?.name ?? 'This package' },
        fixes: at === undefined ? [] : [{ title: 'Add BuildArch: noarch', safety: 'unsafe', edits: [{ start: at, end: at, newText: `BuildArch:      noarch${doc.lines.eol}` }] }],
      });
    }
  },
});
