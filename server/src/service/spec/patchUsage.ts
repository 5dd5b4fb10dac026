// Declared patches (PatchN tags) and where the spec applies them (%patch, %autopatch,
// %autosetup, `patch < %{PATCHn}`…), as rpmlint counts them. Used by patch-not-applied and %ifarch-applied-patch.
import type { SpecDocument, Tag } from './ast';

export interface DeclaredPatch {
  number: number;
  tag: Tag;
}

export interface PatchApplication {
  number: number;
  /** The text that applies it (`%patch -P 3`, `%{PATCH3}`). */
  start: number;
  end: number;
  line: number;
}

export interface PatchUse {
  /** Numbered applications and references. */
  applications: PatchApplication[];
  /**
   * Set when the spec applies patches in bulk (`%autosetup` without -N, `%autopatch`, a loop over
   * `%{patches}`, `%apply_patches`) or in a way a static reading cannot follow (a Lua block
   * naming patches): every declared patch then counts as applied.
   */
  bulk: boolean;
  /** Basenames of patch files named in shell text outside the preamble (`patch < foo.patch`). */
  namedFiles: Set<string>;
}

/** PatchN tags; an unnumbered `Patch:` gets the next number, as rpm ≥ 4.15 numbers it. */
export function declaredPatches(doc: SpecDocument): DeclaredPatch[] {
  const out: DeclaredPatch[] = [];
  let next = 0;
  for (const tag of doc.tags) {
    if (tag.key !== 'patch') continue;
    const number = tag.number ?? next;
    next = number + 1;
    out.push({ number, tag });
  }
  return out;
}

const PATCH_DIRECTIVE = /^([ \t]*)%(?:\{)?patch(\d*)(?:\})?(?=[\s]|$)(.*)$/;

/** Every numbered application of a patch and whether patches are applied in bulk (cached per parse). */
export function patchUse(doc: SpecDocument): PatchUse {
  let use = patchUseCache.get(doc);
  if (!use) patchUseCache.set(doc, (use = computePatchUse(doc)));
  return use;
}

const patchUseCache = new WeakMap<SpecDocument, PatchUse>();

function computePatchUse(doc: SpecDocument): PatchUse {
  const applications: PatchApplication[] = [];
  const namedFiles = new Set<string>();
  let bulk = false;
  const { lines } = doc;
  for (let line = 0; line < lines.lineCount; line++) {
    const kind = doc.lineKinds[line];
    if (kind === 'comment' || kind === 'tag' || kind === 'blank' || kind === 'changelog-header') continue;
    const section = doc.sections[doc.lineSection[line]];
    if (section && (section.kind === 'changelog' || section.kind === 'description' || section.kind === 'files')) continue;
    const start = lines.lineStarts[line];
    const text = doc.text.slice(start, lines.lineEnd(line));
    const m = PATCH_DIRECTIVE.exec(text);
    if (m) {
      const base = start + m[1].length;
      const end = start + text.length;
      const at = (number: number) => applications.push({ number, start: base, end, line });
      const rest = m[3];
      const numbers: number[] = [];
      // -P N, -PN, and (rpm ≥ 4.18) bare numeric arguments.
      const words = rest.split(/\s+/).filter(Boolean);
      for (let k = 0; k < words.length; k++) {
        const w = words[k];
        if (w === '-P' && /^\d+$/.test(words[k + 1] ?? '')) numbers.push(Number(words[++k]));
        else if (/^-P\d+$/.test(w)) numbers.push(Number(w.slice(2)));
        else if (/^-[pbzdFo]$/.test(w) || w === '--fuzz' || w === '--backup') k++;
        else if (/^\d+$/.test(w)) numbers.push(Number(w));
      }
      if (m[2] !== '') numbers.push(Number(m[2]));
      if (numbers.length === 0) numbers.push(0);
      for (const n of numbers) at(n);
      continue;
    }
    if (/^[ \t]*%\{?autopatch\b/.test(text)) bulk = true;
    else if (/^[ \t]*%\{?autosetup\b/.test(text) && !/\s-[A-Za-z]*N\b/.test(text)) bulk = true;
    if (/%\{?apply_patches\b|%\{?patches\}?|%\{?autopatch\b/.test(text) && kind !== 'definition') bulk = true;
    for (const f of text.matchAll(/(?<![\w.+-])[\w.+-]+\.(?:patch|diff)\b/g)) namedFiles.add(f[0]);
  }
  for (const r of doc.macroReferences) {
    const line = lines.lineOf(r.start);
    const kind = doc.lineKinds[line];
    if (kind === 'comment' || kind === 'tag') continue;
    const section = doc.sections[doc.lineSection[line]];
    if (section && section.kind === 'changelog') continue;
    const pm = /^PATCH(\d+)$/.exec(r.name);
    if (pm) applications.push({ number: Number(pm[1]), start: r.start, end: r.end, line });
    else if (r.name === 'P' && r.argument && /^\d+$/.test(doc.text.slice(r.argument.start, r.argument.end))) {
      applications.push({ number: Number(doc.text.slice(r.argument.start, r.argument.end)), start: r.start, end: r.end, line });
    } else if (r.name === 'lua' && r.body && /patch/i.test(doc.text.slice(r.body.start, r.body.end))) bulk = true;
    else if (r.name === 'patches' || r.name === 'autopatch' || r.name === 'apply_patches') bulk = true;
  }
  // Macros defined in the spec that apply patches (`%define apply %patch -P 1`) are followed by name.
  for (const d of doc.macroDefinitions) {
    if (/%\{?(?:autopatch|apply_patches|patches)\b/.test(d.body)) bulk = true;
  }
  return { applications, bulk, namedFiles };
}

/** Basename of a Patch tag's value (URL or path). */
export function patchFileName(tag: Tag): string {
  const v = tag.value.replace(/#.*$/, '');
  const slash = v.lastIndexOf('/');
  return slash >= 0 ? v.slice(slash + 1) : v;
}
