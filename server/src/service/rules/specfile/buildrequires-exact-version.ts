import { defineSpecRule } from '../types';

/**
 * `BuildRequires: foo = 1.2.3`: the build breaks as soon as the build root gets any other version.
 * Pins to the spec's own version (`%{version}`, `%{release}`, `%{evr}`) and kernel pins for
 * kernel modules (`kernel-devel = %{kversion}`) and major-version pins (`clang(major) = 18`) are
 * intended and not reported. Off by default: an `=` pin is written on purpose (Fedora: OCaml/Rocq
 * plugins built against one Rocq, Meta's lockstep folly/fbthrift/fizz releases, ABI markers such as
 * krb5-kdb-version); none of the 30 Fedora findings read was an accident (docs/precision.md).
 */
export default defineSpecRule({
  id: 'buildrequires-exact-version',
  category: 'dependencies',
  defaultSeverity: 'off',
  description: 'BuildRequires pins an exact version with = (off by default)',
  fixSafety: 'none',
  messages: {
    exactVersion: 'BuildRequires pins {{name}} to exactly {{version}}: the build fails with any other version; use >= unless the exact version is required',
  },
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'buildrequires' || !tag.dependencies) continue;
      for (const dep of tag.dependencies) {
        if (dep.rich || (dep.operator !== '=' && dep.operator !== '==') || !dep.version || !dep.operatorSpan) continue;
        if (/%\{?\??(?:version|release|evr|epoch|name)\b/.test(dep.version)) continue;
        if (/^kernel(?:-|$)/.test(dep.name) || dep.name.includes('%')) continue;
        // `clang(major) = 18`, `foo = 2`: a major-version pin, which is what such provides are for.
        if (/\(major\)$/.test(dep.name) || /^\d+$/.test(dep.version)) continue;
        ctx.report({
          start: dep.start,
          end: dep.end,
          messageId: 'exactVersion', data: { name: dep.name, version: dep.version },
        });
      }
    }
  },
});
