import type { MacroReference, SpecDocument } from '../../specfile/ast';
import { isKnownMacro, knownMacroNames, specDefinedNames } from '../../specfile/macroUse';
import { editDistance } from '../../text/similarity';
import { defineSpecRule } from '../types';

/** Line kinds whose macros rpm expands when it reads the spec (definition bodies expand lazily, comments are other rules'). */
const CHECKED_LINES = new Set(['tag', 'body', 'macro-line', 'section-header']);

/** Well-known macros a typo is checked against, besides the spec's own: paths (`_libdir`…) and the build macros. */
const TYPO_TARGETS = /^(?:_[a-z][a-z0-9_]*dir|_prefix|_exec_prefix|_lib|_usr|_var|buildroot|optflags|configure|make_build|make_install|cmake|cmake_build|cmake_install|meson|meson_build|meson_install|autosetup|autopatch|setup|ldconfig_scriptlets|find_lang|py3_build|py3_install|pyproject_wheel|pyproject_install|python3_sitelib|python3_sitearch|python3|__python3|_smp_mflags|set_build_flags|systemd_post|systemd_preun|systemd_postun|systemd_postun_with_restart|license|version|release|name|summary|url|dist)$/;

function leadingUnderscores(name: string): number {
  let k = 0;
  while (name.charCodeAt(k) === 95 /* _ */) k++;
  return k;
}

/** A well-known name a typo may be of, with what the comparison needs computed once. */
interface Candidate {
  name: string;
  withoutDigits: string;
}

function withoutDigitsOf(name: string): string {
  return name.replace(/\d+/g, '');
}

/** The well-known macros a typo is checked against, filtered from the catalog once. */
let typoTargets: Candidate[] | undefined;
/**
 * The best well-known macro per misspelt name: the catalog is the same for every spec, so a
 * name seen in another spec needs no second search (a corpus run meets the same names often).
 */
const catalogSuggestions = new Map<string, { best: string | undefined; distance: number }>();
const MAX_REMEMBERED = 20_000;

/**
 * The closest candidate: the smallest distance, and among equal distances the smallest name
 * (so the order in which candidates are considered does not matter).
 */
function suggestionFor(name: string, local: ReadonlySet<string>): string | undefined {
  if (name.length < 5) return undefined;
  const max = name.length < 10 ? 1 : 2;
  const underscores = leadingUnderscores(name);
  const withoutDigits = withoutDigitsOf(name);
  let best: string | undefined;
  let bestDistance = max + 1;
  // `cWithoutDigits` is given for the catalog's names (computed once); a spec's own names get
  // it only when they would be the best so far (the distance, one pass for short names, is cheaper).
  const consider = (c: string, cWithoutDigits?: string) => {
    if (c === name || Math.abs(c.length - name.length) > max) return;
    // A leading underscore count that differs is a different macro family (`__foo` vs `_foo`).
    if (leadingUnderscores(c) !== underscores) return;
    const d = editDistance(name, c, max);
    if (!(d < bestDistance || (d === bestDistance && best !== undefined && c < best))) return;
    // Names that differ only by digits are siblings (`python3_sitelib`/`python2_sitelib`, `make_install32`).
    if ((cWithoutDigits ?? withoutDigitsOf(c)) === withoutDigits) return;
    // One name inside the other (`kversion`/`version`, `_libdirs`/`_libdir`) is a related macro, not a typo.
    if (name.includes(c) || c.includes(name)) return;
    best = c;
    bestDistance = d;
  };
  let known = catalogSuggestions.get(name);
  if (!known) {
    typoTargets ??= [...knownMacroNames()].filter((c) => TYPO_TARGETS.test(c)).map((c) => ({ name: c, withoutDigits: withoutDigitsOf(c) }));
    // A well-known macro that differs only by digits makes this a sibling of its family defined
    // elsewhere (`%cmake3_build` next to `%cmake_build`, EPEL's cmake3 macros), not a typo of
    // another macro (it was suggested `%make_build`: waifu2x-converter-cpp).
    const sibling = typoTargets.some((c) => c.withoutDigits === withoutDigits && c.name !== name);
    if (!sibling) for (const c of typoTargets) consider(c.name, c.withoutDigits);
    known = { best: sibling ? undefined : best, distance: sibling ? -1 : bestDistance };
    if (catalogSuggestions.size >= MAX_REMEMBERED) catalogSuggestions.clear();
    catalogSuggestions.set(name, known);
  }
  // A sibling of a known family: no suggestion from the spec's own names either.
  if (known.distance < 0) return undefined;
  best = known.best;
  bestDistance = known.distance;
  // The length test before the call: a spec defines hundreds of names, few of a near length.
  for (const c of local) if (Math.abs(c.length - name.length) <= max) consider(c);
  return best;
}

