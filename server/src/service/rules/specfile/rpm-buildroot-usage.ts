import { shellCommentStart } from '../../shell/specShell';
import { specLines } from '../../specfile/sectionText';
import { defineSpecRule, mentionsAny } from '../types';

const SECTIONS = new Set(['prep', 'build', 'scriptlet', 'trigger', 'filetrigger']);
/** Both patterns below need one of these words, in the document and on the line. */
const WORDS = ['RPM_BUILD_ROOT', 'buildroot'];

/**
 * The build root in %prep, %build or an install-time scriptlet. During %prep/%build it does not
 * exist yet (rpm creates it before %install), and at install time it is meaningless. Escaped forms
 * (`%%{buildroot}`, `\$RPM_BUILD_ROOT`) and comments are not reported.
 */
export default defineSpecRule({
  id: 'rpm-buildroot-usage',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'The build root is used in %prep, %build or a scriptlet',
  fixSafety: 'none',
  messages: {
    buildrootOutsideInstall: 'The build root is used in %{{section}}: it is emptied before %install and means nothing on the installed system{{more}}',
  },
  requires: WORDS,
  rpmlintId: 'rpm-buildroot-usage',
  check(ctx) {
    const { doc } = ctx;
    // One finding per section: a build function that installs into the build root from %build
    // (as kernel specs do) would otherwise produce hundreds of identical findings.
    const perSection = new Map<number, { start: number; end: number; section: string; count: number }>();
    // A spec that redefines %__spec_install_pre (kernel.spec: `%{___build_pre}` without the
    // `rm -rf`) keeps what %build installs into the build root, on purpose.
    const keepsBuildroot = doc.macroDefinitions.some((d) => d.name === '__spec_install_pre' && !/rm\s+-rf/.test(d.body));
    for (const l of specLines(doc)) {
      if (!SECTIONS.has(l.section.kind)) continue;
      if (keepsBuildroot && l.section.kind === 'build') continue;
      const kind = doc.lineKinds[l.line];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      if (!mentionsAny(l.text, WORDS)) continue; // most lines have neither
      const hash = shellCommentStart(doc, l.line);
      const code = hash >= 0 ? l.text.slice(0, hash - l.start) : l.text;
      const hits: { start: number; end: number }[] = [];
      for (const m of code.matchAll(/(\\*)\$(\{RPM_BUILD_ROOT\}|RPM_BUILD_ROOT\b)/g)) {
        if (m[1].length % 2 === 0) hits.push({ start: l.start + m.index + m[1].length, end: l.start + m.index + m[0].length });
      }
      for (const m of code.matchAll(/(%+)(\{\??buildroot\}|buildroot\b)/g)) {
        if (m[1].length % 2 === 1) hits.push({ start: l.start + m.index + m[1].length - 1, end: l.start + m.index + m[0].length });
      }
      if (hits.length === 0) continue;
      const index = doc.lineSection[l.line];
      const first = perSection.get(index);
      if (first) first.count += hits.length;
      else perSection.set(index, { ...hits[0], section: l.section.name, count: hits.length });
    }
    for (const f of perSection.values()) {
      const more = f.count > 1 ? ` (${f.count - 1} more use${f.count > 2 ? 's' : ''} in this section)` : '';
      ctx.report({
        start: f.start,
        end: f.end,
        messageId: 'buildrootOutsideInstall', data: { section: f.section, more },
      });
    }
  },
});
