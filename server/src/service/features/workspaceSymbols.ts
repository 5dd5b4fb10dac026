// Workspace symbols of one spec: its packages (main and subpackages, named as rpm names them on
// the Fedora profile) and its global macros (%global, %define at the top level, %bcond). The
// server collects them over every spec of the workspace and filters by the query.
import type { SpecDocument } from '../specfile/ast';
import { querySpec } from '../specfile/rpmQuery';
import { SymbolKind, type Range, type SymbolKindValue } from '../types';

export interface SpecWorkspaceSymbol {
  name: string;
  kind: SymbolKindValue;
  range: Range;
  /** The spec's main package name (shown beside the symbol). */
  containerName?: string;
}

export function specWorkspaceSymbols(doc: SpecDocument): SpecWorkspaceSymbol[] {
  const out: SpecWorkspaceSymbol[] = [];
  const q = querySpec(doc, 'fedora');
  const main = q.name ?? doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0)?.value ?? '';
  const nameTag = doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0);
  if (nameTag && main) out.push({ name: main, kind: SymbolKind.Package, range: doc.lines.range(nameTag.start, nameTag.end) });
  // Subpackages in file order; querySpec names the live ones, the parse names the rest as written.
  const live = new Set(q.packages.map((p) => p.name));
  for (const p of doc.packages) {
    if (p.main || !p.section) continue;
    const declared = p.explicitName ? p.declaredName ?? p.name : `${main}-${p.declaredName ?? ''}`;
    const name = live.has(declared) || !/%/.test(p.name) ? declared : p.name;
    out.push({ name, kind: SymbolKind.Package, range: doc.lines.range(p.section.header.start, p.section.header.end), containerName: main });
  }
  for (const d of doc.macroDefinitions) {
    if (d.keyword === 'undefine') continue;
    if (d.keyword === 'define' && doc.lineSection[d.line] > 0 && doc.sections[doc.lineSection[d.line]].kind !== 'package') continue;
    out.push({ name: `%${d.name}`, kind: d.parameters !== undefined ? SymbolKind.Function : SymbolKind.Constant, range: doc.lines.range(d.start, d.end), containerName: main });
  }
  for (const b of doc.buildConditionals) out.push({ name: `%{with ${b.name}}`, kind: SymbolKind.Boolean, range: doc.lines.range(b.start, b.end), containerName: main });
  return out;
}

/** VS Code-like matching: the query's characters in order, case-insensitive. */
export function matchesSymbolQuery(name: string, query: string): boolean {
  if (!query) return true;
  const n = name.toLowerCase();
  let i = 0;
  for (const c of query.toLowerCase()) {
    i = n.indexOf(c, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}
