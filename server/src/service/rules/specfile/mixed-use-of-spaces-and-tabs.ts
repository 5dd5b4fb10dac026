import { defineSpecRule } from '../types';

// rpmlint's heuristic for "spaces where a tab stop was meant" (https://bugzilla.redhat.com/488146).
const SPACE_INDENT = /( \t|(^|\t)([^\t]{8})*[^\t]{4}[^\t]?([^\t][^\t.!?]|[^\t]?[.!?] ) {2})/;

/**
 * Tabs on some lines and space alignment on others: the file looks different with every tab
 * width. Reported once, on the later of the first tab line and the first space-aligned line,
 * with rpmlint's heuristic; whitespace-only lines align nothing and are skipped. Off by default:
 * on Fedora 0 of 25 sampled findings were worth changing (alignment style, tab-indented shell
 * continuations; docs/precision.md), rpm reads both alike, and `specwright format` rewrites the
 * whitespace for those who want it uniform.
 */
export default defineSpecRule({
  id: 'mixed-use-of-spaces-and-tabs',
  category: 'style',
  defaultSeverity: 'off',
  description: 'Tabs and spaces are both used for indentation or alignment (off by default)',
  fixSafety: 'none',
  messages: {
    mixed: 'Tabs and spaces are mixed: line {{spaceLine}} aligns with spaces, line {{tabLine}} with tabs; pick one',
  },
  rpmlintId: 'mixed-use-of-spaces-and-tabs',
  check(ctx) {
    const { doc } = ctx;
    let tabLine = -1;
    let spaceLine = -1;
    for (let line = 0; line < doc.lines.lineCount && (tabLine < 0 || spaceLine < 0); line++) {
      const text = doc.lines.lineText(line);
      if (text.trim() === '') continue;
      if (tabLine < 0 && text.includes('\t')) tabLine = line;
      if (spaceLine < 0 && SPACE_INDENT.test(text)) spaceLine = line;
    }
    if (tabLine < 0 || spaceLine < 0) return;
    const line = Math.max(tabLine, spaceLine);
    const text = doc.lines.lineText(line);
    const start = doc.lines.lineStarts[line] + (text.length - text.trimStart().length);
    ctx.report({
      start,
      end: doc.lines.lineEnd(line),
      messageId: 'mixed', data: { spaceLine: spaceLine + 1, tabLine: tabLine + 1 },
    });
  },
});
