// Static macro expansion for hovers, completion details and checks. It resolves macros from the
// spec's own %define/%global bodies first, then from the catalog profile of one distribution.
// It never runs anything: %(shell), %[expression] and %{lua:…} are left as written and make the
// result `unresolved`. Recursion depth, the number of expansions and the output length are bounded.
import type { DistroId } from '../types';
import { ALL_MACRO_SOURCES, MULTI_LINE_MACROS, PROFILES, resolveProfileMap } from './macros';
import { NEWEST, RELEASES, releaseOf, type Release } from './releases';
import type { MacroInfo, MacroSource } from './macros';
import { evaluateExpression } from './expression';
import { trimTrailingSlashes } from '../text/trim';

/** A read-only view of macro definitions: a Map, or the spec's macro scope at one offset. */
export interface MacroTable {
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** Defined with options (`%define foo(a:) …`): its value needs arguments, so it is not expanded statically. */
  isParametric?(name: string): boolean;
  /** The option string of a parametric definition (`a:` for `%define foo(a:) …`): the macro is expanded with its arguments. */
  parameters?(name: string): string | undefined;
}

export interface ExpandOptions {
  /** Catalog profile; default 'generic'. */
  distro?: DistroId;
  /** The release whose own values win over the family's (default: the family's newest). */
  release?: Release;
  /** The spec's own definitions (name → body). They win over the catalog. */
  definitions?: MacroTable | Readonly<Record<string, string>>;
  /**
   * Leave an undefined macro as written, as rpm does, without marking the result unresolved;
   * its name is listed in `undefinedNames` instead.
   */
  literalUndefined?: boolean;
  /** Maximum nesting of expansions (default and upper bound 32). */
  maxDepth?: number;
  /** Maximum output length in characters (default 65536). */
  maxLength?: number;
}

export interface ExpandResult {
  text: string;
  /** True when something was left unexpanded: an undefined macro, a shell/Lua/expression form, a parametric call, or a limit hit. */
  unresolved: boolean;
  /** Names of the macros the text referenced, in order of first use. */
  used: string[];
  /** With `literalUndefined`: the macros looked up and found undefined (left as written, or taken as absent by `%{?…}`, `%{defined …}`). */
  undefinedNames: string[];
}

const MAX_DEPTH = 32;
const DEFAULT_MAX_LENGTH = 65536;
const MAX_STEPS = 20000;
/** Spec-dependent names left in catalog values (e.g. %{_pkgdocdir} → /usr/share/doc/%{name}). */
const SPEC_PLACEHOLDERS = new Set(['name', 'version', 'release', 'NAME', 'VERSION', 'RELEASE', 'epoch', 'EPOCH']);

/** Catalog entries taken from the spec that are not a single tag's value. */
const SPEC_COLLECTIONS = new Set(['sources', 'patches']);

type Resolution =
  | { kind: 'body'; body: string }
  | { kind: 'value'; value: string }
  | { kind: 'opaque' }
  | { kind: 'parametric' }
  | { kind: 'function'; body: string; options: string }
  | undefined;

