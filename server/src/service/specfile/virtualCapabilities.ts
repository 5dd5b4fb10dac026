// Virtual capabilities in dependencies: namespaced `ns(…)` capabilities, well-known virtual
// provides, and capabilities another package of the same spec provides explicitly.
import type { Dependency, SpecDocument } from './ast';
import { expandSpecText, normalizeMacroText } from './dkmsScriptlets';
import { cachedPerParse } from '../perParse';

/**
 * Namespaces whose provides carry no meaningful version (so a version cannot be required), or
 * that rpm generates for other purposes. Everything else in `ns(…)` form is treated as virtual.
 */
export const VERSIONLESS_NAMESPACES = new Set([
  'rpmlib', 'config', 'user', 'group', 'font', 'tex', 'mimehandler', 'application', 'metainfo', 'appdata',
  'firmware', 'modalias', 'debuginfo', 'bundled', 'kmod', 'gstreamer0.10', 'gstreamer1', 'postscriptdriver',
  'libtool', 'ocaml-stublib', 'filesystem', 'rpm_macro', 'libzypp', 'environment', 'system-python', 'python3-dist-info', 'kernel', 'weak-modules',
]);

/** Well-known virtual provides (no package has this name; several packages provide it). */
export const KNOWN_VIRTUAL = new Set([
  'c_compiler', 'c++_compiler', 'webserver', 'mta', 'MTA', 'smtpdaemon', 'java', 'java-devel', 'java-headless',
  'jre', 'jre-headless', 'jdk', 'libGL', 'opengl', 'x11-font', 'kernel-devel-uname-r', 'kernel-uname-r',
]);

export type VirtualKind = 'namespaced' | 'known' | 'sibling';

export function classifyVirtual(d: Dependency): VirtualKind | undefined {
  if (d.rich || d.operator) return undefined;
  if (KNOWN_VIRTUAL.has(d.name)) return 'known';
  const m = /^([A-Za-z][\w.+-]*)\((.+)\)$/.exec(d.name);
  if (!m) return undefined;
  const ns = m[1];
  if (VERSIONLESS_NAMESPACES.has(ns)) return undefined;
  // perl(:MODULE_COMPAT_…), perl(:VERSION): versioned through the name
  if (m[2].startsWith(':')) return undefined;
  // sonames and arch markers: libfoo.so.1()(64bit), foo(x86-64)
  if (/\.so\b/.test(d.name) || /^(x86-64|x86-32|aarch-64|ppc-64|s390-64|64bit)$/.test(m[2])) return undefined;
  return 'namespaced';
}

/** Capabilities other packages of the spec provide explicitly with a version: name → version text (cached per parse). */
export const siblingProvides = cachedPerParse((doc: SpecDocument): Map<string, { version: string; packageIndex: number }[]> => {
  const out = new Map<string, { version: string; packageIndex: number }[]>();
  // Per package: its name normalised and expanded, computed once (big specs have thousands of provides).
  const ownNames = new Map<number, { normalized: string; expanded: string }>();
  const ownName = (packageIndex: number) => {
    let hit = ownNames.get(packageIndex);
    const own = doc.packages[packageIndex]?.name;
    if (!hit && own !== undefined) ownNames.set(packageIndex, (hit = { normalized: normalizeMacroText(own), expanded: expandSpecText(doc, own, 'generic').text }));
    return hit;
  };
  for (const t of doc.tags) {
    if (t.key !== 'provides' || !t.dependencies) continue;
    for (const d of t.dependencies) {
      if (d.rich || !d.version || (d.operator !== '=' && d.operator !== '==')) continue;
      const key = normalizeMacroText(d.name);
      // restating the package's own name: that is a sibling-package requirement, not a virtual one
      const own = ownName(t.packageIndex);
      if (own !== undefined && (own.normalized === key || own.expanded === expandSpecText(doc, key, 'generic').text)) continue;
      let list = out.get(key);
      if (!list) out.set(key, (list = []));
      list.push({ version: d.version, packageIndex: t.packageIndex });
    }
  }
  return out;
});

