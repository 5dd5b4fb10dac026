import { defineSpecRule } from '../types';
import { BUILDROOT_WORDS, buildrootUses } from './_buildrootUses';

const SECTIONS = new Set(['prep', 'build']);

/**
 * The build root in %prep or %build: rpm empties it before %install, so what is written there is
 * lost, and a path into it compiled in or written to a config file points nowhere on the installed
 * system. Information, not a warning: on Fedora every finding read was the build root handed on as
 * an install destination that the later install used, which works (docs/precision.md). Escaped
 * forms and comments are not reported; install-time scriptlets are buildroot-in-scriptlet's.
 */
export default defineSpecRule({
  id: 'rpm-buildroot-usage',
  category: 'correctness',
  defaultSeverity: 'information',
  description: 'The build root is used in %prep or %build',
  fixSafety: 'none',
  messages: {
    buildrootOutsideInstall: 'The build root is used in %{{section}}: rpm empties it before %install, so a path into it only works if the install step uses it again; set install destinations in %install{{more}}',
  },
  requires: BUILDROOT_WORDS,
  rpmlintId: 'rpm-buildroot-usage',
  check(ctx) {
    for (const f of buildrootUses(ctx, SECTIONS)) {
      ctx.report({ start: f.start, end: f.end, messageId: 'buildrootOutsideInstall', data: { section: f.section, more: f.more } });
    }
  },
});
