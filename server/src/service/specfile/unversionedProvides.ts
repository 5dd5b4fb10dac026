// Unversioned `Provides:` entries and what makes one worth a version (issue 12): read by the
// unversioned-explicit-provides rule (the cases that break something) and unversioned-provides-strict
// (every one, off by default).
import type { Dependency, SpecDocument, Tag } from './ast';
import { isWholeMacro } from './depTokens';
import { normalizeMacroText } from './dkmsScriptlets';
import { MULTI_PROVIDER_CAPABILITIES } from './virtualCapabilities';
import { cachedPerParse } from '../perParse';

/**
 * Capabilities that never carry a version, by convention of the tools that read them:
 * `kmod(foo.ko)` (kmod generators and akmods match the name), `deprecated()` (a marker), SUSE split
 * provides `pkg:/path/file`, namespaces whose version is in the name or that are looked up by name
 * only — `font(…)` (fontconfig), `system-release(N)`, `dnf-command(…)`/`dnf5-command(…)`/`zypper(…)`
 * (plugins found by command name), `user(…)`/`group(…)`/`config(…)` (generated, unversioned in rpm
 * itself), `firstboot(…)`, `installonlypkg(…)`, `system-logos(…)`, `variant_config(…)`,
 * `alternative-for(…)`, `environment(…)`.
 */
const NEVER_VERSIONED = /^(?:kmod\(.*\)|deprecated\(\)|[^\s/():]+:\/\S*|(?:font|system-release|dnf-command|dnf5-command|zypper|user|group|config|firstboot|installonlypkg|system-logos|variant_config|alternative-for|environment|ostree-cli|libsolv-self-destruct-pkg)\(.*\))$/;

/**
 * Catalog virtual capabilities that every provider leaves unversioned (webclient, webserver, MTA …,
 * see virtualCapabilities.ts) and `ftpserver` (proftpd, pure-ftpd, vsftpd: unversioned in Fedora):
 * a version on one provider would not be checked by anyone.
 */
const UNVERSIONED_BY_CONVENTION = new Set([...[...MULTI_PROVIDER_CAPABILITIES].filter(([, c]) => !c.versioned).map(([name]) => name), 'ftpserver']);

export type UnversionedProvideKind =
  /** the same spec also obsoletes the name: a rename or replacement */
  | 'obsoleted'
  /** the same spec requires or conflicts with the name with a version, which the provide makes unchecked */
  | 'versioned-elsewhere'
  /** nothing in the spec depends on a version of it */
  | 'plain';

export interface UnversionedProvide {
  dep: Dependency;
  tag: Tag;
  kind: UnversionedProvideKind;
  /** For 'obsoleted' and 'versioned-elsewhere': the dependency that names it with a version (or the Obsoletes). */
  other?: { tag: Tag; dep: Dependency };
}

/** Tags whose versioned entries an unversioned provide of the same name satisfies or matches. */
const VERSIONED_USERS = new Set(['requires', 'recommends', 'suggests', 'supplements', 'enhances', 'conflicts']);

/**
 * Every `Provides:` entry without a version that could carry one (not a file, not one macro that may
 * expand to a versioned list, not a rich dependency, not a capability that is never versioned),
 * with what else in the spec names it. Cached per parse.
 */
export const unversionedProvides = cachedPerParse((doc: SpecDocument): UnversionedProvide[] => {
  const obsoletes = new Map<string, { tag: Tag; dep: Dependency }[]>();
  const versioned = new Map<string, { tag: Tag; dep: Dependency }>();
  const provides: { tag: Tag; dep: Dependency }[] = [];
  for (const tag of doc.tags) {
    if (!tag.dependencies) continue;
    if (tag.key === 'provides') {
      for (const dep of tag.dependencies) {
        if (dep.operator || dep.rich || dep.name.startsWith('/') || isWholeMacro(dep.name) || NEVER_VERSIONED.test(dep.name) || UNVERSIONED_BY_CONVENTION.has(dep.name)) continue;
        provides.push({ tag, dep });
      }
    } else if (tag.key === 'obsoletes') {
      for (const dep of tag.dependencies) {
        if (dep.rich) continue;
        const key = normalizeMacroText(dep.name);
        let list = obsoletes.get(key);
        if (!list) obsoletes.set(key, (list = []));
        list.push({ tag, dep });
      }
    } else if (VERSIONED_USERS.has(tag.key)) {
      for (const dep of tag.dependencies) {
        if (dep.rich || !dep.operator) continue;
        const key = normalizeMacroText(dep.name);
        if (!versioned.has(key)) versioned.set(key, { tag, dep });
      }
    }
  }
  return provides.map(({ tag, dep }) => {
    const key = normalizeMacroText(dep.name);
    const obsoleted = obsoletes.get(key);
    if (obsoleted) {
      // the Obsoletes of the same package first: that is the rename
      const other = obsoleted.find((o) => o.tag.packageIndex === tag.packageIndex) ?? obsoleted[0];
      return { dep, tag, kind: 'obsoleted', other };
    }
    const other = versioned.get(key);
    if (other) return { dep, tag, kind: 'versioned-elsewhere', other };
    return { dep, tag, kind: 'plain' };
  });
});
