import { shellCommentStart } from '../../shell/specShell';
import { specLines } from '../../specfile/sectionText';
import { defineSpecRule, mentionsAny } from '../types';

/** What the pattern below needs, in the document and on the line. */
const WORDS = ['RPM_SOURCE_DIR'];

/**
 * `$RPM_SOURCE_DIR` in a script. rpmlint also reports `%{_sourcedir}`; reading files shipped next
 * to the spec from `%{_sourcedir}` is common, correct practice, so this rule does not. Off by
 * default: rpmbuild sets $RPM_SOURCE_DIR to %{_sourcedir} in every build script, so the spec
 * builds the same; every Fedora finding read (51 in 6 specs, most in httpd and kernel, which use
 * it consistently for declared sources) was style (docs/precision.md).
 */
export default defineSpecRule({
  id: 'use-of-RPM_SOURCE_DIR',
  category: 'paths',
  defaultSeverity: 'off',
  description: '$RPM_SOURCE_DIR is used: refer to sources as %{SOURCEn} (or %{_sourcedir}) (off by default)',
  fixSafety: 'safe',
  messages: {
    rpmSourceDir: 'The $RPM_SOURCE_DIR environment variable is used: refer to the file as %{SOURCEn} (declare it as a Source tag) or via %{_sourcedir}',
  },
  requires: WORDS,
  rpmlintId: 'use-of-RPM_SOURCE_DIR',
  check(ctx) {
    const { doc } = ctx;
    for (const l of specLines(doc)) {
      const kind = doc.lineKinds[l.line];
      if (kind === 'comment' || kind === 'blank' || l.section.kind === 'changelog' || l.section.kind === 'description') continue;
      if (!mentionsAny(l.text, WORDS)) continue;
      const hash = shellCommentStart(doc, l.line);
      const code = hash >= 0 ? l.text.slice(0, hash - l.start) : l.text;
      for (const m of code.matchAll(/(\\*)\$(\{RPM_SOURCE_DIR\}|RPM_SOURCE_DIR\b)/g)) {
        if (m[1].length % 2 === 1) continue;
        const start = l.start + m.index + m[1].length;
        const end = start + 1 + m[2].length;
        ctx.report({
          start,
          end,
          messageId: 'rpmSourceDir',
          fixes: [{ title: 'Use %{_sourcedir}', edits: [{ start, end, newText: '%{_sourcedir}' }] }],
        });
      }
    }
  },
});
