// Whether a spec that is a complete spec lacks one of the build sections (%prep, %build, %install).
import type { SpecDocument } from './ast';
import { fileAnchor } from './sectionText';

const HEADER_IN_MACRO = { prep: /%\{[?!]*\w+:%prep\}/, build: /%\{[?!]*\w+:%build\}/, install: /%\{[?!]*\w+:%install\}/ };

/** The place to report a missing section, or undefined when it is present or cannot be told. */
export function missingSection(doc: SpecDocument, name: 'prep' | 'build' | 'install'): { start: number; end: number } | undefined {
  if (doc.sections.some((s) => s.kind === name)) return undefined;
  if (!doc.tags.some((t) => t.key === 'name' && t.packageIndex === 0)) return undefined;
  if (doc.includes.length > 0) return undefined;
  if (doc.tags.some((t) => t.key === 'buildsystem')) return undefined;
  // A header written inside a macro (rlwrap's `%{?conf:%build}` / `%{!?conf:%build}`) is there for rpm.
  const header = HEADER_IN_MACRO[name];
  if (doc.macroReferences.some((r) => r.depth === 0 && r.argument && header.test(doc.text.slice(r.start, r.end)))) return undefined;
  // A section header produced by a macro (`%{?kmodtool_prep}`, `%kernel_module_package`) cannot be seen.
  return fileAnchor(doc);
}

