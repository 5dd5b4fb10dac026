// Sources and patches as rpm numbers them: `SourceN:`/`PatchN:` tags keep N; an unnumbered
// `Source:`/`Patch:` tag and every `%sourcelist`/`%patchlist` line get the highest number seen so
// far (of that kind) plus one. Parse-level: every %if arm is counted (the query re-numbers with
// only the arms rpm takes).
import { cachedPerParse } from '../perParse';
import type { Section, SpecDocument, Span, Tag } from './ast';

export interface SourceEntry {
  kind: 'source' | 'patch';
  number: number;
  /** Number written in the tag name (`Source3:`); false for `Source:` and list lines. */
  explicit: boolean;
  /** The value as written (unexpanded). */
  value: string;
  valueSpan: Span;
  line: number;
  /** The tag, or the %sourcelist/%patchlist section the line belongs to. */
  tag?: Tag;
  list?: Section;
}

/** Source/patch tags and list lines in file order, before numbering. */
export function rawSourceEntries(doc: SpecDocument): Omit<SourceEntry, 'number'>[] {
  const out: Omit<SourceEntry, 'number'>[] = [];
  for (const t of doc.tags) {
    if (t.key !== 'source' && t.key !== 'patch') continue;
    out.push({ kind: t.key, explicit: t.number !== undefined, value: t.value, valueSpan: t.valueSpan, line: t.line, tag: t });
  }
  for (const s of doc.sections) {
    if (s.kind !== 'sourcelist' && s.kind !== 'patchlist') continue;
    for (let l = s.bodyStartLine; l <= s.endLine; l++) {
      const kind = doc.lineKinds[l];
      if (kind !== 'body' && kind !== 'macro-line' && kind !== 'unknown') continue;
      const lineStart = doc.lines.lineStarts[l];
      const raw = doc.text.slice(lineStart, doc.lines.lineEnd(l));
      const value = raw.trim();
      if (!value) continue;
      const start = lineStart + raw.indexOf(value);
      out.push({ kind: s.kind === 'sourcelist' ? 'source' : 'patch', explicit: false, value, valueSpan: { start, end: start + value.length }, line: l, list: s });
    }
  }
  return out.sort((a, b) => a.valueSpan.start - b.valueSpan.start);
}

/** Numbers entries as rpm does: explicit N, else the highest number so far plus one. */
export function numberSources<T extends Omit<SourceEntry, 'number'>>(entries: readonly T[]): (T & { number: number })[] {
  const highest = { source: -1, patch: -1 };
  return entries.map((e) => {
    const number = e.explicit && e.tag?.number !== undefined ? e.tag.number : highest[e.kind] + 1;
    highest[e.kind] = Math.max(highest[e.kind], number);
    return { ...e, number };
  });
}

/** Every source and patch of the spec, numbered (cached per parse). */
export const sourceEntries = cachedPerParse((doc: SpecDocument): SourceEntry[] => numberSources(rawSourceEntries(doc)));

/** `%{SOURCE1}`, `%SOURCE1`, `%{S:1}` in text (a shell word): group 1 or 2 is the number of the Source it names. */
export const SOURCE_REFERENCE = /%\{?SOURCE([0-9]+)\}?|%\{?S:([0-9]+)\}?/g;

/**
 * A file name that `%setup`/`%autosetup` unpacks into a build directory: a tar archive (plain or
 * compressed, `.tgz`…), a zip (also `.jar`, `.whl`), 7z, a Ruby gem or a Rust crate. A single
 * compressed file (`fedora.xml.gz`) is not one: it has no tree to unpack.
 */
export function isArchiveFileName(name: string): boolean {
  return /\.(?:tar(?:\.[A-Za-z0-9]+)?|tgz|tbz2?|txz|tzst|tlz|taz|zip|jar|whl|7z|gem|crate)$/i.test(name.trim());
}
