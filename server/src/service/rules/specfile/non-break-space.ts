import type { SpecDocument } from '../../specfile/ast';
import { shellCommentStart } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/**
 * U+00A0 looks like a space but is not one to rpm or the shell: `Requires:\u00a0foo` breaks.
 * Not reported where it is only text that nobody parses: `#` and `%dnl` comments, the prose of
 * %description, %changelog entries and their `*` header after the date, Summary and description/summary text
 * held in a macro (`%global _description %{expand:…}`), where it is often typography
 * on purpose (`400 000`, `« rpm-fonts »`), and Lua code (outside a string Lua itself refuses it, so
 * in a working spec it is a string matched on purpose). rpmlint reports every line.
 */
export default defineSpecRule({
  id: 'non-break-space',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'A non-breaking space (U+00A0) where a normal space was likely meant',
  fixSafety: 'safe',
  messages: {
    nonBreakingSpace: 'Non-breaking space (U+00A0): rpm and the shell do not treat it as a blank; use a normal space',
  },
  rpmlintId: 'non-break-space',
  requires: ['\u00a0'],
  check(ctx) {
    const { doc } = ctx;
    const { text } = doc;
    for (let i = text.indexOf('\u00a0'); i >= 0; i = text.indexOf('\u00a0', i + 1)) {
      if (isHarmlessText(doc, i)) continue;
      ctx.report({
        start: i,
        end: i + 1,
        messageId: 'nonBreakingSpace',
        fixes: [{ title: 'Replace with a space', edits: [{ start: i, end: i + 1, newText: ' ' }] }],
      });
    }
  },
});

/** The offset is in text rpm and the shell never split into words (see the rule's comment). */
function isHarmlessText(doc: SpecDocument, offset: number): boolean {
  const line = doc.lines.lineOf(offset);
  const kind = doc.lineKinds[line];
  if (kind === 'comment') return true;
  if (doc.comments.some((c) => c.line === line && offset >= c.start)) return true;
  const section = doc.sections[doc.lineSection[line]];
  if (section && (section.kind === 'description' || (section.kind === 'changelog' && kind !== 'changelog-header'))) return true;
  // A changelog header after its date (author, e-mail, version) is text too; in the date rpm needs blanks.
  if (kind === 'changelog-header') {
    const entry = doc.changelog.find((e) => e.line === line);
    if (entry?.date && entry.dateSpan && offset >= entry.dateSpan.end) return true;
  }
  if (section?.bodyLanguage === 'lua' && line > section.headerLine) return true;
  if (section?.bodyLanguage === 'shell') {
    const hash = shellCommentStart(doc, line);
    if (hash >= 0 && offset > hash) return true;
  }
  // Description or summary text kept in a macro (`%global _description %{expand:…}`, fontdescription).
  if (doc.macroDefinitions.some((d) => /desc|summary/i.test(d.name) && offset >= d.bodySpan.start && offset < d.bodySpan.end)) return true;
  const tag = doc.tags.find((t) => t.line === line);
  if (tag && tag.key === 'summary' && offset >= tag.valueSpan.start) return true;
  return doc.macroReferences.some((r) => r.name === 'lua' && r.body !== undefined && offset >= r.body.start && offset < r.body.end);
}
