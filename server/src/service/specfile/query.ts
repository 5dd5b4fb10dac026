// Read-only queries over a parsed spec that many rules and features need. Keep rule code
// free of re-scanning: everything here works from the parse result.
import type { MacroReference, Section, SectionKind, SpecDocument, Tag } from './ast';
import { cachedPerParse } from '../perParse';

export function sectionsOfKind(doc: SpecDocument, ...kinds: SectionKind[]): Section[] {
  return doc.sections.filter((s) => kinds.includes(s.kind));
}

export function sectionsNamed(doc: SpecDocument, ...names: string[]): Section[] {
  return doc.sections.filter((s) => names.includes(s.name));
}

export function tagsWithKey(doc: SpecDocument, key: string, packageIndex?: number): Tag[] {
  return doc.tags.filter((t) => t.key === key && (packageIndex === undefined || t.packageIndex === packageIndex));
}

export function firstTag(doc: SpecDocument, key: string, packageIndex = 0): Tag | undefined {
  return doc.tags.find((t) => t.key === key && t.packageIndex === packageIndex);
}

/** BuildArch (and BuildArchitectures) tags by package index, grouped once per parse. */
export const buildArchTags = cachedPerParse((doc: SpecDocument): Map<number, Tag[]> => {
  const byPackage = new Map<number, Tag[]>();
  for (const t of doc.tags) {
    if (t.key !== 'buildarch' && t.key !== 'buildarchitectures') continue;
    const list = byPackage.get(t.packageIndex);
    if (list) list.push(t);
    else byPackage.set(t.packageIndex, [t]);
  }
  return byPackage;
});

/** The package is `BuildArch: noarch` (its own tag, or the main package's for subpackages without one). */
export function isNoarch(doc: SpecDocument, packageIndex = 0): boolean {
  const tags = buildArchTags(doc);
  const own = tags.get(packageIndex) ?? (packageIndex !== 0 ? tags.get(0) : undefined);
  return own !== undefined && own.some((t) => /^noarch$/i.test(t.value));
}

/** One logical line of a section body: physical lines joined at a trailing backslash. */
export interface LogicalLine {
  /** Joined text (the backslash-newline pairs are kept as written, so offsets map 1:1 inside one physical line). */
  text: string;
  /** Offset of text[0] in the document. */
  start: number;
  end: number;
  line: number;
  endLine: number;
  /** Maps an index into `text` to a document offset. */
  offsetAt(index: number): number;
}

/**
 * Body lines of a section that are content (not comments, conditionals or definitions), joined at
 * `\` continuations. Comment lines are skipped; `#` comments at the end of a shell line are kept.
 * Cached per parse: do not mutate the result.
 */
export function logicalLines(doc: SpecDocument, section: Section): LogicalLine[] {
  return logicalLinesOf(section, doc);
}

// Many rules walk the same sections: computed once per parse (sections are per-parse objects).
const logicalLinesOf = cachedPerParse((section: Section, doc: SpecDocument) => computeLogicalLines(doc, section));

function computeLogicalLines(doc: SpecDocument, section: Section): LogicalLine[] {
  const out: LogicalLine[] = [];
  const { lines, lineKinds } = doc;
  let l = section.kind === 'preamble' ? 0 : section.headerLine + 1;
  const last = section.endLine;
  while (l <= last) {
    const kind = lineKinds[l];
    if (kind !== 'body' && kind !== 'macro-line' && kind !== 'tag' && kind !== 'unknown' && kind !== 'changelog-header') {
      l++;
      continue;
    }
    const startLine = l;
    const pieces: { text: string; start: number }[] = [];
    for (;;) {
      const s = lines.lineStarts[l];
      const e = lines.lineEnd(l);
      const t = doc.text.slice(s, e);
      pieces.push({ text: t, start: s });
      if (t.endsWith('\\') && l + 1 <= last) {
        l++;
        continue;
      }
      break;
    }
    const endLine = l;
    l++;
    let joined = '';
    const starts: number[] = [];
    for (const p of pieces) {
      starts.push(joined.length);
      joined += p.text + (p === pieces[pieces.length - 1] ? '' : '\n');
    }
    const first = pieces[0];
    const lastPiece = pieces[pieces.length - 1];
    out.push({
      text: joined, start: first.start, end: lastPiece.start + lastPiece.text.length, line: startLine, endLine,
      offsetAt(index: number): number {
        let k = starts.length - 1;
        while (k > 0 && starts[k] > index) k--;
        return pieces[k].start + Math.min(index - starts[k], pieces[k].text.length);
      },
    });
  }
  return out;
}

/** First index in the sorted reference list whose start is >= offset. */
function lowerBound(refs: MacroReference[], offset: number): number {
  let lo = 0;
  let hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (refs[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Macro references starting inside [start, end). */
export function refsInRange(doc: SpecDocument, start: number, end: number): MacroReference[] {
  const refs = doc.macroReferences;
  const out: MacroReference[] = [];
  for (let k = lowerBound(refs, start); k < refs.length && refs[k].start < end; k++) out.push(refs[k]);
  return out;
}

/** The innermost macro reference containing the offset, if any. */
export function refAt(doc: SpecDocument, offset: number): MacroReference | undefined {
  const refs = doc.macroReferences;
  let best: MacroReference | undefined;
  // References are sorted by start; a containing reference starts at or before offset.
  for (let k = Math.min(lowerBound(refs, offset + 1), refs.length) - 1; k >= 0; k--) {
    const r = refs[k];
    if (r.end > offset && r.start <= offset && (!best || r.start >= best.start)) best = r;
    // Top-level references never nest, so once we pass one that ends before offset at depth 0 we can stop.
    if (r.depth === 0 && r.end <= offset) break;
  }
  return best;
}

/** True when [start, end) overlaps a macro reference (edits there could change what a macro sees). */
export function overlapsMacro(doc: SpecDocument, start: number, end: number): boolean {
  const r = refAt(doc, start);
  if (r && r.form !== 'escape') return true;
  return refsInRange(doc, start, end).some((x) => x.form !== 'escape');
}

/** Section containing the offset. */
export function sectionAt(doc: SpecDocument, offset: number): Section {
  return doc.sections[doc.lineSection[doc.lines.lineOf(offset)]] ?? doc.sections[0];
}

/** True when the line sits inside at least one %if/%ifarch block. */
export function isConditionalLine(doc: SpecDocument, line: number): boolean {
  return doc.lineConditional[line] !== 0;
}

/** True when the offset lies in a `#` or `%dnl` comment. */
export function isInComment(doc: SpecDocument, offset: number): boolean {
  const line = doc.lines.lineOf(offset);
  if (doc.lineKinds[line] === 'comment') return true;
  return false;
}

/** Text of a span. */
export function textOf(doc: SpecDocument, span: { start: number; end: number }): string {
  return doc.text.slice(span.start, span.end);
}
