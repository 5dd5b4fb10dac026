// Document symbols and folding ranges for dkms.conf.
import { dkmsFamilyOf } from '../catalog/dkmsDirectives';
import type { DkmsAssignment, DkmsDocument } from '../dkms/ast';
import { SymbolKind, type DocumentSymbol, type FoldingRange } from '../types';

const MAX_DETAIL = 80;

function detailOf(a: DkmsAssignment): string {
  const text = a.isArray ? `(${a.values.map((v) => v.text).join(' ')})` : (a.values[0]?.text ?? '');
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_DETAIL ? `${oneLine.slice(0, MAX_DETAIL - 1)}…` : oneLine;
}

function symbolOf(doc: DkmsDocument, a: DkmsAssignment): DocumentSymbol {
  const name = a.indexText !== undefined ? `${a.name}[${a.indexText}]` : a.name;
  return {
    name,
    detail: detailOf(a),
    kind: a.isArray ? SymbolKind.Array : /^[A-Z][A-Z0-9_]*$/.test(a.name) ? SymbolKind.Property : SymbolKind.Variable,
    range: doc.lines.range(a.start, a.end),
    selectionRange: doc.lines.range(a.nameSpan.start, a.indexSpan ? a.indexSpan.end + 1 : a.nameSpan.end),
  };
}

/**
 * One symbol per assignment. Numbered module records (BUILT_MODULE_NAME[i], DEST_MODULE_LOCATION[i]…)
 * are grouped under a "module i" symbol named after the module; functions get their own symbol.
 */
export function dkmsDocumentSymbols(doc: DkmsDocument): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const records = new Map<number, DocumentSymbol>();
  const recordNames = new Map<number, string>();
  for (const a of doc.assignments) {
    if (dkmsFamilyOf(a.name) === 'module' && a.index !== undefined && a.name === 'BUILT_MODULE_NAME' && a.values[0] && !recordNames.has(a.index)) {
      recordNames.set(a.index, a.values[0].text);
    }
  }
  for (const a of doc.assignments) {
    const sym = symbolOf(doc, a);
    if (dkmsFamilyOf(a.name) === 'module' && a.index !== undefined) {
      let group = records.get(a.index);
      if (!group) {
        const label = recordNames.get(a.index);
        group = { name: `module ${a.index}`, detail: label ?? '', kind: SymbolKind.Module, range: sym.range, selectionRange: sym.selectionRange, children: [] };
        records.set(a.index, group);
        out.push(group);
      }
      group.children!.push(sym);
      // the group spans all its members
      const end = sym.range.end;
      if (end.line > group.range.end.line || (end.line === group.range.end.line && end.character > group.range.end.character)) group.range = { start: group.range.start, end };
      continue;
    }
    out.push(sym);
  }
  for (const b of doc.blocks) {
    if (b.kind !== 'function' || !b.name) continue;
    const range = doc.lines.range(b.start, b.end);
    out.push({ name: `${b.name}()`, kind: SymbolKind.Function, range, selectionRange: range });
  }
  const pos = (s: DocumentSymbol) => s.range.start.line * 1e6 + s.range.start.character;
  return out.sort((x, y) => pos(x) - pos(y));
}

/** Folding: multi-line assignments (arrays), runs of comment lines, and shell blocks (if…fi, loops, functions). */
export function dkmsFoldingRanges(doc: DkmsDocument): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const a of doc.assignments) if (a.endLine > a.line) out.push({ startLine: a.line, endLine: a.endLine });
  for (const b of doc.blocks) if (b.endLine > b.line) out.push({ startLine: b.line, endLine: b.endLine });
  // consecutive whole-line comments
  let runStart = -1;
  let runEnd = -1;
  const flush = () => {
    if (runStart >= 0 && runEnd > runStart) out.push({ startLine: runStart, endLine: runEnd, kind: 'comment' });
    runStart = runEnd = -1;
  };
  for (const c of doc.comments) {
    const wholeLine = doc.text.slice(doc.lines.lineStarts[c.line], c.start).trim() === '';
    if (!wholeLine) continue;
    if (runStart >= 0 && c.line === runEnd + 1) runEnd = c.line;
    else {
      flush();
      runStart = runEnd = c.line;
    }
  }
  flush();
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}
