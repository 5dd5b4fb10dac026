import { unversionedProvides } from '../../specfile/unversionedProvides';
import { defineSpecRule } from '../types';

/**
 * rpmlint's full unversioned-explicit-provides check: every `Provides:` without a version, except
 * files, single macros and capabilities that are never versioned. Off by default: on Fedora these
 * are mostly `bundled(…)` of forked or unversioned code, hand-written `perl(Mod::Sub)` provides and
 * alternative names, which the guidelines version only "where known" (docs/precision.md). The cases
 * that break something (a renamed package, a versioned requirement in the same spec) are reported by
 * unversioned-explicit-provides.
 */
export default defineSpecRule({
  id: 'unversioned-provides-strict',
  category: 'dependencies',
  defaultSeverity: 'off',
  description: 'Every Provides: without a version, as rpmlint reports them (off by default)',
  fixSafety: 'unsafe',
  messages: {
    unversioned: "'{{name}}' is provided without a version: it satisfies any versioned requirement on it; add '= %{version}-%{release}' (or the version it stands for, such as a bundled library's own version)",
  },
  requires: ['rovides', 'ROVIDES'],
  rpmlintId: 'unversioned-explicit-provides',
  check(ctx) {
    for (const { dep, kind } of unversionedProvides(ctx.doc)) {
      if (kind !== 'plain') continue; // unversioned-explicit-provides reports the others
      ctx.report({
        start: dep.nameSpan.start,
        end: dep.nameSpan.end,
        messageId: 'unversioned', data: { name: dep.name },
        fixes: /[<>=]/.test(dep.name) ? [] : [{
          title: 'Provide it at = %{version}-%{release}',
          safety: 'unsafe',
          edits: [{ start: dep.nameSpan.end, end: dep.nameSpan.end, newText: ' = %{version}-%{release}' }],
        }],
      });
    }
  },
});
