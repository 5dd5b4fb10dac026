import { isWholeMacro } from '../../specfile/depTokens';
import { defineSpecRule } from '../types';

/**
 * `Provides: foo` without a version: every versioned `Requires: foo >= 2` is satisfied by it and
 * versioned Obsoletes/Conflicts cannot target it. File provides (`/usr/bin/x`) are exempt, as
 * in rpmlint; so is a value that is a single macro (it may expand to a versioned list). So are
 * capabilities that never carry a version: `kmod(foo.ko)` (kmod generators and akmods match the
 * name only), `deprecated()` (a marker), and SUSE split provides `pkg:/path/file` (matched by name
 * when a package was split).
 */
const NEVER_VERSIONED = /^(?:kmod\(.*\)|deprecated\(\)|[^\s/():]+:\/\S*)$/;

export default defineSpecRule({
  id: 'unversioned-explicit-provides',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'Provides: without a version matches every versioned requirement',
  fixSafety: 'unsafe',
  rpmlintId: 'unversioned-explicit-provides',
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'provides' || !tag.dependencies) continue;
      for (const dep of tag.dependencies) {
        if (dep.operator || dep.rich || dep.name.startsWith('/') || isWholeMacro(dep.name) || NEVER_VERSIONED.test(dep.name)) continue;
        ctx.report({
          start: dep.nameSpan.start,
          end: dep.nameSpan.end,
          message: `'${dep.name}' is provided without a version: it satisfies any versioned requirement on it; add '= %{version}-%{release}' (or the version it stands for)`,
          fixes: /[<>=]/.test(dep.name) ? [] : [{
            title: 'Provide it at = %{version}-%{release}',
            safety: 'unsafe',
            edits: [{ start: dep.nameSpan.end, end: dep.nameSpan.end, newText: ' = %{version}-%{release}' }],
          }],
        });
      }
    }
  },
});
