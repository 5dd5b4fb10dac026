// Patches: which numbers the preamble declares (PatchN:, %patchlist), where %patch / %patchN
// applies them with the numbers each application names, and every other way a spec applies a
// patch (bulk, %{PATCHn}, patch files named in shell).
import { sourceEntries } from './sources';
import type { MacroReference, SpecDocument, Tag } from './ast';
import { cachedPerParse } from '../perParse';

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
  /** Every Patch tag with its number; an unnumbered `Patch:` gets the next one, as rpm ≥ 4.15 numbers it. */
  list: DeclaredPatch[];
  /** Declarations may be missing from the parse (%patchlist, %include, Lua that mentions patches). */
  uncertain: boolean;
  /** Highest number the unnumbered `Patch:` tags could take (-1 when there are none). */
  autoNumberLimit: number;
}

/** The patches the preamble declares (cached per parse). */
export const declaredPatches = cachedPerParse((doc: SpecDocument): DeclaredPatches => {
  const tags = doc.tags.filter((t) => t.key === 'patch');
  const numbers = new Set<number>();
  const list: DeclaredPatch[] = [];
  let unnumbered = 0;
  let max = -1;
  const hasPatchlist = doc.sections.some((s) => s.kind === 'patchlist');
  if (!hasPatchlist && tags.every((t) => t.number !== undefined)) {
    // Only numbered PatchN: tags (and none at all, most specs): each keeps its N, as in rpm's
    // numbering below, without listing and numbering every Source too.
    for (const t of tags) {
      numbers.add(t.number!);
      list.push({ number: t.number!, tag: t });
    }
  } else {
    // rpm's numbering (sources.ts); %patchlist lines are patches too.
    for (const e of sourceEntries(doc)) {
      if (e.kind !== 'patch') continue;
      numbers.add(e.number);
      if (!e.explicit) unnumbered++;
      if (e.number > max) max = e.number;
      if (e.tag) list.push({ number: e.number, tag: e.tag });
    }
  }
  const hasLua = doc.macroReferences.some((r) => r.name === 'lua' && r.depth === 0 && /patch/i.test(doc.text.slice(r.start, r.end)));
  return {
    numbers,
    tags,
    list,
    uncertain: hasPatchlist || doc.includes.length > 0 || hasLua,
    autoNumberLimit: unnumbered > 0 ? max + unnumbered + 1 : -1,
  };
});

/** True when patch N is declared (or might be, through an unnumbered `Patch:`). */
export function isPatchDeclared(d: DeclaredPatches, n: number): boolean {
  return d.numbers.has(n) || n <= d.autoNumberLimit;
}

/** Every `%patch`/`%patchN` use outside comments, with its numbers, in document order (cached per parse). */
export const patchApplications = cachedPerParse((doc: SpecDocument): PatchApplication[] => {
  const out: PatchApplication[] = [];
  for (const ref of doc.macroReferences) {
    if ((ref.form !== 'plain' && ref.form !== 'braced') || !ref.name.startsWith('patch')) continue;
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
    const named = patchNumbersIn(args, argsStart);
    app.numbers.push(...named.numbers);
    app.dynamic = named.dynamic;
    out.push(app);
  }
  return out;
});

/** The patch numbers a `%patch` line's arguments name (`-P N`, `-PN`, positional), from the text after the macro name. */
function patchNumbersIn(args: string, argsStart: number): { numbers: { value: number; start: number; end: number }[]; dynamic: boolean } {
  const numbers: { value: number; start: number; end: number }[] = [];
  let dynamic = false;
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
      if (/^\d+$/.test(word)) numbers.push({ value: Number(word), start, end: start + word.length });
      else dynamic = true;
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
      numbers.push({ value: Number(pn[1]), start: start + 2, end: start + word.length });
      continue;
    }
    if (/^-[pbFdoz]$/.test(word) || /^--(?:suffix|directory|fuzz|backup)$/.test(word)) {
      expectValue = true;
      continue;
    }
    if (word.startsWith('-')) continue;
    if (/^\d+$/.test(word)) numbers.push({ value: Number(word), start, end: start + word.length });
    else dynamic = true;
  }
  return { numbers, dynamic };
}

// ---- Applications as rpmlint counts them (patch-not-applied, %ifarch-applied-patch): besides
// `%patch`, `%{PATCHn}`/`%{P:n}` references, bulk application and patch files named in shell.

export interface DeclaredPatch {
  number: number;
  tag: Tag;
}

/** One use of one patch number. */
export interface PatchNumberUse {
  number: number;
  /** The text that applies it (`%patch -P 3`, `%{PATCH3}`). */
  start: number;
  end: number;
  line: number;
}

export interface PatchUse {
  /** Numbered applications and references. */
  applications: PatchNumberUse[];
  /**
   * Set when the spec applies patches in bulk (`%autosetup` without -N, `%autopatch`, a loop over
   * `%{patches}`, `%apply_patches`) or in a way a static reading cannot follow (a Lua block
   * naming patches): every declared patch then counts as applied.
   */
  bulk: boolean;
  /** Basenames of patch files named in shell text outside the preamble (`patch < foo.patch`). */
  namedFiles: Set<string>;
  /**
   * Numbers whose application the spec comments out (`#%patch -P 27`, `# %patch3 -p1`,
   * `#%%patch -P 5`, `#patch6 -p1`, `#%%__cat %PATCH7 | git am`): the packager disabled the patch
   * on purpose.
   */
  disabled: Set<number>;
}

