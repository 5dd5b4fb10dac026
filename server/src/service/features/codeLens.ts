// Code lenses above each %if/%elif/%else arm and each build conditional: on which distribution
// profiles the arm is live (rpm reads it), dead, or cannot be told statically: per family, or per
// release when the releases of a family disagree (`%if 0%{?rhel} >= 9`: live on EL 10, EL 9; dead on EL 8). The truth of each
// arm comes from the one definition model (specfile/macroScope.ts), profile by profile.
import type { SpecDocument } from '../specfile/ast';
import { scopeOf } from '../specfile/macroScope';
import { DISTRO_IDS, type DistroId, type Range } from '../types';
import { NEWEST, RELEASES, type Release } from '../catalog/releases';
import { DISTRO_LABEL } from './markdown';

export type LensState = 'live' | 'dead' | 'unknown';

export interface SpecCodeLens {
  range: Range;
  title: string;
  /** Per family, read on its newest release: 'live' | 'dead' | 'unknown' (for tests and other clients). */
  profiles: Record<DistroId, LensState>;
  /** Per release id (`fedora-44`, `rhel-8`…). */
  releases: Record<string, LensState>;
}

/** Releases the lenses read: the maintained ones. */
const LENS_RELEASES: readonly Release[] = RELEASES.filter((r) => r.maintained);

/** Names for one state: a family whose releases all agree is named once, else its releases are. */
function namesIn(states: Record<string, LensState>, state: LensState): string[] {
  const out: string[] = [];
  for (const family of DISTRO_IDS) {
    const rs = LENS_RELEASES.filter((r) => r.family === family);
    const hits = rs.filter((r) => states[r.id] === state);
    if (hits.length === 0) continue;
    if (hits.length === rs.length) out.push(DISTRO_LABEL[family]);
    else out.push(...hits.map((r) => r.short));
  }
  return out;
}

function title(states: Record<string, LensState>, words: { live: string; dead: string; unknown: string }): string {
  const all = (s: LensState) => LENS_RELEASES.every((r) => states[r.id] === s);
  if (all('live')) return `${words.live} on every profile`;
  if (all('dead')) return `${words.dead} on every profile`;
  if (all('unknown')) return `${words.unknown} on every profile (not decidable statically)`;
  const parts: string[] = [];
  const live = namesIn(states, 'live');
  const dead = namesIn(states, 'dead');
  const unknown = namesIn(states, 'unknown');
  if (live.length) parts.push(`${words.live}: ${live.join(', ')}`);
  if (dead.length) parts.push(`${words.dead}: ${dead.join(', ')}`);
  if (unknown.length) parts.push(`${words.unknown}: ${unknown.join(', ')}`);
  return parts.join(' · ');
}

/** The per-family view: each family's newest release. */
function familyStates(states: Record<string, LensState>): Record<DistroId, LensState> {
  const out = {} as Record<DistroId, LensState>;
  for (const d of DISTRO_IDS) out[d] = states[NEWEST[d].id];
  return out;
}

export function specCodeLenses(doc: SpecDocument): SpecCodeLens[] {
  const scopes = LENS_RELEASES.map((r) => [r.id, scopeOf(doc, r)] as const);
  const out: SpecCodeLens[] = [];
  for (const block of doc.conditionals) {
    // The %if line sits outside its block: its path is the arms around the whole block.
    const outerPath = doc.lineConditional[doc.lines.lineOf(block.branches[0].directive.start)];
    block.branches.forEach((br, k) => {
      if (br.keyword === 'endif') return;
      const releases: Record<string, LensState> = {};
      for (const [d, scope] of scopes) {
        // The arm and every arm around it.
        const outer = block.parent ? scope.arm(block.parent.block, block.parent.branch) : undefined;
        const around = scope.condition(outerPath);
        const arm = scope.arm(block.id, k);
        if (around.dead || arm.truth === 'false' || outer?.truth === 'false') releases[d] = 'dead';
        else if (arm.truth === 'true' && !around.uncertain) releases[d] = 'live';
        else releases[d] = 'unknown';
      }
      out.push({ range: doc.lines.range(br.directive.start, br.directive.end), title: title(releases, { live: 'live', dead: 'dead', unknown: 'unknown' }), profiles: familyStates(releases), releases });
    });
  }
  for (const b of doc.buildConditionals) {
    const releases: Record<string, LensState> = {};
    for (const [d, scope] of scopes) {
      const where = scope.lineCondition(b.line);
      const v = scope.finalValue(`with_${b.name}`);
      if (where.dead) releases[d] = 'dead';
      else if (v.uncertain || where.uncertain) releases[d] = 'unknown';
      else releases[d] = v.entry ? 'live' : 'dead';
    }
    out.push({ range: doc.lines.range(b.start, b.end), title: `%{with ${b.name}} ${title(releases, { live: 'on', dead: 'off', unknown: 'unknown' })}`, profiles: familyStates(releases), releases });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
}
