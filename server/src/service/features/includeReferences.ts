// References of a macro or build conditional in the files a spec includes (`%include`): the
// caller reads those files (includedFiles says which) and passes their text.
import type { SpecDocument } from '../specfile/ast';
import { parseSpec } from '../specfile/parser';
import type { Location } from '../types';
import { numberedTags, occurrences, specTargetAt } from './specTargets';

/** File names the spec includes, relative to the spec's folder: literal paths and %{SOURCEn} / %{S:n}. */
export function includedFiles(doc: SpecDocument): string[] {
  const out: string[] = [];
  for (const inc of doc.includes) {
    const p = inc.path;
    const src = /^%\{?(?:SOURCE|S:)(\d+)\}?$/.exec(p);
    if (src) {
      const tag = numberedTags(doc, 'source').find((s) => s.number === Number(src[1]))?.tag;
      const base = tag?.value.trim().replace(/^.*\//, '');
      if (base && !base.includes('%')) out.push(base);
    } else if (!p.includes('%')) out.push(p);
  }
  return out;
}

export function referencesInIncluded(doc: SpecDocument, offset: number, included: readonly { uri: string; text: string }[], includeDeclaration: boolean): Location[] {
  const t = specTargetAt(doc, offset);
  if (!t || (t.kind !== 'macro' && t.kind !== 'bcond')) return [];
  const out: Location[] = [];
  for (const f of included) {
    const other = parseSpec(f.text);
    for (const o of occurrences(other, t)) {
      if (!includeDeclaration && o.definition) continue;
      out.push({ uri: f.uri, range: other.lines.range(o.span.start, o.span.end) });
    }
  }
  return out;
}
