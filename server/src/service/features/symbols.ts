// Document outline for spec files: packages with their tags, sections, macro definitions,
// changelog entries.
import type { ProfileLike } from '../catalog/profile';
import type { Section, SpecDocument, Tag } from '../specfile/ast';
import { scopeOf } from '../specfile/macroScope';
import { sectionPackageName } from '../specfile/rpmQuery';
import type { DocumentSymbol, SymbolKindValue } from '../types';
import { SymbolKind } from '../types';

function sectionKind(s: Section): SymbolKindValue {
  switch (s.kind) {
    case 'preamble':
    case 'package':
      return SymbolKind.Package;
    case 'description':
      return SymbolKind.String;
    case 'files':
      return SymbolKind.Array;
    case 'changelog':
      return SymbolKind.Namespace;
    case 'scriptlet':
    case 'trigger':
    case 'filetrigger':
      return SymbolKind.Event;
    default:
      return SymbolKind.Function;
  }
}

function lastContentLine(doc: SpecDocument, from: number, to: number): number {
  let l = to;
  while (l > from && doc.lineKinds[l] === 'blank') l--;
  return l;
}

/** The outline; package names are shown as rpm reads them on the profile (`%{name}-devel` → `foo-devel`). */
export function specDocumentSymbols(doc: SpecDocument, distro: ProfileLike = 'generic'): DocumentSymbol[] {
  const { lines } = doc;
  const scope = scopeOf(doc, distro);
  const out: DocumentSymbol[] = [];
  const tagsBySection = new Map<number, Tag[]>();
  for (const t of doc.tags) {
    const idx = doc.lineSection[t.line];
    let list = tagsBySection.get(idx);
    if (!list) tagsBySection.set(idx, (list = []));
    list.push(t);
  }
  doc.sections.forEach((s, index) => {
    const children: DocumentSymbol[] = [];
    for (const t of tagsBySection.get(index) ?? []) {
      children.push({
        name: t.qualifier ? `${t.name}(${t.qualifier})` : t.name,
        detail: t.value,
        kind: SymbolKind.Property,
        range: lines.range(t.start, t.end),
        selectionRange: lines.range(t.nameSpan.start, t.nameSpan.end),
      });
    }
    for (const d of doc.macroDefinitions) {
      if (doc.lineSection[d.line] !== index || d.keyword === 'undefine') continue;
      children.push({
        name: `%${d.name}`,
        detail: d.body.length > 60 ? `${d.body.slice(0, 57)}…` : d.body,
        kind: d.parameters !== undefined ? SymbolKind.Function : SymbolKind.Constant,
        range: lines.range(d.start, d.end),
        selectionRange: lines.range(d.nameSpan.start, d.nameSpan.end),
      });
    }
    if (s.kind === 'changelog') {
      for (const e of doc.changelog) {
        children.push({
          name: e.dateText ? `${e.dateText}${e.evr ? ` ${e.evr}` : ''}` : doc.text.slice(e.header.start, e.header.end).slice(0, 60),
          ...(e.author ? { detail: e.author } : {}),
          kind: SymbolKind.Event,
          range: lines.range(e.start, Math.max(e.end, e.header.end)),
          selectionRange: lines.range(e.header.start, e.header.end),
        });
      }
    }
    children.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    if (s.kind === 'preamble') {
      if (children.length === 0) return;
      const endLine = lastContentLine(doc, 0, s.endLine);
      const nameTag = doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0);
      const name = (nameTag ? scope.expand(nameTag.value, nameTag.start).text.trim() : '') || doc.packages[0].name || 'Preamble';
      out.push({
        name, detail: 'main package', kind: SymbolKind.Package,
        range: { start: { line: 0, character: 0 }, end: lines.positionAt(lines.lineEnd(endLine)) },
        selectionRange: children[0].selectionRange, children,
      });
      return;
    }
    const endLine = lastContentLine(doc, s.headerLine, s.endLine);
    const name = `%${s.name}${s.args ? ` ${s.args}` : ''}`;
    const packageName = s.kind === 'package' && s.args.includes('%') ? sectionPackageName(scope, s, doc).name : undefined;
    out.push({
      name: name.length > 80 ? `${name.slice(0, 77)}…` : name,
      ...(packageName ? { detail: packageName } : {}),
      kind: sectionKind(s),
      range: { start: lines.positionAt(s.header.start), end: lines.positionAt(lines.lineEnd(endLine)) },
      selectionRange: lines.range(s.keywordSpan.start, s.keywordSpan.end),
      ...(children.length > 0 ? { children } : {}),
    });
  });
  return out;
}
