// Semantic tokens for specs and dkms.conf, full document, LSP relative encoding. Tokens never
// overlap and never span lines (multi-line ones are split). One pass over the parse result.
import { lookupArchMacro, lookupMacro, lookupTag, type MacroInfo } from '../catalog/index';
import { getDkmsDirective, getDkmsVariable } from '../catalog/dkmsDirectives';
import type { DkmsDocument } from '../dkms/ast';
import type { SpecDocument } from '../specfile/ast';
import type { LineIndex } from '../text/lineIndex';
import type { SemanticTokens, SemanticTokensLegend } from '../types';
import { sectionPackageSpan } from './specTargets';
import { definitionTable } from '../specfile/macroScope';

export const TOKEN_TYPES = ['macro', 'property', 'keyword', 'namespace', 'variable', 'parameter', 'function'] as const;
export const TOKEN_MODIFIERS = ['declaration', 'defaultLibrary', 'deprecated', 'local', 'unresolved', 'readonly'] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];
export type TokenModifier = (typeof TOKEN_MODIFIERS)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const MOD_BIT = new Map<string, number>(TOKEN_MODIFIERS.map((m, i) => [m, 1 << i]));

/** Collects tokens as offsets; encode() sorts, drops overlaps, splits at line breaks. */
class TokenBuilder {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly types: number[] = [];
  private readonly mods: number[] = [];

  push(start: number, end: number, type: TokenType, ...modifiers: TokenModifier[]): void {
    if (end <= start) return;
    let m = 0;
    for (const x of modifiers) m |= MOD_BIT.get(x)!;
    this.starts.push(start);
    this.ends.push(end);
    this.types.push(TYPE_INDEX.get(type)!);
    this.mods.push(m);
  }

  encode(lines: LineIndex): SemanticTokens {
    const n = this.starts.length;
    const order = Array.from({ length: n }, (_, i) => i);
    let sorted = true;
    for (let i = 1; i < n; i++) if (this.starts[i] < this.starts[i - 1]) { sorted = false; break; }
    if (!sorted) order.sort((a, b) => this.starts[a] - this.starts[b] || this.ends[b] - this.ends[a]);
    const data: number[] = [];
    const lineStarts = lines.lineStarts;
    let line = 0;
    let prevLine = 0;
    let prevChar = 0;
    let lastEnd = -1;
    for (const k of order) {
      let start = this.starts[k];
      const end = this.ends[k];
      if (start < lastEnd) continue; // overlaps the previous token
      lastEnd = end;
      while (start < end) {
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= start) line++;
        const lineEnd = lines.lineEnd(line);
        const pieceEnd = Math.min(end, lineEnd);
        if (pieceEnd > start) {
          const ch = start - lineStarts[line];
          data.push(line - prevLine, line === prevLine ? ch - prevChar : ch, pieceEnd - start, this.types[k], this.mods[k]);
          prevLine = line;
          prevChar = ch;
        }
        if (line + 1 >= lineStarts.length) break;
        start = Math.max(pieceEnd, lineStarts[line + 1]);
      }
    }
    return { data };
  }
}

