import type { Dependency } from '../../specfile/ast';
import { textOf } from '../../specfile/query';
import { scopeOf, type MacroScope } from '../../specfile/macroScope';
import { evrInRange } from '../../specfile/rpmVersion';
import { unversionedProvides } from '../../specfile/unversionedProvides';
import { classifyVirtual } from '../../specfile/virtualCapabilities';
import { defineSpecRule } from '../types';

/**
 * `Provides: foo` without a version where that breaks something the spec itself states: the name
 * is also obsoleted (a rename: the unversioned provide falls within the package's own Obsoletes
 * range and matches every versioned requirement on the old name), or the spec requires or
 * conflicts with a version of it (rpm matches an unversioned provide to every version, so that
 * version is never checked). Every other unversioned provide is unversioned-provides-strict's
 * (off by default): on Fedora 0 of 43 sampled were worth changing (docs/precision.md).
 */
/**
 * Whether `= %{version}-%{release}` plausibly lies above the Obsoletes range: not when the range
 * has an epoch (`<= 9:2019-15`) or ends at a macro version (`<= %{version}`), or is not an upper bound.
 */
function fixLeavesObsoletesRange(kind: string, obsoletes: Dependency): boolean {
  if (kind !== 'obsoleted' || !obsoletes.operator) return true;
  const version = obsoletes.version ?? '';
  if (obsoletes.operator === '<') return !version.includes(':');
  if (obsoletes.operator === '<=') return !version.includes(':') && !version.includes('%');
  return false;
}

/**
 * The package's own `[E:]V-R` when it is known and lies inside the Obsoletes range (`< 9` or
 * `<= 0.12.0`, written without macros): then `= %{version}-%{release}` would not leave the range
 * (fwupd 2.1.7 against `Obsoletes: dbxtool < 9`, pipewire 1.6 against `< 14.2-3`).
 */
function ownEvrInside(scope: MacroScope, obsoletes: Dependency, at: number): string | undefined {
  if ((obsoletes.operator !== '<' && obsoletes.operator !== '<=') || !obsoletes.version || obsoletes.version.includes('%')) return undefined;
  const part = (text: string) => {
    const x = scope.expand(text, at);
    return x.uncertain || x.text.includes('%') ? undefined : x.text.trim();
  };
  const version = part('%{version}');
  // `%autorelease` and the like: unknown, which matters only when the versions are equal.
  const release = part('%{release}') || undefined;
  const epoch = part('%{?epoch}');
  if (!version || epoch === undefined) return undefined;
  if (evrInRange({ epoch, version, release }, obsoletes.operator, obsoletes.version) !== true) return undefined;
  return `${epoch ? `${epoch}:` : ''}${version}${release ? `-${release}` : ''}`;
}

export default defineSpecRule({
  id: 'unversioned-explicit-provides',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'Provides: without a version for a name the spec also obsoletes or requires with a version',
  fixSafety: 'unsafe',
  messages: {
    selfObsoleted: "'{{name}}' is obsoleted ({{where}}: Obsoletes: {{written}}) and provided without a version: an unversioned provide matches every version, so the package falls within its own Obsoletes (rpmlint: self-obsoletion) and every versioned Requires or Conflicts on the old name matches it. Provide the old name with a version above the Obsoletes range, as Fedora's guideline for renamed packages asks: {{name}} = %{version}-%{release}",
    obsoleted: "'{{name}}' is obsoleted ({{where}}: Obsoletes: {{written}}) and provided without a version: an unversioned provide matches every version, so every versioned Requires or Conflicts on the old name matches it. Provide the old name with a version above the Obsoletes range, as Fedora's guideline for renamed packages asks: {{name}} = %{version}-%{release}",
    versionNeverChecked: "'{{name}}' is provided without a version, but {{where}} {{verb}} '{{written}}': rpm matches an unversioned provide to every version, so that version is never checked. Provide it with its version: {{name}} = %{version}-%{release} (or the version it stands for)",
  },
  requires: ['rovides', 'ROVIDES'],
  rpmlintId: 'unversioned-explicit-provides',
  check(ctx) {
    const doc = ctx.doc;
    let scope: MacroScope | undefined;
    for (const { dep, tag, kind, other } of unversionedProvides(doc)) {
      if (kind === 'plain' || !other) continue;
      // Reported only where `= %{version}-%{release}` is plainly the fix (docs/precision.md, 2026-12-07):
      // an unversioned Obsoletes is the cause, and unversioned-explicit-obsoletes reports it (hping3,
      // pyzy, scim); a range with an epoch or a macro bound (texinfo `<= 9:2019-15`, xfsprogs
      // `<= %{version}`) cannot be left with the package's own version.
      if (kind === 'obsoleted' && (!other.dep.operator || !fixLeavesObsoletesRange(kind, other.dep))) continue;
      // A capability an automatic generator also provides with its real version (perl.spec's
      // leftover `Provides: perl(IO::Uncompress::Bunzip2)` next to the generated versioned one).
      if (kind === 'versioned-elsewhere' && classifyVirtual(dep) === 'generated') continue;
      const written = textOf(doc, other.dep).trim();
      const where = `line ${other.tag.line + 1}`;
      let report: { messageId: 'selfObsoleted' | 'obsoleted'; data: { name: string; where: string; written: string } } | { messageId: 'versionNeverChecked'; data: { name: string; where: string; verb: string; written: string } };
      if (kind === 'obsoleted') {
        scope ??= scopeOf(doc, ctx.profile);
        // The package's own version lies inside the range (pipewire 1.6 against `< 14.2-3`, fwupd
        // 2.1.7 against `dbxtool < 9`): only an invented version or an Epoch bump leaves it, a
        // choice the maintainers made knowingly (pipewire's comment); unversioned-provides-strict has it.
        if (ownEvrInside(scope, other.dep, tag.start) !== undefined) continue;
        const own = other.tag.packageIndex === tag.packageIndex;
        report = { messageId: own ? 'selfObsoleted' : 'obsoleted', data: { name: dep.name, where, written } };
      } else {
        const verb = other.tag.key === 'conflicts' ? 'conflicts with it as' : `${other.tag.name.split('(')[0].toLowerCase()} it as`;
        report = { messageId: 'versionNeverChecked', data: { name: dep.name, where, verb, written } };
      }
      ctx.report({
        start: dep.nameSpan.start,
        end: dep.nameSpan.end,
        ...report,
        fixes: /[<>=]/.test(dep.name) || !fixLeavesObsoletesRange(kind, other.dep) ? [] : [{
          title: 'Provide it at = %{version}-%{release}',
          safety: 'unsafe',
          edits: [{ start: dep.nameSpan.end, end: dep.nameSpan.end, newText: ' = %{version}-%{release}' }],
        }],
      });
    }
  },
});
