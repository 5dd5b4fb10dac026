// Folding for spec files: sections, %if arms, changelog entries, multi-line macro definitions
// and bodies (`%{lua:…}` blocks), runs of comment lines.
import type { SpecDocument } from '../specfile/ast';
import type { FoldingRange } from '../types';

export function specFoldingRanges(doc: SpecDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  const { lines, lineKinds } = doc;
  const add = (startLine: number, endLine: number, kind?: FoldingRange['kind']) => {
    while (endLine > startLine && lineKinds[endLine] === 'blank') endLine--;
    if (endLine > startLine) out.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const s of doc.sections) if (s.kind !== 'preamble') add(s.headerLine, s.endLine);
  for (const block of doc.conditionals) {
    for (let k = 0; k < block.branches.length; k++) {
      const branch = block.branches[k];
      const startLine = lines.lineOf(branch.directive.start);
      const next = block.branches[k + 1];
      const endLine = next ? lines.lineOf(next.directive.start) - 1 : block.endif ? lines.lineOf(block.endif.start) - 1 : block.endLine;
      add(startLine, endLine, 'region');
    }
  }
  for (const e of doc.changelog) add(e.line, lines.lineOf(Math.max(e.end, e.header.end)));
  for (const d of doc.macroDefinitions) add(d.line, d.endLine);
  for (const r of doc.macroReferences) {
    if (r.depth !== 0 || r.form === 'plain' || r.form === 'escape' || r.form === 'positional') continue;
    const startLine = lines.lineOf(r.start);
    if (lineKinds[startLine] === 'definition') continue; // folded with its definition
    add(startLine, lines.lineOf(r.end));
  }
  let runStart = -1;
  for (let l = 0; l <= lineKinds.length; l++) {
    if (l < lineKinds.length && lineKinds[l] === 'comment') {
      if (runStart < 0) runStart = l;
    } else {
      if (runStart >= 0 && l - 1 > runStart) add(runStart, l - 1, 'comment');
      runStart = -1;
    }
  }
  out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return out;
}
