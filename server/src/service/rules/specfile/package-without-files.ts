import { defineSpecRule } from '../types';

/**
 * A `%package` without a `%files` section: rpmbuild builds no binary package for it (silently).
 * Sometimes intended, so a hint. Not reported when a %files section could not be matched to a
 * package, or when %files sections may come from macros (a macro call on its own line between
 * sections, as kernel and Python specs do, or fontpackages' %_font_pkg anywhere).
 */
export default defineSpecRule({
  id: 'package-without-files',
  category: 'correctness',
  defaultSeverity: 'hint',
  description: 'A %package has no %files section, so no binary package is built for it',
  fixSafety: 'none',
  messages: {
    noFiles: "Subpackage '{{name}}' has no %files section: rpmbuild will not build it",
  },
  check(ctx) {
    const { doc } = ctx;
    const withFiles = new Set<number>();
    for (const s of doc.sections) {
      if (s.kind !== 'files') continue;
      if (s.packageIndex < 0) return;
      withFiles.add(s.packageIndex);
    }
    // A macro line outside shell sections may expand to %files sections or %package sections.
    for (let l = 0; l < doc.lineKinds.length; l++) {
      if (doc.lineKinds[l] !== 'macro-line') continue;
      const s = doc.sections[doc.lineSection[l]];
      if (!s || s.kind === 'preamble' || s.kind === 'package' || s.kind === 'description' || s.kind === 'files' || s.kind === 'changelog') {
        const text = doc.lines.lineText(l).trim();
        if (!/^%(?:\{\??)?(?:defattr|attr|doc|license|config|dir|exclude|ghost|verify|docdir|lang|caps|artifact|missingok|readme|pubkey|nil|dnl)\b/.test(text)) return;
      }
    }
    // Macros that write a %files section themselves, wherever they stand (they are often written
    // right after %check, inside its script): fontpackages' %_font_pkg writes `%files -n
    // %{fontname}-NAME-fonts` (redhat-fonts, d-din-fonts, 103 Fedora specs).
    if (/^%\{?_font_pkg\b/m.test(doc.text)) return;
    // The same name declared in several %if arms (`%package -n %{name}-%{flavor}`) is one package.
    const namesWithFiles = new Set([...withFiles].map((k) => doc.packages[k]?.name));
    for (let k = 1; k < doc.packages.length; k++) {
      const pkg = doc.packages[k];
      if (withFiles.has(k) || !pkg.section || namesWithFiles.has(pkg.name)) continue;
      ctx.report({
        start: pkg.section.keywordSpan.start,
        end: pkg.section.header.end,
        messageId: 'noFiles', data: { name: pkg.declaredName ?? pkg.name },
      });
    }
  },
});