function enclosingIsGuarded(doc: SpecDocument, ref: MacroReference): boolean {
  if (ref.depth === 0) return false;
  // Nested inside a conditional `%{?x:…}`, `%{lua:…}` or `%{expand:…}`: expanded only sometimes, or by code.
  for (const r of doc.macroReferences) {
    if (r.start > ref.start) break;
    if (r.end >= ref.end && r !== ref && r.depth < ref.depth && (r.conditional || r.negated || r.name === 'lua' || r.name === 'expand' || r.form === 'shell' || r.form === 'expression')) return true;
  }
  return false;
}

/**
 * A macro used but defined nowhere: not in the catalog, not rpm's own, not defined in the spec.
 * Macros come from many places (distribution macro packages, BuildRequires'd macro files), so the
 * rule only reports a name used once, never guarded with `%{?…}` anywhere, that is one edit (two
 * for long names; a swap of neighbours counts as one) away from a macro the spec defines or from a
 * well-known path or build macro, and says which.
 */
export default defineSpecRule({
  id: 'undefined-macro',
  category: 'macros',
  defaultSeverity: 'warning',
  description: 'A macro is used that is defined nowhere and looks like a typo of a known macro',
  fixSafety: 'unsafe',
  messages: {
    undefinedWithSuggestion: 'Macro %{{name}} is not defined anywhere: did you mean %{{suggestion}}?',
  },
  check(ctx) {
    const { doc } = ctx;
    // Cheap tests first, over every reference: most name a known macro. Only the unknown names
    // are counted (counting every name took most of this rule's time), and that count is the
    // same: every other use of such a name is itself an unguarded plain or braced reference to
    // it (a guarded one rules the name out).
    const guardedNames = new Set<string>();
    const unknown: MacroReference[] = [];
    for (const r of doc.macroReferences) {
      if (r.conditional || r.negated) {
        guardedNames.add(r.name);
        continue;
      }
      if (r.form !== 'plain' && r.form !== 'braced') continue;
      const name = r.name;
      if (name.length < 4 || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || isKnownMacro(name)) continue;
      unknown.push(r);
    }
    if (unknown.length === 0) return;
    const uses = new Map<string, number>();
    for (const r of unknown) uses.set(r.name, (uses.get(r.name) ?? 0) + 1);
    let local: Set<string> | undefined;
    for (const ref of unknown) {
      const name = ref.name;
      if (guardedNames.has(name)) continue;
      // A typo is a one-off: a name used several times is a macro defined outside the spec
      // (a distribution's macro package), however close it is to a known one.
      if ((uses.get(name) ?? 0) > 1) continue;
      // `%patchN` is obsolete-patchn-syntax's.
      if (/^patch\d+$/.test(name)) continue;
      const line = doc.lines.lineOf(ref.start);
      if (!CHECKED_LINES.has(doc.lineKinds[line])) continue;
      const section = doc.sections[doc.lineSection[line]];
      if (section && section.kind === 'changelog') continue;
      // `%s`/`%d`-like printf formats are single letters and never reach here (names of 5+ characters only).
      local ??= specDefinedNames(doc);
      if (local.has(name) || ctx.profile.macros.some((m) => m.name === name)) continue;
      if (enclosingIsGuarded(doc, ref)) continue;
      const suggestion = suggestionFor(name, local);
      if (!suggestion) continue;
      ctx.report({
        start: ref.start,
        end: ref.end,
        messageId: 'undefinedWithSuggestion', data: { name, suggestion },
        fixes: [{ title: `Replace with %${ref.form === 'braced' ? `{${suggestion}}` : suggestion}`, edits: [{ start: ref.nameStart, end: ref.nameEnd, newText: suggestion }] }],
      });
    }
  },
});