interface State {
  distro: DistroId;
  release: Release;
  spec: MacroTable;
  literalUndefined: boolean;
  undefinedNames: string[];
  maxDepth: number;
  maxLength: number;
  steps: number;
  unresolved: boolean;
  used: string[];
  /** `used` as a set, made once the list is long (most expansions use a few names). */
  usedSet?: Set<string>;
  /** Names kept literally without counting as unresolved (catalog value computation). */
  keep?: Set<string>;
  /** Cut short: stop expanding, copy the rest verbatim. */
  exhausted: boolean;
  /** Inside a parametric macro's body: %0 %1 … %* %** %# and %{-x} %{-x*}. */
  locals?: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Catalog finalisation (values computed lazily, once).

let catalog: Map<string, MacroInfo> | undefined;
let numbered: MacroInfo[] = [];

function buildEntry(src: MacroSource): MacroInfo {
  const definitions = resolveProfileMap(src.def);
  const explicit = resolveProfileMap(src.val);
  const defined = new Set<DistroId>([...(Object.keys(definitions) as DistroId[]), ...(Object.keys(explicit) as DistroId[]), ...(src.on ?? [])]);
  if (src.builtin) for (const p of PROFILES) defined.add(p);
  return {
    name: src.name,
    kind: src.kind,
    description: src.description,
    usage: src.usage,
    parametric: src.parametric ?? false,
    options: src.options ?? [],
    argument: src.argument,
    builtin: src.builtin ?? false,
    numbered: src.numbered,
    definitions,
    values: explicit,
    definedOn: PROFILES.filter((p) => defined.has(p)),
    unverified: [...(src.unverified ?? [])],
    valueless: src.valueless,
    seeAlso: src.seeAlso ?? [],
    preferInstead: src.preferInstead ?? [],
    deprecated: src.deprecated,
    since: src.since,
    source: src.source,
  };
}

function getCatalog(): Map<string, MacroInfo> {
  if (catalog) return catalog;
  const map = new Map<string, MacroInfo>();
  for (const src of ALL_MACRO_SOURCES) map.set(src.name, buildEntry(src));
  catalog = map;
  numbered = [...map.values()].filter((m) => m.numbered);
  // A family stands for its newest release: that release's own values are the family's.
  for (const p of PROFILES) {
    for (const [name, v] of Object.entries(NEWEST[p].macros)) {
      const info = map.get(name);
      if (!info) continue;
      delete info.values[p];
      if (v === null) {
        delete info.definitions[p];
        info.definedOn = info.definedOn.filter((d) => d !== p);
      } else {
        info.definitions[p] = v;
        if (!info.definedOn.includes(p)) info.definedOn = PROFILES.filter((d) => d === p || info.definedOn.includes(d));
      }
    }
  }
  // Compute the static values from the definitions (explicit values win).
  for (const info of map.values()) {
    if (info.parametric) continue;
    for (const p of PROFILES) {
      if (info.values[p] !== undefined || info.definitions[p] === undefined) continue;
      const state = newState({ distro: p }, new Set(SPEC_PLACEHOLDERS));
      const text = expandText(info.definitions[p]!, 0, state);
      if (!state.unresolved) info.values[p] = text;
    }
  }
  return map;
}

/** A release's own value for the name: a string, null (not defined there) or undefined (as the family). */
function releaseOverride(release: Release, name: string): string | null | undefined {
  return Object.prototype.hasOwnProperty.call(release.macros, name) ? release.macros[name] : undefined;
}

/** Catalog profile arguments: a family (its newest release) or a release. */
export type CatalogProfile = DistroId | Release;

function asRelease(p: CatalogProfile): Release {
  return typeof p === 'string' ? NEWEST[p] : p;
}

const releaseValues = new Map<string, Map<string, string | undefined>>();

/** The catalog entry of a macro (`_libdir`, `%_libdir`, `%{_libdir}`; SOURCE12 → SOURCE). */
export function lookupMacro(name: string): MacroInfo | undefined {
  // Most callers pass a bare name: the regex only when there is something to strip.
  const bare = name.charCodeAt(0) === 37 || name.endsWith('}') ? name.replace(/^%\{?[?!]*|\}$/g, '') : name;
  const map = getCatalog();
  const direct = map.get(bare);
  if (direct) return direct;
  return numberedMacro(bare);
}

/** The numbered catalog entry a name like SOURCE12 or PATCH3 belongs to (only names ending in a digit). */
function numberedMacro(name: string): MacroInfo | undefined {
  const last = name.charCodeAt(name.length - 1);
  if (last < 48 || last > 57) return undefined;
  return numbered.find((m) => name.startsWith(m.name) && /^\d+$/.test(name.slice(m.name.length)));
}

/** Every catalog entry. */
export function allMacros(): MacroInfo[] {
  return [...getCatalog().values()];
}

/** Whether the macro is defined on the profile (a family means its newest release). */
export function isMacroDefined(name: string, profile: CatalogProfile): boolean {
  const info = lookupMacro(name);
  if (!info) return false;
  const release = asRelease(profile);
  const own = releaseOverride(release, info.name);
  if (own !== undefined) return own !== null;
  return info.definedOn.includes(release.family);
}

/**
 * The fully expanded x86_64 value on the profile; undefined when the macro is unknown,
 * undefined there, or has no static value (functions, parametric and environment-dependent macros).
 */
export function macroValue(name: string, profile: CatalogProfile): string | undefined {
  const info = lookupMacro(name);
  if (!info) return undefined;
  const release = asRelease(profile);
  if (release === NEWEST[release.family]) return info.values[release.family];
  let cache = releaseValues.get(release.id);
  if (!cache) releaseValues.set(release.id, (cache = new Map()));
  if (cache.has(info.name)) return cache.get(info.name);
  let value: string | undefined;
  if (isMacroDefined(info.name, release) && !info.parametric) {
    const def = macroDefinition(info.name, release);
    if (def === undefined) value = info.values[release.family];
    else {
      const state = newState({ distro: release.family, release }, new Set(SPEC_PLACEHOLDERS));
      const text = expandText(def, 0, state);
      value = state.unresolved ? undefined : text;
    }
  }
  cache.set(info.name, value);
  return value;
}

/** The raw definition body on the profile, when recorded. */
export function macroDefinition(name: string, profile: CatalogProfile): string | undefined {
  const info = lookupMacro(name);
  if (!info) return undefined;
  const release = asRelease(profile);
  const own = releaseOverride(release, info.name);
  if (own !== undefined) return own ?? undefined;
  return info.definitions[release.family];
}

/**
 * The catalog macro expands to several lines on the profile: its recorded body or value spans
 * lines, or it is one of the macros known to (MULTI_LINE_MACROS). False when nothing says so.
 */
export function isMultiLineMacro(name: string, distro: DistroId): boolean {
  const info = lookupMacro(name);
  if (!info || !info.definedOn.includes(distro)) return false;
  if (MULTI_LINE_MACROS.has(info.name)) return true;
  const body = info.definitions[distro] ?? info.values[distro];
  return body !== undefined && body.includes('\n');
}

/** Every release (for per-release tables). */
export const ALL_RELEASES = RELEASES;
export { releaseOf };

// ---------------------------------------------------------------------------------------------
// Expansion.

const EMPTY_DEFINITIONS: MacroTable = new Map<string, string>();

function isMacroTable(defs: object): defs is MacroTable {
  return typeof (defs as MacroTable).get === 'function' && typeof (defs as MacroTable).has === 'function';
}

function newState(options: ExpandOptions, keep?: Set<string>): State {
  // Expansion only reads the definitions: share the caller's map instead of copying it, which
  // made thousands of small expansions over a spec with many %defines quadratic.
  const defs = options.definitions;
  const spec: MacroTable = !defs ? EMPTY_DEFINITIONS : isMacroTable(defs) ? defs : new Map(Object.entries(defs as Record<string, string>));
  const distro = options.release?.family ?? options.distro ?? 'generic';
  return {
    distro,
    release: options.release ?? NEWEST[distro],
    spec,
    literalUndefined: options.literalUndefined ?? false,
    undefinedNames: [],
    maxDepth: Math.min(options.maxDepth ?? MAX_DEPTH, MAX_DEPTH),
    maxLength: options.maxLength ?? DEFAULT_MAX_LENGTH,
    steps: 0,
    unresolved: false,
    used: [],
    keep,
    exhausted: false,
    // Set later, but present from the start: one object shape for every state (a field added
    // afterwards gave the expander's functions two shapes to handle, and deoptimized them).
    usedSet: undefined,
    locals: undefined,
  };
}

/** Expands macros in `text` statically (see the module comment). */
export function expandMacros(text: string, options: ExpandOptions = {}): ExpandResult {
  const state = newState(options);
  let out = expandText(text, 0, state);
  if (out.length > state.maxLength) {
    out = out.slice(0, state.maxLength);
    state.unresolved = true;
  }
  return { text: out, unresolved: state.unresolved, used: state.used, undefinedNames: state.undefinedNames };
}

function resolve(name: string, state: State): Resolution {
  const own = state.spec.get(name);
  if (own !== undefined) {
    if (!state.spec.isParametric?.(name)) return { kind: 'body', body: own };
    const options = state.spec.parameters?.(name);
    return options === undefined ? { kind: 'parametric' } : { kind: 'function', body: own, options };
  }
  const fromRelease = releaseOverride(state.release, name);
  if (fromRelease === null) return undefined;
  if (fromRelease !== undefined) return { kind: 'body', body: fromRelease };
  const info = lookupMacroForExpansion(name);
  if (!info || !info.definedOn.includes(state.distro)) return undefined;
  // %name, %version…: defined by the spec's own tags, so undefined until the spec defines them.
  if (info.valueless === 'taken from the spec' && !info.numbered && !SPEC_COLLECTIONS.has(name)) return undefined;
  if (info.parametric || info.kind === 'function') return { kind: 'parametric' };
  const def = info.definitions[state.distro];
  if (def !== undefined) return { kind: 'body', body: def };
  const value = info.values[state.distro];
  if (value !== undefined) return { kind: 'value', value };
  return { kind: 'opaque' };
}

/** Like lookupMacro but usable while the catalog is being finalised. */
function lookupMacroForExpansion(name: string): MacroInfo | undefined {
  return (catalog ?? getCatalog()).get(name) ?? numberedMacro(name);
}

function noteUndefined(name: string, state: State): void {
  if (!state.undefinedNames.includes(name)) state.undefinedNames.push(name);
}

function noteUse(name: string, state: State): void {
  if (state.usedSet) {
    if (!state.usedSet.has(name)) {
      state.usedSet.add(name);
      state.used.push(name);
    }
    return;
  }
  if (state.used.includes(name)) return;
  state.used.push(name);
  if (state.used.length > 16) state.usedSet = new Set(state.used);
}

/** Index of the bracket closing the one at `open`, or -1. Counts only the same bracket pair. */
function matchClose(text: string, open: number, openCh: number, closeCh: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* backslash */ && i + 1 < text.length) { i++; continue; }
    if (c === openCh) depth++;
    else if (c === closeCh && --depth === 0) return i;
  }
  return -1;
}

