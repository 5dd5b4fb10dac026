import type { SpecDocument } from '../../specfile/ast';
import { cachedPerParse } from '../../perParse';
import { defineSpecRule } from '../types';

const MAIN_REQUIRED = ['Name', 'Version', 'Release', 'Summary', 'License'];
/** Tag key → bit of its MAIN_REQUIRED entry (Copyright is the old name of License). */
const MAIN_REQUIRED_BITS = new Map<string, number>(MAIN_REQUIRED.map((t, k) => [t.toLowerCase(), 1 << k]));
MAIN_REQUIRED_BITS.set('copyright', MAIN_REQUIRED_BITS.get('license')!);

/** Line-start macros often seen in preambles that are known not to generate tags or sections. */
const NON_GENERATING_MACROS = new Set([
  'systemd_requires', 'systemd_ordering', 'python_enable_dependency_generator', 'perl_default_filter', 'py_provides',
  'python_provide', 'ldconfig_scriptlets', 'debug_package', 'undefine', 'filter_setup', 'filter_provides_in',
  'filter_requires_in', 'filter_from_requires', 'filter_from_provides', 'requires_eq', 'sysusers_requires_compat',
  'fillup_prereq', 'service_requires', 'perl_requires', 'ruby_requires', 'php_requires', 'find_lang', 'warn', 'error',
]);

/**
 * Tags may come from places we cannot see: an %include, a template placeholder line, or a
 * line-start macro such as `%fontpkg` or `%kernel_module_package` that writes whole preambles.
 */
export const preambleMayBeIncomplete = cachedPerParse((doc: SpecDocument): boolean => {
  // (Cached: spec-missing-description asks too.)
  if (doc.includes.length > 0) return true;
  for (let line = 0; line < doc.lineKinds.length; line++) {
    if (doc.lineKinds[line] !== 'macro-line' && doc.lineKinds[line] !== 'unknown') continue;
    const section = doc.sections[doc.lineSection[line]];
    if (section.kind !== 'preamble' && section.kind !== 'package') continue;
    const text = doc.lines.lineText(line);
    if (/^\s*@[A-Za-z_]/.test(text)) return true;
    const m = /^\s*%\{?[?!]*([A-Za-z_][A-Za-z0-9_]*)/.exec(text);
    if (m && !NON_GENERATING_MACROS.has(m[1])) return true;
  }
  return false;
});

export default defineSpecRule({
  id: 'spec-missing-required-tag',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'A package lacks a tag rpm requires (Name, Version, Release, Summary, License; Summary for subpackages)',
  fixSafety: 'none',
  messages: {
    main: 'The main package has no {{tags}} tag{{plural}}',
    subpackageSummary: "Subpackage '{{name}}' has no 'Summary:' tag",
  },
  check(ctx) {
    const { doc } = ctx;
    if (preambleMayBeIncomplete(doc)) return;
    // One pass over the tags for both checks (a search per package was quadratic: TeX Live's specs
    // have thousands of each).
    let present = 0;
    const summarized = new Set<number>();
    for (const t of doc.tags) {
      if (t.key === 'summary') summarized.add(t.packageIndex);
      if (t.packageIndex === 0) present |= MAIN_REQUIRED_BITS.get(t.key) ?? 0;
    }
    const missing = MAIN_REQUIRED.filter((_t, k) => (present & (1 << k)) === 0);
    if (missing.length > 0) {
      const anchor = doc.tags[0] ?? undefined;
      const start = anchor ? anchor.start : 0;
      const end = anchor ? anchor.nameSpan.end : Math.min(doc.lines.lineEnd(0), doc.text.length);
      ctx.report({ start, end, messageId: 'main', data: { tags: missing.map((m) => `'${m}:'`).join(', '), plural: missing.length > 1 ? 's' : '' } });
    }
    for (let k = 1; k < doc.packages.length; k++) {
      const pkg = doc.packages[k];
      if (!pkg.section) continue;
      if (summarized.has(k)) continue;
      ctx.report({ start: pkg.section.keywordSpan.start, end: pkg.section.header.end, messageId: 'subpackageSummary', data: { name: pkg.declaredName ?? '' } });
    }
  },
});
