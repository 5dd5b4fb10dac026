import { shellCommentStart } from '../../shell/specShell';
import { specLines } from '../../specfile/sectionText';
import { defineSpecRule } from '../types';

const SKIP = new Set(['check', 'changelog', 'preamble', 'package', 'description', 'files']);
const MAKE_CHECK = /(^|[\s;&|(`])(?:%\{?__make\}?|make|gmake)((?:\s+(?:-C\s+\S+|-j\s*\d+|-\S+|\w+=\S*))*)\s+(check|tests?)(?=[\s;&|)`]|$)/;

/**
 * `make check`/`make test` in %build or %install: tests then run even with `--nocheck` and
 * their failures look like build failures. rpmlint's trigger is kept (including `make tests`);
 * comment text is not reported.
 */
export default defineSpecRule({
  id: 'make-check-outside-check-section',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'make check/test runs outside the %check section',
  fixSafety: 'none',
  messages: {
    outsideCheck: "'{{command}}' in %{{name}}: run tests in %check, so --nocheck skips them and failures are reported as test failures",
  },
  requires: ['check', 'test'],
  rpmlintId: 'make-check-outside-check-section',
  check(ctx) {
    const { doc } = ctx;
    for (const l of specLines(doc)) {
      if (SKIP.has(l.section.kind)) continue;
      const kind = doc.lineKinds[l.line];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      if (!l.text.includes('make')) continue; // every spelling MAKE_CHECK accepts contains it
      const hash = shellCommentStart(doc, l.line);
      const code = hash >= 0 ? l.text.slice(0, hash - l.start) : l.text;
      const m = MAKE_CHECK.exec(code);
      if (!m) continue;
      const start = l.start + m.index + m[1].length;
      ctx.report({
        start,
        end: l.start + m.index + m[0].length,
        messageId: 'outsideCheck', data: { command: m[0].slice(m[1].length), name: l.section.name },
      });
    }
  },
});