// Name characters by code, not a regex per character (`[A-Za-z_]`, `\w`): every macro name of
// every expansion goes through these.
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function expandText(text: string, depth: number, state: State): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (out.length > state.maxLength) {
      state.unresolved = true;
      state.exhausted = true;
    }
    if (state.exhausted) return out + text.slice(i);
    const pct = text.indexOf('%', i);
    if (pct < 0) { out += text.slice(i); break; }
    out += text.slice(i, pct);
    const next = text[pct + 1];
    if (next === '%') { out += '%'; i = pct + 2; continue; }
    if (next === '[') {
      // %[expression] (rpm ≥ 4.16): expand, then evaluate; left as written when it cannot be read.
      const close = matchClose(text, pct + 1, 91, 93);
      const end = close < 0 ? text.length : close + 1;
      const before = state.unresolved;
      const inner = close < 0 ? undefined : expandText(text.slice(pct + 2, close), depth + 1, state);
      const value = inner === undefined || (state.unresolved && !before) ? undefined : evaluateExpression(inner);
      if (value === undefined) {
        out += text.slice(pct, end);
        state.unresolved = true;
      } else out += String(value);
      i = end;
      continue;
    }
    if (next === '(') {
      const close = matchClose(text, pct + 1, 40, 41);
      const end = close < 0 ? text.length : close + 1;
      // Never run: a few pure idioms (substring, cut, tr) give a best guess, still unresolved.
      const guess = close < 0 ? undefined : pureShellIdiom(expandText(text.slice(pct + 2, close), depth + 1, state));
      out += guess ?? text.slice(pct, end);
      state.unresolved = true;
      i = end;
      continue;
    }
    if (next === '{') {
      const close = matchClose(text, pct + 1, 123, 125);
      if (close < 0) { out += text.slice(pct); state.unresolved = true; break; }
      out += expandBraced(text.slice(pct + 2, close), text.slice(pct, close + 1), depth, state);
      i = close + 1;
      continue;
    }
    // Bare forms: %name, %?name, %!?name
    let j = pct + 1;
    let cond = false;
    let neg = false;
    while (text[j] === '?' || text[j] === '!') { if (text[j] === '?') cond = true; else neg = true; j++; }
    if (j < text.length && isNameStart(text.charCodeAt(j))) {
      let k = j + 1;
      while (k < text.length && isNameChar(text.charCodeAt(k))) k++;
      const name = text.slice(j, k);
      if (!cond && !neg) {
        const fn = resolve(name, state);
        if (fn?.kind === 'function') {
          // `%name args…` without braces: the arguments run to the end of the line.
          const eol = text.indexOf('\n', k);
          const lineEnd = eol < 0 ? text.length : eol;
          out += callFunction(name, fn, text.slice(k, lineEnd).trim(), depth, state);
          i = lineEnd;
          continue;
        }
      }
      if (name === 'dnl' && !cond && !neg && !state.spec.has('dnl')) {
        // rpm's %dnl discards the rest of the line, its newline included.
        const eol = text.indexOf('\n', k);
        i = eol < 0 ? text.length : eol + 1;
        continue;
      }
      out += expandReference(name, { cond, neg, raw: text.slice(pct, k) }, depth, state);
      i = k;
      continue;
    }
    // %1, %*, %**, %#: a parametric macro's arguments; a lone %.
    if (state.locals && next !== undefined && /[0-9*#]/.test(next)) {
      const m = /^(?:\d+|\*\*|\*|#)/.exec(text.slice(pct + 1))!;
      out += state.locals.get(m[0]) ?? '';
      i = pct + 1 + m[0].length;
      continue;
    }
    if (next !== undefined && /[0-9*#-]/.test(next)) state.unresolved = true;
    out += '%';
    i = pct + 1;
  }
  return out;
}

interface RefForm { cond: boolean; neg: boolean; raw: string; arg?: string; args?: string }

function expandBraced(inner: string, raw: string, depth: number, state: State): string {
  let j = 0;
  let cond = false;
  let neg = false;
  while (inner[j] === '?' || inner[j] === '!') { if (inner[j] === '?') cond = true; else neg = true; j++; }
  if (state.locals && j < inner.length && /[-0-9*#]/.test(inner[j])) {
    // %{-x} %{-x*} %{?-x:…} %{!?-x:…} %{1} %{?2:…} %{*}: the arguments of the macro being expanded.
    const m = /^(?:-\w\*?|\d+|\*\*|\*|#)/.exec(inner.slice(j));
    if (m) {
      const value = state.locals.get(m[0]);
      const rest = inner.slice(j + m[0].length);
      if (rest !== '' && rest[0] !== ':') { state.unresolved = true; return raw; }
      const defined = value !== undefined;
      if (rest[0] === ':') {
        if (!cond) { state.unresolved = true; return raw; }
        return (neg ? !defined : defined) ? expandText(rest.slice(1), depth + 1, state) : '';
      }
      if (neg) return '';
      return value ?? '';
    }
  }
  if (j >= inner.length || !isNameStart(inner.charCodeAt(j))) {
    state.unresolved = true;
    return raw;
  }
  let k = j + 1;
  while (k < inner.length && isNameChar(inner.charCodeAt(k))) k++;
  const name = inner.slice(j, k);
  const rest = inner.slice(k);
  if (rest === '') return expandReference(name, { cond, neg, raw }, depth, state);
  if (rest[0] === ':') return expandReference(name, { cond, neg, raw, arg: rest.slice(1) }, depth, state);
  if (/^\s/.test(rest)) return expandReference(name, { cond, neg, raw, args: rest.trim() }, depth, state);
  state.unresolved = true; // e.g. %{?dir/file} shorthands, odd names
  return raw;
}

const FUNCTIONS: Record<string, (arg: string) => string> = {
  basename: (a) => { const t = trimTrailingSlashes(a); return t === '' ? (a.startsWith('/') ? '/' : '') : t.slice(t.lastIndexOf('/') + 1); },
  dirname: (a) => { const t = trimTrailingSlashes(a); const s = t.lastIndexOf('/'); return s < 0 ? '.' : s === 0 ? '/' : t.slice(0, s); },
  suffix: (a) => { const base = a.slice(a.lastIndexOf('/') + 1); const d = base.lastIndexOf('.'); return d < 0 ? '' : base.slice(d + 1); },
  lower: (a) => a.toLowerCase(),
  upper: (a) => a.toUpperCase(),
  len: (a) => String([...a].length),
  shrink: (a) => a.trim().replace(/\s+/g, ' '),
};

function expandReference(name: string, form: RefForm, depth: number, state: State): string {
  if (++state.steps > MAX_STEPS || depth >= state.maxDepth) {
    state.unresolved = true;
    if (state.steps > MAX_STEPS) state.exhausted = true;
    return form.raw;
  }
  // Built-in functions `%{name:arg}` (not the conditional form, where ':' introduces the value).
  if (form.arg !== undefined && !form.cond && !form.neg) {
    if (name === 'lua') {
      state.unresolved = true;
      return pureLuaIdiom(form.arg, depth, state) ?? form.raw;
    }
    const ownDefined = state.spec.has(name);
    if (!ownDefined) {
      if (name === 'expand') {
        const once = expandText(form.arg, depth + 1, state);
        return expandText(once, depth + 1, state);
      }
      const f = FUNCTIONS[name];
      if (f) return f(expandText(form.arg, depth + 1, state));
      if (name === 'defined' || name === 'undefined') {
        const target = form.arg.trim();
        noteUse(target, state);
        const isDef = resolve(target, state) !== undefined;
        return (name === 'defined') === isDef ? '1' : '0';
      }
      state.unresolved = true; // getenv, echo, exists, …: not evaluated statically
      return form.raw;
    }
  }
  if (name === 'lua') {
    state.unresolved = true;
    return (form.arg !== undefined ? pureLuaIdiom(form.arg, depth, state) : undefined) ?? form.raw;
  }
  noteUse(name, state);
  // %{with NAME} / %{without NAME}
  if (form.args !== undefined && !form.cond && (name === 'with' || name === 'without') && !state.spec.has(name)) {
    const flag = form.args.split(/\s+/)[0];
    noteUse(`with_${flag}`, state);
    const on = resolve(`with_${flag}`, state) !== undefined;
    if (!on && state.literalUndefined) noteUndefined(`with_${flag}`, state);
    return (name === 'with') === on ? '1' : '0';
  }
  // %{defined NAME} / %{undefined NAME} (rpm ≥ 4.17)
  if (form.args !== undefined && !form.cond && (name === 'defined' || name === 'undefined') && !state.spec.has(name)) {
    const target = form.args.split(/\s+/)[0];
    noteUse(target, state);
    const isDef = resolve(target, state) !== undefined;
    if (!isDef && state.literalUndefined) noteUndefined(target, state);
    return (name === 'defined') === isDef ? '1' : '0';
  }
  const keepLiteral = state.keep?.has(name) && !state.spec.has(name);
  const r = keepLiteral ? undefined : resolve(name, state);
  if (form.cond) {
    const defined = r !== undefined;
    if (!defined && state.literalUndefined) noteUndefined(name, state);
    const take = form.neg ? !defined : defined;
    if (form.arg !== undefined) return take ? expandText(form.arg, depth + 1, state) : '';
    if (!take || form.neg) return '';
    // %{?name}: the value when defined
  } else if (form.neg) {
    // `%{!name}` is not a valid form: leave it.
    state.unresolved = true;
    return form.raw;
  }
  if (keepLiteral) return form.raw;
  if (r === undefined && state.literalUndefined) {
    noteUndefined(name, state);
    // rpm leaves an undefined macro as written, with the macros in its arguments expanded.
    if (form.args !== undefined && form.raw.startsWith('%{')) return `%{${name} ${expandText(form.args, depth + 1, state)}}`;
    return form.raw;
  }
  if (r !== undefined && r.kind === 'function' && form.cond && form.arg === undefined) return callFunction(name, r, form.args ?? '', depth, state);
  if (r === undefined || r.kind === 'opaque' || r.kind === 'parametric') {
    state.unresolved = true;
    return form.raw;
  }
  if (form.args !== undefined && r.kind !== 'function') {
    // A simple macro called with arguments: rpm ignores them; we do the same but flag it.
    state.unresolved = true;
  }
  if (r.kind === 'value') return r.value;
  if (r.kind === 'function') return callFunction(name, r, form.args ?? '', depth, state);
  return expandText(r.body, depth + 1, state);
}

/**
 * Best guesses for shell one-liners that only compute text from their (already expanded) input:
 * `c=VALUE; echo ${c:0:7}`, `echo VALUE | cut -d. -f1-2`, `tr - _ <<< VALUE`. Nothing is run.
 */
function pureShellIdiom(body: string): string | undefined {
  // The idioms are short one-liners; their patterns are polynomial on long blank runs (a 620-character
  // `echo … | cut -d …` line took 97 s before the cut idiom was parsed by hand).
  if (body.length > MAX_IDIOM_LENGTH) return undefined;
  const sub = /^\s*(\w+)=("?)([^;"]*)\2\s*;\s*echo\s+\$\{\1:(\d+)(?::(\d+))?\}\s*$/.exec(body);
  if (sub) return sub[3].substr(Number(sub[4]), sub[5] === undefined ? undefined : Number(sub[5]));
  const cut = echoCut(body);
  if (cut) {
    const parts = cut[1].trim().split(cut[2]);
    const from = Number(cut[3]);
    const to = cut[4] === undefined ? from : Number(cut[4]);
    return parts.slice(from - 1, to).join(cut[2]);
  }
  const tr = /^\s*(?:tr\s+(\S)\s+(\S)\s+<<<\s*"?([^"]*?)"?|echo\s+"?([^|"]*?)"?\s*\|\s*tr\s+'?(\S)'?\s+'?(\S)'?)\s*$/.exec(body);
  if (tr) {
    const [from, to, value] = tr[1] !== undefined ? [tr[1], tr[2], tr[3]] : [tr[5], tr[6], tr[4]];
    return value.trim().split(from).join(to);
  }
  return undefined;
}

const MAX_IDIOM_LENGTH = 512;

/**
 * `echo VALUE | cut -d D -f N[-M]` as [, VALUE, D, N, M]: split at the pipe and read each side
 * in order (one regex for the whole line backtracked in four places: degree 4).
 */
function echoCut(body: string): [string, string, string, string, string | undefined] | undefined {
  const pipe = body.indexOf('|');
  if (pipe < 0) return undefined;
  const left = /^\s*echo\s(.*)$/s.exec(body.slice(0, pipe));
  if (!left) return undefined;
  let value = left[1].trim();
  if (value.startsWith('"')) value = value.slice(1);
  if (value.endsWith('"')) value = value.slice(0, -1);
  if (value.includes('"')) return undefined;
  const right = /^\s*cut\s+-d/.exec(body.slice(pipe + 1));
  if (!right) return undefined;
  let rest = body.slice(pipe + 1 + right[0].length).trimStart();
  if (rest.startsWith("'") || rest.startsWith('"')) rest = rest.slice(1);
  if (rest === '') return undefined;
  const delimiter = rest[0];
  rest = rest.slice(1);
  if (rest.startsWith("'") || rest.startsWith('"')) rest = rest.slice(1);
  if (rest.startsWith('"')) rest = rest.slice(1);
  const fields = /^\s+-f\s*(\d+)(?:-(\d+))?\s*$/.exec(rest);
  return fields ? [body, value, delimiter, fields[1], fields[2]] : undefined;
}

/** Best guesses for Lua one-liners over macro values: `print(macros.x:sub(1,7))`, `string.gsub(rpm.expand("%{x}"), "-", "~")`. */
function pureLuaIdiom(code: string, depth: number, state: State): string | undefined {
  if (code.length > MAX_IDIOM_LENGTH) return undefined;
  const value = (name: string) => {
    const v = expandText(`%{${name}}`, depth + 1, state);
    return v.startsWith('%') ? undefined : v;
  };
  const sub = /^\s*print\(\s*macros\.(\w+):sub\(\s*(\d+)\s*,\s*(\d+)\s*\)\s*\)\s*$/.exec(code);
  if (sub) return value(sub[1])?.slice(Number(sub[2]) - 1, Number(sub[3]));
  const gsub = /^\s*(\w+)\s*=\s*string\.gsub\(\s*rpm\.expand\(\s*"%\{(\w+)\}"\s*\)\s*,\s*"([^"%]*)"\s*,\s*"([^"%]*)"\s*\)\s*;?\s*print\(\s*\1\s*\)\s*$/.exec(code);
  if (gsub && gsub[3]) return value(gsub[2])?.split(gsub[3]).join(gsub[4]);
  return undefined;
}

/**
 * Expands a parametric macro the spec defines (`%define name(opts) body`) with its arguments, as
 * rpm does: the arguments are expanded, options parsed with the option string (GNU getopt: an
 * option after a plain argument still counts, `%foo 1 -m 2` sets -m, checked with rpm 4.18; `--`
 * ends the options), then the body sees %0, %1…, %*, %**, %#, %{-x} and %{-x*}.
 */
function callFunction(name: string, fn: { body: string; options: string }, rawArgs: string, depth: number, state: State): string {
  const args = expandText(rawArgs, depth + 1, state).split(/\s+/).filter(Boolean);
  const locals = new Map<string, string>([['0', name], ['**', args.join(' ')]]);
  const positional: string[] = [];
  let k = 0;
  for (; k < args.length; k++) {
    const a = args[k];
    if (a === '--') { k++; break; }
    if (!a.startsWith('-') || a.length < 2) { positional.push(a); continue; }
    for (let c = 1; c < a.length; c++) {
      const at = fn.options.indexOf(a[c]);
      if (at < 0 || a[c] === ':') { state.unresolved = true; return `%{${name}${rawArgs ? ` ${rawArgs}` : ''}}`; }
      if (fn.options[at + 1] === ':') {
        const value = c + 1 < a.length ? a.slice(c + 1) : args[++k];
        if (value === undefined) { state.unresolved = true; return `%{${name}${rawArgs ? ` ${rawArgs}` : ''}}`; }
        locals.set(`-${a[c]}`, `-${a[c]} ${value}`);
        locals.set(`-${a[c]}*`, value);
        break;
      }
      locals.set(`-${a[c]}`, `-${a[c]}`);
    }
  }
  positional.push(...args.slice(k));
  positional.forEach((p, n) => locals.set(String(n + 1), p));
  locals.set('*', positional.join(' '));
  locals.set('#', String(positional.length));
  const outer = state.locals;
  state.locals = locals;
  try {
    return expandText(fn.body, depth + 1, state);
  } finally {
    state.locals = outer;
  }
}
