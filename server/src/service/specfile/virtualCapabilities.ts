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

/** A virtual capability that several packages provide: who provides it and where that fact comes from. */
export interface VirtualCapability {
  providers: readonly string[];
  /**
   * Whether the providers give it a version (`Provides: java-headless = 1:25…`). An unversioned
   * Provides satisfies every versioned Requires (rpm's rpmdsCompare), so a version on the
   * requirement is only checked when this is true.
   */
  versioned: boolean;
  source: string;
  /**
   * Requiring it without a version is the distribution's convention (Fedora's Java guidelines:
   * `Requires: java-headless`, the generators add the bytecode's floor), so the requirement is
   * only worth a finding where the spec itself names the floor on another capability of the
   * same family (`BuildRequires: java-devel >= 1:17` next to `Requires: java-headless`).
   */
  unversionedByConvention?: { family: string; members: RegExp };
}

const FEDORA = 'Fedora package specs (major/fedora-rpm-specs at 10e71f1, 2026-08-22): unversioned `Provides:` lines of';
const OPENJDK = `Fedora package specs (major/fedora-rpm-specs at 10e71f1): \`Provides: … = %{epoch}:%{version}-%{release}\` in java-25-openjdk.spec and java-latest-openjdk.spec (each JDK provides it; older Fedora releases add java-17/21-openjdk)`;
/** The Java runtime and JDK capabilities and the JDK packages that provide them (java-21-openjdk-headless …). */
const JAVA = { family: 'Java', members: /^(?:java|jre|java-headless|jre-headless|java-devel|java-\d+-openjdk(?:-headless|-devel)?|java-latest-openjdk(?:-headless|-devel)?)$/ };
const SUSE_GCC = 'openSUSE packaging guidelines ("use BuildRequires: c++_compiler instead of g++-4.5"); openSUSE gcc / gcc-c++ packages: `Provides: c_compiler`, `Provides: c++_compiler`, without a version';

/**
 * Capabilities that several packages provide, none of which is "the" package: without a version
 * any provider in any version satisfies a requirement. The catalog lists what was checked.
 */
export const MULTI_PROVIDER_CAPABILITIES: ReadonlyMap<string, VirtualCapability> = new Map<string, VirtualCapability>([
  ['c_compiler', { versioned: false, providers: ['gcc', 'gccN (gcc13, gcc14 …)'], source: SUSE_GCC }],
  ['c++_compiler', { versioned: false, providers: ['gcc-c++', 'gccN-c++ (gcc13-c++, gcc14-c++ …)'], source: SUSE_GCC }],
  ['webclient', { versioned: false, providers: ['curl', 'dillo', 'elinks', 'firefox', 'icecat', 'links', 'lynx', 'seamonkey', 'w3m', 'wget1', 'wget2'], source: `${FEDORA} those packages` }],
  ['text-www-browser', { versioned: false, providers: ['elinks', 'lynx', 'w3m'], source: `${FEDORA} those packages` }],
  ['webserver', { versioned: false, providers: ['caddy', 'httpd', 'lighttpd', 'nginx'], source: `${FEDORA} those packages` }],
  ['MTA', { versioned: false, providers: ['exim', 'postfix', 'sendmail'], source: `${FEDORA} those packages` }],
  ['smtpdaemon', { versioned: false, providers: ['exim', 'opensmtpd', 'postfix', 'sendmail', 'ssmtp'], source: `${FEDORA} those packages` }],
  ['server(smtp)', { versioned: false, providers: ['exim', 'opensmtpd', 'postfix', 'sendmail'], source: `${FEDORA} those packages` }],
  ['syslog', { versioned: false, providers: ['rsyslog', 'syslog-ng', 'systemd'], source: `${FEDORA} those packages` }],
  ['java', { unversionedByConvention: JAVA, versioned: true, providers: ['java-25-openjdk', 'java-latest-openjdk'], source: OPENJDK }],
  ['jre', { unversionedByConvention: JAVA, versioned: true, providers: ['java-25-openjdk', 'java-latest-openjdk'], source: OPENJDK }],
  ['java-headless', { unversionedByConvention: JAVA, versioned: true, providers: ['java-25-openjdk-headless', 'java-latest-openjdk-headless'], source: OPENJDK }],
  ['jre-headless', { unversionedByConvention: JAVA, versioned: true, providers: ['java-25-openjdk-headless', 'java-latest-openjdk-headless'], source: OPENJDK }],
  ['java-devel', { unversionedByConvention: JAVA, versioned: true, providers: ['java-25-openjdk-devel', 'java-latest-openjdk-devel'], source: OPENJDK }],
]);

