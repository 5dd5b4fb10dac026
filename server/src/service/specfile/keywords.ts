// The spec-file vocabulary the parser needs to recognise structure. Descriptions for
// completion and hover live in the catalog; this file only lists names.
import type { BodyLanguage, SectionKind } from './ast';

/** Section keyword → kind. */
export const SECTION_KINDS: ReadonlyMap<string, SectionKind> = new Map<string, SectionKind>([
  ['package', 'package'], ['description', 'description'], ['prep', 'prep'], ['conf', 'conf'],
  ['generate_buildrequires', 'generate_buildrequires'], ['build', 'build'], ['install', 'install'],
  ['check', 'check'], ['clean', 'clean'], ['files', 'files'], ['changelog', 'changelog'],
  ['sourcelist', 'sourcelist'], ['patchlist', 'patchlist'],
  ['pre', 'scriptlet'], ['post', 'scriptlet'], ['preun', 'scriptlet'], ['postun', 'scriptlet'],
  ['pretrans', 'scriptlet'], ['posttrans', 'scriptlet'], ['preuntrans', 'scriptlet'], ['postuntrans', 'scriptlet'],
  ['verifyscript', 'scriptlet'],
  ['triggerprein', 'trigger'], ['triggerin', 'trigger'], ['triggerun', 'trigger'], ['triggerpostun', 'trigger'],
  ['filetriggerin', 'filetrigger'], ['filetriggerun', 'filetrigger'], ['filetriggerpostun', 'filetrigger'],
  ['transfiletriggerin', 'filetrigger'], ['transfiletriggerun', 'filetrigger'], ['transfiletriggerpostun', 'filetrigger'],
]);

/** Section options that take a value. */
export const VALUE_OPTIONS = new Set(['-n', '-f', '-p', '-l', '-P']);

/** The sections rpmbuild runs with `sh -e` (%prep … %clean): the only list of them. */
export const BUILD_SECTION_KINDS: readonly SectionKind[] = ['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean'];
const SHELL_INTERPRETER = /^(?:\/usr)?\/bin\/(?:ba|da)?sh$/;

/** The language of a section's body, from its kind and its `-p` interpreter (scriptlets and triggers). */
export function bodyLanguageOf(kind: SectionKind, interpreter: string | undefined): BodyLanguage {
  if (BUILD_SECTION_KINDS.includes(kind)) return 'shell';
  if (kind === 'scriptlet' || kind === 'trigger' || kind === 'filetrigger') {
    if (interpreter === undefined || SHELL_INTERPRETER.test(interpreter.trim())) return 'shell';
    return interpreter.trim() === '<lua>' ? 'lua' : 'other-interpreter';
  }
  if (kind === 'files') return 'files';
  if (kind === 'changelog') return 'changelog';
  return 'text';
}

export const CONDITIONAL_KEYWORDS = new Set([
  'if', 'ifarch', 'ifnarch', 'ifos', 'ifnos', 'elif', 'elifarch', 'elifos', 'else', 'endif',
]);

/** Every preamble tag rpm 4.18–4.20 accepts, lower-cased (SourceN/PatchN handled separately). */
export const KNOWN_TAGS = new Set([
  'name', 'version', 'release', 'epoch', 'summary', 'license', 'sourcelicense', 'url', 'bugurl', 'group', 'vendor',
  'packager', 'distribution', 'disttag', 'disturl', 'modularitylabel', 'vcs', 'source', 'patch', 'nosource', 'nopatch',
  'buildarch', 'buildarchitectures', 'exclusivearch', 'excludearch', 'exclusiveos', 'excludeos',
  'requires', 'provides', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances',
  'orderwithrequires', 'buildrequires', 'buildconflicts', 'buildroot', 'buildprereq', 'prereq',
  'autoreq', 'autoprov', 'autoreqprov', 'prefix', 'prefixes', 'docdir', 'removepathpostfixes', 'icon',
  'copyright', 'serial', 'buildsystem', 'buildoption', 'translationurl', 'upstreamreleases', 'collections',
]);

/** Tags that hold a dependency list. */
export const DEPENDENCY_TAGS = new Set([
  'requires', 'provides', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances',
  'orderwithrequires', 'buildrequires', 'buildconflicts', 'buildprereq', 'prereq',
]);

/** Tags that may appear once per package. */
export const SINGLETON_TAGS = new Set([
  'name', 'version', 'release', 'epoch', 'summary', 'license', 'sourcelicense', 'url', 'bugurl', 'group', 'vendor',
  'packager', 'distribution', 'disttag', 'buildarch', 'buildroot', 'autoreq', 'autoprov', 'autoreqprov',
  'icon', 'docdir', 'modularitylabel', 'vcs',
]);

/** Tags that are only meaningful in the main package's preamble. */
export const MAIN_ONLY_TAGS = new Set(['name', 'version', 'release', 'epoch', 'buildroot', 'buildrequires', 'buildconflicts', 'source', 'patch', 'nosource', 'nopatch', 'exclusivearch', 'excludearch']);

/** Lower-case a tag name and split off a SourceN/PatchN number. */
export function canonicalTag(name: string): { key: string; number?: number } {
  const lower = name.toLowerCase();
  const m = /^(source|patch)(\d+)$/.exec(lower);
  if (m) return { key: m[1], number: Number(m[2]) };
  return { key: lower };
}