/**
 * Every numbered application of a patch and whether patches are applied in bulk (cached per
 * parse). When `bulk` is set, `namedFiles` and `disabled` may be incomplete: every patch counts as
 * applied then, so nothing reads them.
 */
export const patchUse = cachedPerParse((doc: SpecDocument): PatchUse => computePatchUse(doc));

/**
 * The numbered applications alone (`%patch -P 3`, `%{PATCH3}`, `%{P:3}`), in document order (cached
 * per parse): when they apply every declared patch, the rest of patchUse need not be read.
 */
export const patchNumberUses = cachedPerParse((doc: SpecDocument): { applications: PatchNumberUse[]; directiveLines: Set<number> } => {
  const applications: PatchNumberUse[] = [];
  const { lines } = doc;
  const directiveLines = new Set<number>();
  for (const app of patchApplications(doc)) {
    const line = lines.lineOf(app.ref.start);
    if (NOT_RUN.has(doc.sections[doc.lineSection[line]]?.kind ?? '')) continue;
    directiveLines.add(line);
    const numbers = app.numbers.map((n) => n.value);
    // A bare `%patch` applies patch 0 (rpm < 4.20).
    if (numbers.length === 0 && !app.dynamic) numbers.push(0);
    for (const number of numbers) applications.push({ number, start: app.ref.start, end: app.argsEnd, line });
  }
  for (const r of doc.macroReferences) {
    // The name first: the line of every reference is not needed.
    const name = r.name;
    if (name !== 'P' && !name.startsWith('PATCH')) continue;
    const line = referenceLine(doc, r);
    if (line < 0) continue;
    const pm = /^PATCH(\d+)$/.exec(name);
    if (pm) applications.push({ number: Number(pm[1]), start: r.start, end: r.end, line });
    else if (name === 'P' && r.argument && /^\d+$/.test(doc.text.slice(r.argument.start, r.argument.end))) {
      applications.push({ number: Number(doc.text.slice(r.argument.start, r.argument.end)), start: r.start, end: r.end, line });
    }
  }
  return { applications, directiveLines };
});

/** The line of a reference that may apply a patch; -1 in a comment, a tag's value or %changelog. */
function referenceLine(doc: SpecDocument, r: MacroReference): number {
  const line = doc.lines.lineOf(r.start);
  const kind = doc.lineKinds[line];
  if (kind === 'comment' || kind === 'tag') return -1;
  const section = doc.sections[doc.lineSection[line]];
  if (section && section.kind === 'changelog') return -1;
  return line;
}

/**
 * Every pattern readPatchLine tries needs one of these words: `patch` (`%patch`, `%autopatch`,
 * `%{patches}`, `foo.patch`), `PATCH` (`%PATCH3`), `autosetup`, `goprep`, `.diff`.
 */
const PATCH_WORDS = /patch|PATCH|autosetup|goprep|\.diff/g;

/** Sections whose text is not run: a `%patch` there applies nothing. */
const NOT_RUN = new Set(['changelog', 'description', 'files']);

/** Macros whose line may apply every patch (`%autosetup -p1`, `%forgeautosetup`, `%goprep -p1`). */
const BULK_LINE_MACROS = new Set(['autosetup', 'forgeautosetup', 'goprep', 'autopatch']);

/**
 * What one line (not a %patch line) says: a commented-out application (`disabled`), bulk
 * application, patch files it names. Returns true when it applies patches in bulk.
 */
