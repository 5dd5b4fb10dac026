import { siblingProvides } from '../../specfile/virtualCapabilities';
import { isRegeneratedSpec } from '../../specfile/generator';
import { normalizeMacroText } from '../../specfile/dkmsScriptlets';
import type { SpecDocument } from '../../specfile/ast';
import { normalizePackageName } from '../../specfile/parser';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'unversioned-same-spec-requires',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'A package requires a capability another package of the same spec provides with a version, but without a version',
  fixSafety: 'unsafe',
  messages: {
    unversioned: '{{name}} is provided by another package of this spec (= {{versions}}) but required without a version: any other provider, or an older or newer build of this one, satisfies it and the packages can get out of step. Require {{name}} = {{version}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    // texlive-base, written by the TeX Live catalogue generator, requires its siblings unversioned
    // throughout (one build of one source); a hand edit is lost at the next regeneration.
    if (isRegeneratedSpec(doc)) return;
    const siblings = siblingProvides(doc);
    const pinned = exactPins(doc);
    for (const t of doc.tags) {
      if (t.key !== 'requires' || !t.dependencies) continue;
      for (const d of t.dependencies) {
        if (d.rich || d.operator) continue;
        const provided = siblings.get(normalizeMacroText(d.name))?.filter((p) => p.packageIndex !== t.packageIndex);
        if (!provided || provided.length === 0) continue;
        // Already tied: the requiring package pins the provider's exact build, or every provider pins
        // the requiring package's (perl-Archive-Extract's backends, lorax-templates-generic): the
        // unversioned name is then an alternative on purpose, and the packages cannot drift apart.
        if (provided.every((p) => pinsTo(pinned, t.packageIndex, p.packageIndex) || pinsTo(pinned, p.packageIndex, t.packageIndex))) continue;
        const versions = [...new Set(provided.map((p) => p.version))];
        // Several packages of the spec provide it at different versions: alternatives (clamav's
        // `data(clamav) = full` and `= empty`), and the unversioned name accepts either on purpose.
        if (versions.length > 1) continue;
        const v = versions[0];
        ctx.report({
          start: d.nameSpan.start,
          end: d.nameSpan.end,
          messageId: 'unversioned', data: { name: d.name, versions: v, version: v },
          fixes: [{ title: `Require ${d.name} = ${v}`, safety: 'unsafe', edits: [{ start: d.nameSpan.end, end: d.nameSpan.end, newText: ` = ${v}` }] }],
        });
      }
    }
  },
});

/**
 * Package a pins package b's exact build, directly or through other packages of the spec (ruby-devel
 * pins ruby, which pins ruby-libs: ruby-devel's unversioned `ruby(release)` from ruby-libs cannot
 * drift either). Searched only on demand.
 */
function pinsTo(pinned: ReadonlyMap<number, ReadonlySet<number>>, a: number, b: number): boolean {
  const seen = new Set([a]);
  const todo = [a];
  while (todo.length > 0) {
    const direct = pinned.get(todo.pop()!);
    if (!direct) continue;
    if (direct.has(b)) return true;
    for (const to of direct) {
      if (!seen.has(to)) {
        seen.add(to);
        todo.push(to);
      }
    }
  }
  return false;
}

/** For each package of the spec, the other packages of the spec it requires with `=` (their exact build). */
function exactPins(doc: SpecDocument): Map<number, Set<number>> {
  const mainName = doc.packages[0]?.name ?? '';
  const byName = new Map<string, number>();
  doc.packages.forEach((p, k) => byName.set(normalizePackageName(p.name, mainName), k));
  const out = new Map<number, Set<number>>();
  for (const t of doc.tags) {
    if (t.key !== 'requires' || !t.dependencies) continue;
    for (const d of t.dependencies) {
      if (d.operator !== '=') continue;
      // `%{name}-libs%{?_isa}`: the architecture marker does not change which package it is.
      const k = byName.get(normalizePackageName(d.name.replace(/%\{\??_isa\}$/, ''), mainName));
      if (k === undefined || k === t.packageIndex) continue;
      let direct = out.get(t.packageIndex);
      if (!direct) out.set(t.packageIndex, (direct = new Set()));
      direct.add(k);
    }
  }
  return out;
}