/**
 * `known`: in the multi-provider catalog. `generated`: a namespaced capability that automatic
 * dependency generators fill (`pkgconfig(…)`, `perl(…)`, `python3dist(…)`, `cmake(…)` …): it
 * names one exact thing.
 */
export type VirtualKind = 'known' | 'generated';

export function classifyVirtual(d: Dependency): VirtualKind | undefined {
  if (d.rich || d.operator) return undefined;
  if (MULTI_PROVIDER_CAPABILITIES.has(d.name)) return 'known';
  const m = /^([A-Za-z][\w.+-]*)\((.+)\)$/.exec(d.name);
  if (!m) return undefined;
  const ns = m[1];
  if (VERSIONLESS_NAMESPACES.has(ns)) return undefined;
  // perl(:MODULE_COMPAT_…), perl(:VERSION): versioned through the name
  if (m[2].startsWith(':')) return undefined;
  // sonames and arch markers: libfoo.so.1()(64bit), foo(x86-64)
  if (/\.so\b/.test(d.name) || /^(x86-64|x86-32|aarch-64|ppc-64|s390-64|64bit)$/.test(m[2])) return undefined;
  return 'generated';
}

/**
 * `Requires`/`BuildRequires` entries on a virtual capability without a version, with their kind.
 * Capabilities another package of the same spec provides with a version are left out: the
 * unversioned-same-spec-requires rule reports those.
 */
export function unversionedVirtualRequirements(doc: SpecDocument): { dep: Dependency; kind: VirtualKind }[] {
  const siblings = siblingProvides(doc);
  const out: { dep: Dependency; kind: VirtualKind }[] = [];
  for (const t of doc.tags) {
    if ((t.key !== 'requires' && t.key !== 'buildrequires') || !t.dependencies) continue;
    for (const dep of t.dependencies) {
      const kind = classifyVirtual(dep);
      if (!kind) continue;
      if (t.key === 'requires' && siblings.get(normalizeMacroText(dep.name))?.some((p) => p.packageIndex !== t.packageIndex)) continue;
      out.push({ dep, kind });
    }
  }
  return out;
}

/** A capability provided with a version: the version text and the providing package. */
export interface SiblingProvide {
  version: string;
  packageIndex: number;
}

/** Capabilities packages of the spec provide explicitly with a version, by normalised name. */
export interface SiblingProvides {
  /** The providers of the capability, in spec order; undefined when none. */
  get(name: string): readonly SiblingProvide[] | undefined;
}

/**
 * Capabilities other packages of the spec provide explicitly with a version: name → version text
 * (cached per parse). A provide that restates its own package's name is left out; whether it does
 * is decided on the first lookup of the name, because it may need the spec's definitions on the
 * generic profile (a second definition model, most of this function's time when built for every
 * spec) and few names are ever looked up.
 */
export const siblingProvides = cachedPerParse((doc: SpecDocument): SiblingProvides => {
  const candidates = new Map<string, SiblingProvide[]>();
  for (const t of doc.tags) {
    if (t.key !== 'provides' || !t.dependencies) continue;
    for (const d of t.dependencies) {
      if (d.rich || !d.version || (d.operator !== '=' && d.operator !== '==')) continue;
      const key = normalizeMacroText(d.name);
      let list = candidates.get(key);
      if (!list) candidates.set(key, (list = []));
      list.push({ version: d.version, packageIndex: t.packageIndex });
    }
  }
  // Per package: its name normalised and expanded, computed once (big specs have thousands of provides).
  // The expansion only when the written forms differ (it reads the spec's definitions on the generic profile).
  const ownNames = new Map<number, { normalized: string; expanded?: string }>();
  const ownName = (packageIndex: number) => {
    let hit = ownNames.get(packageIndex);
    const own = doc.packages[packageIndex]?.name;
    if (!hit && own !== undefined) ownNames.set(packageIndex, (hit = { normalized: normalizeMacroText(own) }));
    return hit;
  };
  const expandedOwn = (packageIndex: number, own: { normalized: string; expanded?: string }) =>
    (own.expanded ??= expandSpecText(doc, doc.packages[packageIndex].name, 'generic').text);
  // restating the package's own name: that is a sibling-package requirement, not a virtual one
  const restatesOwnName = (packageIndex: number, key: string) => {
    const own = ownName(packageIndex);
    return own !== undefined && (own.normalized === key || expandedOwn(packageIndex, own) === expandSpecText(doc, key, 'generic').text);
  };
  const looked = new Map<string, SiblingProvide[] | undefined>();
  return {
    get(name) {
      if (looked.has(name)) return looked.get(name);
      const list = candidates.get(name)?.filter((p) => !restatesOwnName(p.packageIndex, name));
      const result = list && list.length > 0 ? list : undefined;
      looked.set(name, result);
      return result;
    },
  };
});
