import { isMultiLineMacro } from '../../catalog/expand';
import { isExpandedInText } from '../../specfile/macroText';
import { scopeOf } from '../../specfile/macroScope';
import { refsInRange } from '../../specfile/query';
import { shellCommentStart } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/**
 * rpm expands macros inside `#` comments: a multi-line macro (`# %configure`) comments out only
 * its first line, and `%(…)` runs. Reported: whole-line `#` comments and trailing `#` comments of
 * shell lines. Not reported: `%%` (the escape), `%dnl` comments, `#` inside quotes or words
 * (`s#a#b#`, URL fragments), tag values and macro definition bodies (where `#` is not a comment),
 * and %changelog (see macro-in-%changelog). Nor a macro that expands to one line on the profile
 * (`# %{_libdir}` becomes `# /usr/lib64`, still a comment: checked with rpm 4.18), a catalog macro
 * not known to span lines (`%{optflags}`) or an undefined one (left as written); only multi-line or
 * unknowable expansions (`%configure`, `%cmake`, `%(…)`, Lua, `%setup` in %prep on rpm ≥ 4.19) are
 * reported.
 */
/**
 * `%setup` and `%patch` are macros only while rpm ≥ 4.19 reads %prep (rpm 4.18 and other sections
 * leave `#%setup -q` as text): on these profiles a commented-out `# %patch -P 1` still applies the
 * patch. `#%patch3` stays text everywhere (no macro of that name).
 */
const PREP_COMMANDS = new Set(['setup', 'patch']);
const PREP_COMMAND_PROFILES = new Set(['fedora', 'opensuse']);

export default defineSpecRule({
  id: 'macro-in-comment',
  category: 'macros',
  defaultSeverity: 'warning',
  description: 'A macro inside a # comment is still expanded: write %% for a literal %',
  fixSafety: 'safe',
  messages: {
    expandedInComment: "'{{shown}}' in a comment is still expanded by rpm ({{whyItMatters}}): write '%{{shown}}' (or use %dnl) to keep it as text",
  },
  rpmlintId: 'macro-in-comment',
  check(ctx) {
    const { doc } = ctx;
    let scope: ReturnType<typeof scopeOf> | undefined;
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const section = doc.sections[doc.lineSection[line]];
      if (!section || section.kind === 'changelog') continue;
      const kind = doc.lineKinds[line];
      const lineStart = doc.lines.lineStarts[line];
      let commentStart: number;
      if (kind === 'comment') {
        const text = doc.lines.lineText(line);
        const hash = text.indexOf('#');
        if (hash < 0 || text.slice(0, hash).trim() !== '') continue;
        commentStart = lineStart + hash;
      } else if ((kind === 'body' || kind === 'macro-line') && section.bodyLanguage === 'shell') {
        const hash = shellCommentStart(doc, line);
        if (hash <= lineStart) continue;
        commentStart = hash;
      } else continue;
      for (const r of refsInRange(doc, commentStart, doc.lines.lineEnd(line))) {
        if (r.depth !== 0 || !isExpandedInText(r)) continue;
        const shown = doc.text.slice(r.start, Math.min(r.end, doc.lines.lineEnd(line)));
        scope ??= scopeOf(doc, ctx.profile);
        const expansion = scope.expand(doc.text.slice(r.start, r.end), r.start);
        // Catalog macros known to span lines (%configure, %cmake, %py3_build…); one whose body the
        // catalog lacks (%{optflags} on some profiles, %{build_ldflags}) is not assumed to.
        const prepCommand = PREP_COMMANDS.has(r.name) && section.kind === 'prep' && PREP_COMMAND_PROFILES.has(ctx.distro);
        const runsCode = r.form === 'shell' || r.name === 'lua' || r.name === 'expand' || prepCommand
          || (scope.lookup(r.name, r.start).entry === undefined && isMultiLineMacro(r.name, ctx.distro));
        if (!runsCode && !expansion.text.includes('\n')) continue;
        ctx.report({
          start: r.start,
          end: Math.min(r.end, doc.lines.lineEnd(line)),
          messageId: 'expandedInComment', data: { shown, whyItMatters: whyItMatters(r) },
          fixes: [{ title: 'Escape as %%', edits: [{ start: r.start, end: r.start, newText: '%' }] }],
        });
      }
    }
  },
});

/** Why expanding this macro in a comment matters: `%(…)` and Lua run code; the others span lines. */
function whyItMatters(r: { form: string; name: string }): string {
  if (r.form === 'shell') return 'it runs the command while the spec is parsed';
  if (r.name === 'lua') return 'it runs the Lua code while the spec is parsed';
  return 'a multi-line expansion is commented out on its first line only';
}
