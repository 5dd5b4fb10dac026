// Whether a spec that is a complete spec lacks one of the build sections (%prep, %build, %install).
import type { SpecDocument } from './ast';
import { fileAnchor } from './sectionText';

/** The place to report a missing section, or undefined when it is present or cannot be told. */
export function missingSection(doc: SpecDocument, name: 'prep' | 'build' | 'install'): { start: number; end: number } | undefined {
  if (doc.sections.some((s) => s.kind === name)) return undefined;
  if (!doc.tags.some((t) => t.key === 'name' && t.packageIndex === 0)) return undefined;
  if (doc.includes.length > 0) return undefined;
  if (doc.tags.some((t) => t.key === 'buildsystem')) return undefined;
  // A header written inside a macro (rlwrap's `%{?conf:%build}` / `%{!?conf:%build}`) is there for rpm.
  const header = new RegExp(`%\\{[?!]*\\w+:%${name}\\}`);
  if (doc.macroReferences.some((r) => r.depth === 0 && r.argument && header.test(doc.text.slice(r.start, r.end)))) return undefined;
  // A section header produced by a macro (`%{?kmodtool_prep}`, `%kernel_module_package`) cannot be seen.
  return fileAnchor(doc);
}

/**
 * Specs with nothing to compile by design, for which a missing %build is the norm: noarch
 * packages (scripts, data, Vim plugins, fonts; or every package with %files noarch, as a
 * header-only library's -devel) and Go source-only library packages made from the
 * go2rpm template (`%gometa`/`%goprep` with `%gopkginstall`, no `%gobuild`: the -devel package
 * ships the sources).
 */
export function hasNothingToBuild(doc: SpecDocument): boolean {
  const noarch = new Set(doc.tags.filter((t) => t.key === 'buildarch' && /^noarch$/i.test(t.value.trim())).map((t) => t.packageIndex));
  if (noarch.has(0)) return true;
  // Every package that is built (has %files) is noarch: a header-only library's -devel, say.
  const built = doc.sections.filter((s) => s.kind === 'files').map((s) => s.packageIndex);
  if (built.length > 0 && built.every((i) => noarch.has(i))) return true;
  const names = new Set(doc.macroReferences.map((r) => r.name));
  return (names.has('gometa') || names.has('goprep')) && !names.has('gobuild');
}
