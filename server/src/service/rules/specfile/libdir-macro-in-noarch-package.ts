import type { SpecDocument } from '../../specfile/ast';
import { buildArchTags, refsInRange } from '../../specfile/query';
import { defineSpecRule } from '../types';

/** 64-bit architectures by the names ExclusiveArch uses (`%{x86_64}` etc. are macros for them). */
const ARCHES_64 = /^(?:x86_64|amd64|aarch64|ppc64le|ppc64|s390x|riscv64|%\{?(?:x86_64|arm64|power64|riscv64)\}?)$/;
/** 32-bit x86 by the names ExcludeArch uses. */
const IX86 = /^(?:i[3-6]86|%\{?ix86\}?)$/;

/**
 * Every architecture the package can be built for has lib64: Fedora and EL build for x86_64,
 * aarch64, ppc64le and s390x (and riscv64 as Fedora's alternative), plus i686 only for multilib
 * (Fedora's Architectures page; armv7hl was retired in Fedora 37, and RHEL has no 32-bit arch), so
 * a spec that excludes %{ix86} (openmpi, pl) or lists only 64-bit arches in ExclusiveArch has
 * %{_libdir} = /usr/lib64 wherever it builds.
 */
function only64BitArches(doc: SpecDocument, distro: string): boolean {
  if (distro !== 'fedora' && distro !== 'rhel') return false;
  const values = (key: string) => doc.tags.filter((t) => t.key === key && t.packageIndex === 0 && t.conditionalPath === 0).flatMap((t) => t.value.split(/[\s,]+/).filter(Boolean));
  const exclusive = values('exclusivearch');
  // `noarch` in the list lets the noarch subpackages build; it is no build host (m1n1: `ExclusiveArch: aarch64 noarch`).
  const hosts = exclusive.filter((a) => a !== 'noarch');
  if (hosts.length > 0 && hosts.every((a) => ARCHES_64.test(a))) return true;
  return values('excludearch').some((a) => IX86.test(a));
}

/** The package's own BuildArch tags (else the main package's) all say noarch, outside any %if. */
function unconditionalNoarch(doc: SpecDocument, packageIndex: number): boolean {
  const tags = buildArchTags(doc);
  const own = tags.get(packageIndex) ?? (packageIndex !== 0 && packageIndex !== -1 ? tags.get(0) : undefined);
  return own !== undefined && own.every((t) => t.conditionalPath === 0 && /^noarch$/i.test(t.value));
}

/**
 * `%{_libdir}` or `%{_lib}` in the %files of a noarch package: the path differs between
 * architectures (lib vs lib64), so the one noarch build cannot be right for all of them. Only an
 * unconditional `BuildArch: noarch` counts (a noarch in one %if arm may pair with arch-specific
 * files in the other). `%{_libdir}/../…` is the same path everywhere (the parent of lib and lib64) and is not reported.
 */
export default defineSpecRule({
  id: 'libdir-macro-in-noarch-package',
  category: 'paths',
  defaultSeverity: 'warning',
  description: '%{_libdir} or %{_lib} in the %files of a noarch package',
  fixSafety: 'none',
  messages: {
    libdirInNoarch: '%{{{name}}} in the files of a noarch package: it is lib or lib64 depending on the build host; use %{_prefix}/lib (or %{_datadir}) for architecture-independent files, or drop BuildArch: noarch',
  },
  rpmlintId: 'libdir-macro-in-noarch-package',
  check(ctx) {
    const { doc } = ctx;
    // No BuildArch tag: no noarch package (most specs).
    if (buildArchTags(doc).size === 0) return;
    // The architectures and the spec's own definitions are looked at only for a %{_libdir} in a
    // noarch %files.
    let pinned: Set<string> | undefined;
    for (const s of doc.sections) {
      if (s.kind !== 'files' || !unconditionalNoarch(doc, s.packageIndex)) continue;
      for (const r of refsInRange(doc, s.body.start, s.body.end)) {
        if ((r.form !== 'plain' && r.form !== 'braced') || (r.name !== '_libdir' && r.name !== '_lib')) continue;
        if (pinned === undefined) {
          if (only64BitArches(doc, ctx.distro)) return;
          // `%global _libdir /usr/lib` (obs-build): the spec pins the macro to one literal directory,
          // so it no longer depends on the build host
          pinned = new Set(doc.macroDefinitions.filter((d) => (d.name === '_libdir' || d.name === '_lib') && d.keyword !== 'undefine' && !d.body.includes('%')).map((d) => d.name));
        }
        if (pinned.has(r.name)) continue;
        const kind = doc.lineKinds[doc.lines.lineOf(r.start)];
        if (kind === 'comment' || kind === 'conditional' || kind === 'definition') continue;
        // `%{_libdir}/../lib` is /usr/lib on every architecture (floppy-support.spec): the parent
        // of lib and of lib64 is the same %{_prefix}.
        if (doc.text.startsWith('/..', r.end) && /^(?:\/|\s|$)/.test(doc.text.slice(r.end + 3, r.end + 4))) continue;
        ctx.report({
          start: r.start,
          end: r.end,
          messageId: 'libdirInNoarch', data: { name: r.name },
        });
      }
    }
  },
});
