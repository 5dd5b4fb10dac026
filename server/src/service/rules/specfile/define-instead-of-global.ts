import { definitionTable } from '../../specfile/macroScope';
import { refsInRange } from '../../specfile/query';
import { defineSpecRule } from '../types';

/**
 * `%define` expands its body at every use, `%global` once where it is written. The difference
 * matters in two precise cases, reported here: the body runs a shell command `%(…)` (run again at
 * every use, possibly with a different result), or the body uses a macro the spec redefines or
 * undefines later, outside any %if, and the macro is used after that (so it silently takes the new value).
 */
export default defineSpecRule({
  id: 'define-instead-of-global',
  category: 'macros',
  defaultSeverity: 'hint',
  description: '%define whose value changes with the place of use (shell command or later-redefined macro): use %global',
  fixSafety: 'unsafe',
  messages: {
    useGlobal: '%define {{name}}: {{why}}; %global expands it once, here',
  },
  check(ctx) {
    const { doc } = ctx;
    const table = definitionTable(doc);
    for (const def of doc.macroDefinitions) {
      if (def.keyword !== 'define' || def.parameters !== undefined) continue;
      // Only definitions at the top of the spec (preamble or between sections), not inside scriptlets.
      const section = doc.sections[doc.lineSection[def.line]];
      if (section && section.kind !== 'preamble' && section.kind !== 'package') continue;
      const refs = refsInRange(doc, def.bodySpan.start, def.bodySpan.end);
      let why: string | undefined;
      // A body that uses a macro defined only further down (by a %define/%global line or by a
      // preamble tag: `%define qt_version %(echo %{version} | cut -d~ -f1)` above `Version:`)
      // relies on lazy expansion: leave it alone.
      // Through other %define'd macros too (cube: `%define cubew_vers %version` above Version:).
      const definedLater = (name: string, seen: Set<string>): boolean => {
        if (seen.has(name)) return false;
        seen.add(name);
        const defs = table.directives(name);
        const tags = table.tags(name);
        if (defs.length === 0 && tags.length === 0) return false;
        const earlier = defs.filter((d) => d.start < def.start && d.keyword !== 'undefine');
        if (earlier.length === 0 && !tags.some((t) => t.start < def.start)) return true;
        // An earlier lazy %define whose own body uses a later definition is later in effect.
        return earlier.some((d) => d.keyword === 'define' && refsInRange(doc, d.bodySpan.start, d.bodySpan.end).some((x) => definedLater(x.name, seen)));
      };
      if (refs.some((r) => definedLater(r.name, new Set([def.name])))) continue;
      const body = doc.text.slice(def.bodySpan.start, def.bodySpan.end);
      // Quoting tricks (`%""P`, `%%`) produce text meant to be expanded again at use.
      if (/%%|%["']/.test(body)) continue;
      // A %define never used never runs its command; %global would run it at every parse (udisks2's git_hash).
      if (refs.some((r) => r.form === 'shell')) {
        if (!doc.macroReferences.some((u) => u.name === def.name && (u.start < def.start || u.start >= def.end))) continue;
        why = 'its body runs a shell command, which %define runs again at every use';
      }
      else {
        for (const r of refs) {
          if (r.form !== 'plain' && r.form !== 'braced') continue;
          if (r.name === def.name) continue;
          // A later redefinition outside any %if (not a sibling arm), with a use of this macro after it,
          // and this macro not redefined itself in between.
          if (def.conditionalPath !== 0) continue;
          const later = table.directives(r.name).find((d) => d.start > def.end && d.conditionalPath === 0);
          if (!later) continue;
          if (table.directives(def.name).some((d) => d !== def && d.start > def.end)) continue;
          const usedAfter = doc.macroReferences.some((u) => u.name === def.name && u.start > later.end);
          if (usedAfter) {
            why = `its body uses %${r.name}, which is ${later.keyword === 'undefine' ? 'undefined' : 'redefined'} on line ${later.line + 1}, so its value depends on where %${def.name} is used`;
            break;
          }
        }
      }
      if (!why) continue;
      const kw = doc.text.indexOf('define', def.start);
      ctx.report({
        start: kw,
        end: def.nameSpan.end,
        messageId: 'useGlobal', data: { name: def.name, why },
        fixes: kw >= 0 && kw < def.nameSpan.start ? [{ title: 'Use %global', edits: [{ start: kw, end: kw + 'define'.length, newText: 'global' }] }] : [],
      });
    }
  },
});
