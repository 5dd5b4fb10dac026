// Path → macro knowledge: which rpm directory macro names a literal install path, and where in a
// spec a literal path is an install location (after the build root, a %files entry, a
// `--prefix=`-style option). Values are checked against the macro catalog for safety.
import type { CatalogProfile } from '../catalog/expand';
import { macroValue } from '../catalog/expand';

export interface PathMacro {
  /** Literal directory, e.g. `/usr/share/man`. */
  prefix: string;
  /** Macro name without `%{}` (`_mandir`). */
  macro: string;
  /** Text that replaces the prefix (`%{_mandir}`, `%{_prefix}/lib/firmware`). */
  replacement: string;
}

const m = (prefix: string, macro: string, replacement = `%{${macro}}`): PathMacro => ({ prefix, macro, replacement });

/** Directories with a macro of their own; arch-independent trees under /usr/lib included. */
export const PATH_MACROS: readonly PathMacro[] = [
  m('/usr', '_prefix'),
  m('/usr/bin', '_bindir'),
  m('/usr/sbin', '_sbindir'),
  m('/usr/libexec', '_libexecdir'),
  m('/usr/include', '_includedir'),
  m('/usr/share', '_datadir'),
  m('/usr/share/man', '_mandir'),
  m('/usr/share/info', '_infodir'),
  m('/usr/share/doc', '_docdir'),
  m('/usr/share/licenses', '_defaultlicensedir'),
  m('/usr/share/metainfo', '_metainfodir'),
  m('/usr/src', '_usrsrc'),
  m('/etc', '_sysconfdir'),
  m('/var', '_localstatedir'),
  m('/var/lib', '_sharedstatedir'),
  m('/run', '_rundir'),
  m('/bin', '_bindir'),
  m('/sbin', '_sbindir'),
  m('/usr/lib/systemd/system', '_unitdir'),
  m('/usr/lib/systemd/user', '_userunitdir'),
  m('/usr/lib/systemd/system-preset', '_presetdir'),
  m('/usr/lib/systemd/user-preset', '_userpresetdir'),
  m('/usr/lib/systemd/system-generators', '_systemdgeneratordir'),
  m('/usr/lib/udev/rules.d', '_udevrulesdir'),
  m('/usr/lib/tmpfiles.d', '_tmpfilesdir'),
  m('/usr/lib/sysusers.d', '_sysusersdir'),
  m('/usr/lib/modprobe.d', '_modprobedir'),
  m('/usr/lib/modules-load.d', '_modulesloaddir'),
  m('/usr/lib/sysctl.d', '_sysctldir'),
  m('/usr/lib/binfmt.d', '_binfmtdir'),
  m('/usr/lib/environment.d', '_environmentdir'),
  m('/usr/lib/rpm', '_rpmconfigdir'),
  m('/usr/lib/rpm/macros.d', '_rpmmacrodir'),
  // pre-usrmerge spellings of the same trees
  m('/lib/udev/rules.d', '_udevrulesdir'),
  m('/lib/systemd/system', '_unitdir'),
  m('/lib/modprobe.d', '_modprobedir'),
];

/** The longest PATH_MACROS prefix of `path` that ends at a component boundary. */
export function macroForPath(path: string): PathMacro | undefined {
  let best: PathMacro | undefined;
  for (const p of PATH_MACROS) {
    if (path === p.prefix || path.startsWith(p.prefix + '/')) {
      if (!best || p.prefix.length > best.prefix.length) best = p;
    }
  }
  return best;
}

/** True when the macro expands to exactly `prefix` on the profile (the replacement changes nothing there). */
export function macroMatches(p: PathMacro, distro: CatalogProfile): boolean {
  return macroValue(p.macro, distro) === p.prefix;
}

/** Text naming the build root right before a path: `%{buildroot}`, `%buildroot`, `$RPM_BUILD_ROOT`, `${RPM_BUILD_ROOT}`. */
export const BUILDROOT_BEFORE = /(?:%\{\??buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})\/?["']?$/;

/** `%files` directives that may precede a path on an entry line. */
export const FILES_DIRECTIVE = /^%(?:attr|defattr|config|dir|doc|docdir|license|ghost|verify|lang|caps|exclude|artifact|readme|missingok|pubkey)(?:\([^)]*\))?$/;

/** The words of one %files line up to a `#` comment: directives with their `(…)` whole, entries as written. */
export function filesLineWords(line: string): { word: string; index: number }[] {
  const out: { word: string; index: number }[] = [];
  for (const m of line.matchAll(/\S*\([^)]*\)|\S+/g)) {
    if (m[0].startsWith('#')) break;
    out.push({ word: m[0], index: m.index });
  }
  return out;
}

/** Absolute literal paths of one %files line (directives and macros-first entries skipped): [text, index]. */
export function filesEntryPaths(line: string): { path: string; index: number }[] {
  const out: { path: string; index: number }[] = [];
  for (const { word, index } of filesLineWords(line)) {
    if (FILES_DIRECTIVE.test(word)) continue;
    const unq = word.replace(/^"|"$/g, '');
    if (unq.startsWith('/')) out.push({ path: unq, index: index + (word.startsWith('"') ? 1 : 0) });
  }
  return out;
}

/** configure/cmake/make options whose value is an install directory. */
export const DIR_OPTION = /^(?:--(?:prefix|exec-prefix|bindir|sbindir|libexecdir|sysconfdir|sharedstatedir|localstatedir|runstatedir|libdir|includedir|datarootdir|datadir|infodir|mandir|docdir)|-DCMAKE_INSTALL_(?:PREFIX|BINDIR|SBINDIR|LIBEXECDIR|SYSCONFDIR|SHAREDSTATEDIR|LOCALSTATEDIR|RUNSTATEDIR|LIBDIR|INCLUDEDIR|DATAROOTDIR|DATADIR|INFODIR|MANDIR|DOCDIR)(?::PATH)?|PREFIX|prefix|BINDIR|bindir|SBINDIR|sbindir|LIBDIR|libdir|MANDIR|mandir|SYSCONFDIR|sysconfdir|DATADIR|datadir|INCLUDEDIR|includedir)=/;