function readPatchLine(doc: SpecDocument, line: number, namedFiles: Set<string>, disabled: Set<number>): boolean {
  const { lines } = doc;
  const kind = doc.lineKinds[line];
  const section = doc.sections[doc.lineSection[line]];
  if (kind === 'comment' && !(section && NOT_RUN.has(section.kind))) {
    const text = doc.text.slice(lines.lineStarts[line], lines.lineEnd(line));
    const m = /^[ \t]*#+[ \t]*%{0,2}\{?patch(\d*)\}?(?=[ \t]|$)/.exec(text);
    if (m) {
      if (m[1] !== '') disabled.add(Number(m[1]));
      for (const n of patchNumbersIn(text.slice(m[0].length), 0).numbers) disabled.add(n.value);
    }
    // A commented-out use of the patch file (xscreensaver: `#%%__cat %PATCH13501 | %%__git am`).
    for (const p of text.matchAll(/%{1,2}\{?PATCH(\d+)\}?/g)) disabled.add(Number(p[1]));
    return false;
  }
  if (kind === 'comment' || kind === 'tag' || kind === 'blank' || kind === 'changelog-header') return false;
  if (section && NOT_RUN.has(section.kind)) return false;
  const text = doc.text.slice(lines.lineStarts[line], lines.lineEnd(line));
  let bulk = false;
  if (/^[ \t]*%\{?autopatch\b/.test(text)) bulk = true;
  // %forgeautosetup passes its options to %autosetup (forge macros): -N keeps the patches out too.
  else if (/^[ \t]*%\{?(?:forge)?autosetup\b/.test(text) && !/\s-[A-Za-z]*N\b/.test(text)) bulk = true;
  // go-rpm-macros' `%goprep -p1` applies the patches (rpm refuses an option a macro does not
  // declare; Fedora's go2rpm specs pass -p1 with Patch: lines and nothing else applying them).
  else if (/^[ \t]*%\{?goprep\b.*\s-p[ \t]*\d/.test(text)) bulk = true;
  if (/%\{?apply_patches\b|%\{?patches\}?|%\{?autopatch\b/.test(text) && kind !== 'definition') bulk = true;
  // `#` inside a name is part of it (texlive's `texlive-bz#1442706-python-path.patch`).
  for (const f of text.matchAll(/(?<![\w.+#-])[\w.+-][\w.+#-]*\.(?:patch|diff)\b/g)) namedFiles.add(f[0]);
  return bulk;
}

function computePatchUse(doc: SpecDocument): PatchUse {
  const { applications, directiveLines } = patchNumberUses(doc);
  const namedFiles = new Set<string>();
  const disabled = new Set<number>();
  let bulk = false;
  for (const r of doc.macroReferences) {
    const name = r.name;
    if (name !== 'lua' && name !== 'patches' && name !== 'autopatch' && name !== 'apply_patches') continue;
    if (referenceLine(doc, r) < 0) continue;
    if (name === 'lua') {
      if (r.body && /patch/i.test(doc.text.slice(r.body.start, r.body.end))) bulk = true;
    } else bulk = true;
  }
  // Macros defined in the spec that apply patches (`%define apply %patch -P 1`) are followed by name.
  for (const d of doc.macroDefinitions) {
    if (/%\{?(?:autopatch|apply_patches|patches)\b/.test(d.body)) bulk = true;
  }
  if (appliesDefaultPrep(doc)) bulk = true;
  // The usual bulk application, an `%autosetup -p1` line, is found from its macro reference.
  for (const r of doc.macroReferences) {
    if (bulk) break;
    if (!BULK_LINE_MACROS.has(r.name)) continue;
    const line = doc.lines.lineOf(r.start);
    if (!directiveLines.has(line) && readPatchLine(doc, line, namedFiles, disabled)) bulk = true;
  }
  if (bulk) return { applications, bulk, namedFiles, disabled };
  // Otherwise every line that may say something: only lines with one of PATCH_WORDS can match
  // readPatchLine's patterns, and one search of the text finds them (the patterns on every line
  // took most of this function's time).
  PATCH_WORDS.lastIndex = 0;
  for (let w = PATCH_WORDS.exec(doc.text); w !== null; w = PATCH_WORDS.exec(doc.text)) {
    const line = doc.lines.lineOf(w.index);
    PATCH_WORDS.lastIndex = doc.lines.lineEnd(line);
    if (!directiveLines.has(line) && readPatchLine(doc, line, namedFiles, disabled)) bulk = true;
  }
  return { applications, bulk, namedFiles, disabled };
}

/**
 * rpm ≥ 4.20 declarative builds (`BuildSystem:`) fill in a %prep of `%autosetup -p1` unless the spec
 * writes its own: a spec without %prep, or whose %prep sections only append or prepend (`%prep -a`),
 * applies every patch.
 */
function appliesDefaultPrep(doc: SpecDocument): boolean {
  if (!doc.tags.some((t) => t.key === 'buildsystem' && t.packageIndex === 0)) return false;
  return doc.sections.filter((s) => s.kind === 'prep').every((s) => s.options.some((o) => o.flag === '-a' || o.flag === '-p'));
}

/** Words saying a patch is kept but not applied (`# FIXME: For now, keep the patch, but do not apply it.`). */
const KEPT_UNAPPLIED = /\b(?:(?:do not|don'?t|not to|never|no longer|not) (?:be )?appl(?:y|ied)|unapplied)\b/i;

/**
 * The comment lines right above the tag (up to a blank or other line) say the patch is kept on
 * purpose without being applied (perl-IPC-Run3).
 */
export function declaredUnapplied(doc: SpecDocument, tag: Tag): boolean {
  for (let line = tag.line - 1; line >= 0 && doc.lineKinds[line] === 'comment'; line--) {
    if (KEPT_UNAPPLIED.test(doc.lines.lineText(line))) return true;
  }
  return false;
}

/**
 * Basename of a Patch tag's value (URL or path), as rpm takes it: everything after the last `/`,
 * so `…/359.patch#/fix.patch` is fix.patch and `texlive-bz#1442706-python-path.patch` keeps its `#`
 * (rpm has no comments after a tag's value).
 */
export function patchFileName(tag: Tag): string {
  const v = tag.value;
  const slash = v.lastIndexOf('/');
  return slash >= 0 ? v.slice(slash + 1) : v;
}
