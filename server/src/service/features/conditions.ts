// The `%if` arms that are false on a profile, for greying them out. The truth of each arm comes
// from the one definition model (specfile/macroScope.ts): only arms known to be false are
// returned; unknown ones (shell, Lua, macros the catalog does not know, %ifarch) never are.
import type { ProfileLike } from '../catalog/profile';
import type { SpecDocument } from '../specfile/ast';
import { scopeOf } from '../specfile/macroScope';
import type { Range } from '../types';

export interface InactiveRange {
  range: Range;
  /** The directive that makes the arm inactive (`%if 0%{?suse_version}`, `%else`). */
  directive: string;
  line: number;
}

/** The `%if` arms that are false on the profile (nested blocks inside them are not repeated). */
export function inactiveRanges(doc: SpecDocument, distro: ProfileLike): InactiveRange[] {
  const scope = scopeOf(doc, distro);
  const out: InactiveRange[] = [];
  for (const block of doc.conditionals) {
    if (block.parent && scope.arm(block.parent.block, block.parent.branch).truth === 'false') continue;
    block.branches.forEach((br, k) => {
      if (scope.arm(block.id, k).truth !== 'false') return;
      if (br.bodyEndLine < br.bodyStartLine) return;
      const start = doc.lines.lineStarts[br.bodyStartLine];
      const end = doc.lines.lineEnd(br.bodyEndLine);
      out.push({ range: doc.lines.range(start, end), directive: doc.text.slice(br.directive.start, br.directive.end).trim(), line: doc.lines.lineOf(br.directive.start) });
    });
  }
  return out;
}
