import { scopeOf, type MacroScope } from '../../specfile/macroScope';
import { normalizePackageName } from '../../specfile/parser';
import { defineSpecRule } from '../types';
import { preambleMayBeIncomplete } from './spec-missing-required-tag';

export default defineSpecRule({
  id: 'spec-missing-description',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'A package (main or %package) has no %description section',
  fixSafety: 'none',
  messages: {
    main: 'The main package has no %description section',
    subpackage: "Subpackage '{{name}}' has no %description section",
  },
  check(ctx) {
    const { doc } = ctx;
    if (preambleMayBeIncomplete(doc)) return;
    // By name, not index: one name may be declared in several %if arms.
    const mainName = doc.packages[0].name;
    // Each package's name as compared, worked out once (TeX Live's specs have thousands).
    const names = doc.packages.map((p) => normalizePackageName(p.name, mainName));
    const described = new Set<string>();
    let unresolved = false;
    let scope: MacroScope | undefined;
    for (const s of doc.sections) {
      if (s.kind !== 'description') continue;
      if (s.packageIndex >= 0) {
        described.add(names[s.packageIndex]);
        continue;
      }
      // `%description -n python3-%{pypi_name}` for `%package -n python3-cornice`: the parser matches
      // names as written; the spec's own definitions tell what this one is.
      const written = s.nameOption ?? (s.target !== undefined ? `${mainName || '%{name}'}-${s.target}` : undefined);
      // A name without `%` expands to itself: no macro scope is built for it.
      const expanded = written === undefined ? undefined
        : !written.includes('%') ? { text: written, uncertain: false }
        : (scope ??= scopeOf(doc, ctx.profile)).expand(written, s.header.start);
      // Only a name that is one of the spec's packages counts (`%description %{common_description}`
      // is a description written in a macro, not a package name).
      const name = expanded && !expanded.uncertain ? normalizePackageName(expanded.text, mainName) : undefined;
      if (name !== undefined && names.includes(name)) described.add(name);
      else unresolved = true;
    }
    for (let k = 0; k < doc.packages.length; k++) {
      const pkg = doc.packages[k];
      if (described.has(names[k])) continue;
      // A %description whose target we could not resolve may belong to a macro-named package.
      if (unresolved && (k === 0 || pkg.name.includes('%'))) continue;
      if (k === 0) {
        const nameTag = doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0);
        if (!nameTag) continue;
        ctx.report({ start: nameTag.start, end: nameTag.end, messageId: 'main' });
      } else if (pkg.section) {
        ctx.report({ start: pkg.section.keywordSpan.start, end: pkg.section.header.end, messageId: 'subpackage', data: { name: pkg.declaredName ?? '' } });
      }
    }
  },
});