export function specSemanticTokens(doc: SpecDocument): SemanticTokens {
  const b = new TokenBuilder();
  const { text } = doc;
  const fileDefined = new Set<string>();
  for (const name of definitionTable(doc).names()) fileDefined.add(name);
  const bconds = new Set(doc.buildConditionals.map((x) => x.name));
  const catalog = new Map<string, MacroInfo | null>();
  const info = (name: string): MacroInfo | null => {
    let hit = catalog.get(name);
    if (hit === undefined) catalog.set(name, (hit = lookupMacro(name) ?? null));
    return hit;
  };

  for (const d of doc.macroDefinitions) {
    b.push(d.start, d.start + 1 + d.keyword.length, 'keyword');
    b.push(d.nameSpan.start, d.nameSpan.end, 'macro', 'declaration', 'local');
  }
  for (const c of doc.buildConditionals) {
    b.push(c.start, c.start + 1 + c.keyword.length, 'keyword');
    b.push(c.nameSpan.start, c.nameSpan.end, 'variable', 'declaration', 'local');
  }
  for (const r of doc.macroReferences) {
    if (r.form === 'positional') {
      b.push(r.start, r.end, 'parameter');
      continue;
    }
    if ((r.form !== 'plain' && r.form !== 'braced') || r.name === '') continue;
    const name = r.name;
    if (fileDefined.has(name)) {
      b.push(r.start, r.nameEnd, 'macro', 'local');
      continue;
    }
    const w = /^with(?:out)?_(\w+)$/.exec(name);
    if (w && bconds.has(w[1])) {
      b.push(r.start, r.nameEnd, 'macro', 'local');
      continue;
    }
    const m = info(name);
    if (m) {
      const mods: TokenModifier[] = ['defaultLibrary'];
      if (m.deprecated) mods.push('deprecated');
      b.push(r.start, r.nameEnd, m.kind === 'function' ? 'function' : 'macro', ...mods);
      if ((name === 'with' || name === 'without') && r.argument) {
        let s = r.argument.start;
        let e = r.argument.end;
        while (s < e && /\s/.test(text[s])) s++;
        while (e > s && /\s/.test(text[e - 1])) e--;
        if (/^\w+$/.test(text.slice(s, e))) b.push(s, e, 'variable', ...(bconds.has(text.slice(s, e)) ? (['local'] as TokenModifier[]) : (['unresolved'] as TokenModifier[])));
      }
      continue;
    }
    if (lookupArchMacro(name)) {
      b.push(r.start, r.nameEnd, 'macro', 'defaultLibrary');
      continue;
    }
    b.push(r.start, r.nameEnd, 'macro', 'unresolved');
  }
  for (const t of doc.tags) {
    const ti = lookupTag(t.name);
    b.push(t.nameSpan.start, t.nameSpan.end, 'property', ...(ti && ti.status !== 'current' ? (['deprecated'] as TokenModifier[]) : []));
  }
  for (const s of doc.sections) {
    if (s.kind === 'preamble') continue;
    b.push(s.keywordSpan.start, s.keywordSpan.end, 'keyword');
    const ps = sectionPackageSpan(s);
    if (ps && s.kind !== 'changelog') b.push(ps.start, ps.end, 'namespace', ...(s.kind === 'package' ? (['declaration'] as TokenModifier[]) : []));
  }
  for (const c of doc.conditionals) {
    for (const br of c.branches) b.push(br.keywordSpan.start, br.keywordSpan.end, 'keyword');
    if (c.endif) {
      const k = text.indexOf('%endif', c.endif.start);
      if (k >= 0 && k < c.endif.end) b.push(k, k + 6, 'keyword');
    }
  }
  return b.encode(doc.lines);
}

export function dkmsSemanticTokens(doc: DkmsDocument): SemanticTokens {
  const b = new TokenBuilder();
  const assigned = new Set(doc.assignments.map((a) => a.name));
  for (const a of doc.assignments) {
    const d = getDkmsDirective(a.name);
    if (d) b.push(a.nameSpan.start, a.nameSpan.end, 'property', ...(d.deprecated ? (['deprecated'] as TokenModifier[]) : []));
    else b.push(a.nameSpan.start, a.nameSpan.end, 'variable', 'declaration');
    for (const v of a.values) {
      for (const ref of v.variables) {
        const known = getDkmsVariable(ref.name);
        const mods: TokenModifier[] = known ? (known.origin === 'directive' || assigned.has(ref.name) ? [] : ['defaultLibrary', 'readonly']) : assigned.has(ref.name) ? [] : ['unresolved'];
        b.push(ref.start, ref.end, 'variable', ...mods);
      }
    }
  }
  return b.encode(doc.lines);
}
