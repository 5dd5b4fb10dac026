import { isMultiLineMacro } from '../../catalog/expand';
import { isExpandedInText } from '../../specfile/macroText';
import { scopeOf } from '../../specfile/macroScope';
import type { MacroReference } from '../../specfile/ast';
import { refsInRange } from '../../specfile/query';
import { shellCommentStart } from '../../shell/specShell';
import type { SpecRuleContext } from '../types';

/**
 * `%setup` and `%patch` are macros only while rpm ≥ 4.19 reads %prep (rpm 4.18 and other sections
 * leave `#%setup -q` as text): on these profiles a commented-out `# %patch -P 1` still applies the
 * patch. `#%patch3` stays text everywhere (no macro of that name).
 */
const PREP_COMMANDS = new Set(['setup', 'patch']);
const PREP_COMMAND_PROFILES = new Set(['fedora', 'opensuse']);

/** A macro in a `#` comment that rpm expands into something that matters. */
export interface MacroInComment {
  ref: MacroReference;
  /** The reference as written, cut at the end of the line. */
  shown: string;
  start: number;
  end: number;
  /**
   * `runsCode`: `%(…)` or Lua, which run while the spec is parsed (comment-runs-code);
   * `multiLine`: an expansion that spans lines, so the `#` covers its first line only
   * (macro-in-comment).
   */
  kind: 'runsCode' | 'multiLine';
}

/**
 * rpm expands macros inside `#` comments. Looked at: whole-line `#` comments and trailing `#`
 * comments of shell lines. Not: `%%` (the escape), `%dnl` comments, `#` inside quotes or words
 * (`s#a#b#`, URL fragments), tag values and macro definition bodies (where `#` is not a comment),
 * and %changelog (see macro-in-%changelog). Nor a macro that expands to one line on the profile
 * (`# %{_libdir}` becomes `# /usr/lib64`, still a comment: checked with rpm 4.18), a catalog macro
 * not known to span lines (`%{optflags}`) or an undefined one (left as written).
 */
export function macrosInComments(ctx: SpecRuleContext): MacroInComment[] {
  const { doc } = ctx;
  const found: MacroInComment[] = [];
  let scope: ReturnType<typeof scopeOf> | undefined;
  // Only a line with a `#` can hold a comment (a shell comment starts at its `#`): the search
  // goes from one such line to the next instead of looking at every line.
  let line = -1;
  for (let at = doc.text.indexOf('#'); at >= 0; at = doc.text.indexOf('#', doc.lines.lineEndWithBreak(line))) {
    line = doc.lines.lineOf(at);
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
    const lineEnd = doc.lines.lineEnd(line);
    for (const r of refsInRange(doc, commentStart, lineEnd)) {
      if (r.depth !== 0 || !isExpandedInText(r)) continue;
      const end = Math.min(r.end, lineEnd);
      const shown = doc.text.slice(r.start, end);
      if (r.form === 'shell' || r.name === 'lua') {
        found.push({ ref: r, shown, start: r.start, end, kind: 'runsCode' });
        continue;
      }
      scope ??= scopeOf(doc, ctx.profile);
      // Catalog macros known to span lines (%configure, %cmake, %py3_build…); one whose body the
      // catalog lacks (%{optflags} on some profiles, %{build_ldflags}) is not assumed to.
      const prepCommand = PREP_COMMANDS.has(r.name) && section.kind === 'prep' && PREP_COMMAND_PROFILES.has(ctx.distro);
      const spansLines = r.name === 'expand' || prepCommand
        || (scope.lookup(r.name, r.start).entry === undefined && isMultiLineMacro(r.name, ctx.distro))
        || scope.expand(doc.text.slice(r.start, r.end), r.start).text.includes('\n');
      if (spansLines) found.push({ ref: r, shown, start: r.start, end, kind: 'multiLine' });
    }
  }
  return found;
}
