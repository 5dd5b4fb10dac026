// Patches: which numbers the preamble declares (PatchN:, %patchlist) and where %patch /
// %patchN applies them, with the numbers each application names.
import type { MacroReference, SpecDocument, Tag } from './ast';

export interface PatchApplication {
  ref: MacroReference;
  /** `%patch3` form: the number is part of the macro name (removed in rpm 4.20). */
  legacyNumber?: number;
  /** Numbers named by `-P N`, `-PN` or positional arguments (and the legacy number). */
  numbers: { value: number; start: number; end: number }[];
  /** Text after the macro name up to the end of the line. */
  argsStart: number;
  argsEnd: number;
  /** Some argument could not be read (a macro as the number, …): numbers may be incomplete. */
  dynamic: boolean;
}

export interface DeclaredPatches {
  numbers: Set<number>;
  tags: Tag[];
  /** Declarations may be missing from the parse (%patchlist, %include, Lua that mentions patches). */
  uncertain: boolean;
  /** Highest number the unnumbered `Patch:` tags could take (-1 when there are none). */
  autoNumberLimit: number;
}

export function declaredPatches(doc: SpecDocument): DeclaredPatches {
  const tags = doc.tags.filter((t) => t.key === 'patch');
  const numbers = new Set<number>();
  let unnumbered = 0;
  let max = -1;
  for (const t of tags) {
    if (t.number === undefined) unnumbered++;
    else {
      numbers.add(t.number);
      if (t.number > max) max = t.number;
    }
  }
  const hasPatchlist = doc.sections.some((s) => s.kind === 'patchlist');
  const hasLua = doc.macroReferences.some((r) => r.name === 'lua' && r.depth === 0 && /patch/i.test(doc.text.slice(r.start, r.end)));
  return {
    numbers,
    tags,
    uncertain: hasPatchlist || doc.includes.length > 0 || hasLua,
    autoNumberLimit: unnumbered > 0 ? max + unnumbered + 1 : -1,
  };
}

/** True when patch N is declared (or might be, through an unnumbered `Patch:`). */
export function isPatchDeclared(d: DeclaredPatches, n: number): boolean {
  return d.numbers.has(n) || n <= d.autoNumberLimit;
}

/** Every `%patch`/`%patchN` use outside comments, with its numbers, in document order. */
export function patchApplications(doc: SpecDocument): PatchApplication[] {
  const out: PatchApplication[] = [];
  for (const ref of doc.macroReferences) {
    if (ref.form !== 'plain' && ref.form !== 'braced') continue;
    const m = /^patch(\d*)$/.exec(ref.name);
    if (!m) continue;
    if (ref.conditional || ref.negated) continue;
    if (doc.lineKinds[doc.lines.lineOf(ref.start)] === 'comment') continue;
    const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(ref.end));
    const argsStart = ref.end;
    const args = doc.text.slice(argsStart, lineEnd);
    const app: PatchApplication = { ref, numbers: [], argsStart, argsEnd: lineEnd, dynamic: false };
    if (m[1] !== '') {
      app.legacyNumber = Number(m[1]);
      app.numbers.push({ value: Number(m[1]), start: ref.nameStart + 5, end: ref.nameEnd });
    }
    const wordRe = /\S+/g;
    let w: RegExpExecArray | null;
    let expectP = false;
    let expectValue = false;
    while ((w = wordRe.exec(args))) {
      const word = w[0];
      const start = argsStart + w.index;
      if (word.startsWith('#')) break;
      if (expectP) {
        expectP = false;
        if (/^\d+$/.test(word)) app.numbers.push({ value: Number(word), start, end: start + word.length });
        else app.dynamic = true;
        continue;
      }
      if (expectValue) {
        expectValue = false;
        continue;
      }
      if (word === '-P') {
        expectP = true;
        continue;
      }
      const pn = /^-P(\d+)$/.exec(word);
      if (pn) {
        app.numbers.push({ value: Number(pn[1]), start: start + 2, end: start + word.length });
        continue;
      }
      if (/^-[pbFdoz]$/.test(word) || /^--(?:suffix|directory|fuzz|backup)$/.test(word)) {
        expectValue = true;
        continue;
      }
      if (word.startsWith('-')) continue;
      if (/^\d+$/.test(word)) app.numbers.push({ value: Number(word), start, end: start + word.length });
      else app.dynamic = true;
    }
    out.push(app);
  }
  return out;
}
