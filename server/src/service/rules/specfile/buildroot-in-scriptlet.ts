import { defineSpecRule } from '../types';
import { BUILDROOT_WORDS, buildrootUses } from './_buildrootUses';

const SECTIONS = new Set(['scriptlet', 'trigger', 'filetrigger']);

/**
 * The build root in an install-time scriptlet (%pre, %post, %preun, %postun, triggers): the script
 * runs on the user's system. `%{buildroot}` was expanded when the package was built, to a path
 * that does not exist there; `$RPM_BUILD_ROOT` is not set there (rpmbuild sets it only for the
 * build scripts), so `$RPM_BUILD_ROOT/usr/bin` is `/usr/bin` by accident.
 */
export default defineSpecRule({
  id: 'buildroot-in-scriptlet',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'The build root is used in an install-time scriptlet, where it does not exist',
  fixSafety: 'none',
  messages: {
    macroInScriptlet: "%{buildroot} in %{{section}} becomes the build root's path when the package is built, and this script runs on the installed system, where that path does not exist: use the installed path (e.g. %{_bindir}/…){{more}}",
    variableInScriptlet: '$RPM_BUILD_ROOT in %{{section}} is set only while rpmbuild runs the build scripts: on the installed system it is empty when this script runs, so the path only works by accident; use the installed path (e.g. %{_bindir}/…){{more}}',
  },
  requires: BUILDROOT_WORDS,
  rpmlintId: 'rpm-buildroot-usage',
  check(ctx) {
    for (const f of buildrootUses(ctx, SECTIONS)) {
      ctx.report({ start: f.start, end: f.end, messageId: f.form === 'macro' ? 'macroInScriptlet' : 'variableInScriptlet', data: { section: f.section, more: f.more } });
    }
  },
});
