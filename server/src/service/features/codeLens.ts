// Code lenses above each %if/%elif/%else arm and each build conditional: on which distribution
// profiles the arm is live (rpm reads it), dead, or cannot be told statically. The truth of each
// arm comes from the one definition model (specfile/macroScope.ts), profile by profile.
import type { SpecDocument } from '../specfile/ast';
import { scopeOf } from '../specfile/macroScope';
import { DISTRO_IDS, type DistroId, type Range } from '../types';

export interface SpecCodeLens {
  range: Range;
  title: string;
  /** Per profile: 'live' | 'dead' | 'unknown' (for tests and other clients). */
  profiles: Record<DistroId, 'live' | 'dead' | 'unknown'>;
}

export const PROFILE_LABELS: Record<DistroId, string> = { fedora: 'Fedora', rhel: 'RHEL', opensuse: 'openSUSE', mageia: 'Mageia', generic: 'generic rpm' };

function title(states: Record<DistroId, 'live' | 'dead' | 'unknown'>, words: { live: string; dead: string; unknown: string }): string {
  const group = (s: string) => DISTRO_IDS.filter((d) => states[d] === s).map((d) => PROFILE_LABELS[d]);
  const parts: string[] = [];
  const live = group('live');
  const dead = group('dead');
  const unknown = group('unknown');
  if (live.length === DISTRO_IDS.length) return `${words.live} on every profile`;
  if (dead.length === DISTRO_IDS.length) return `${words.dead} on every profile`;
  if (unknown.length === DISTRO_IDS.length) return `${words.unknown} on every profile (not decidable statically)`;
  if (live.length) parts.push(`${words.live}: ${live.join(', ')}`);
  if (dead.length) parts.push(`${words.dead}: ${dead.join(', ')}`);
  if (unknown.length) parts.push(`${words.unknown}: ${unknown.join(', ')}`);
  return parts.join(' · ');
}

export function specCodeLenses(doc: SpecDocument): SpecCodeLens[] {
  const scopes = DISTRO_IDS.map((d) => [d, scopeOf(doc, d)] as const);
  const out: SpecCodeLens[] = [];
  for (const block of doc.conditionals) {
    // The %if line sits outside its block: its path is the arms around the whole block.
    const outerPath = doc.lineConditional[doc.lines.lineOf(block.branches[0].directive.start)];
    block.branches.forEach((br, k) => {
      if (br.keyword === 'endif') return;
      const profiles = {} as Record<DistroId, 'live' | 'dead' | 'unknown'>;
      for (const [d, scope] of scopes) {
        // The arm and every arm around it.
        const outer = block.parent ? scope.arm(block.parent.block, block.parent.branch) : undefined;
        const around = scope.condition(outerPath);
        const arm = scope.arm(block.id, k);
        if (around.dead || arm.truth === 'false' || outer?.truth === 'false') profiles[d] = 'dead';
        else if (arm.truth === 'true' && !around.uncertain) profiles[d] = 'live';
        else profiles[d] = 'unknown';
      }
      out.push({ range: doc.lines.range(br.directive.start, br.directive.end), title: title(profiles, { live: 'live', dead: 'dead', unknown: 'unknown' }), profiles });
    });
  }
  for (const b of doc.buildConditionals) {
    const profiles = {} as Record<DistroId, 'live' | 'dead' | 'unknown'>;
    for (const [d, scope] of scopes) {
      const where = scope.lineCondition(b.line);
      const v = scope.finalValue(`with_${b.name}`);
      if (where.dead) profiles[d] = 'dead';
      else if (v.uncertain || where.uncertain) profiles[d] = 'unknown';
      else profiles[d] = v.entry ? 'live' : 'dead';
    }
    out.push({ range: doc.lines.range(b.start, b.end), title: `%{with ${b.name}} ${title(profiles, { live: 'on', dead: 'off', unknown: 'unknown' })}`, profiles });
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line);
  return out;
}
