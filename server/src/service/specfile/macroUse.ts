// Where a spec defines and uses macros, and which names are known without the spec (the catalog,
// rpm's own macros, built-ins). Shared by undefined-macro, unused-macro and define-instead-of-global.
import { allMacros, lookupMacro } from '../catalog/index';
import type { SpecDocument } from './ast';
import { BUILTIN_MACRO_NAMES, RPM_MACRO_NAMES, TAG_MACRO_NAMES } from './macroNames';

const GLOBAL_KNOWN = new Set<string>([...RPM_MACRO_NAMES, ...BUILTIN_MACRO_NAMES, ...TAG_MACRO_NAMES]);

/** Known without the spec: catalog entry, rpm's own macro, built-in or tag macro. The one place to switch lookups. */
export function isKnownMacro(name: string): boolean {
  if (GLOBAL_KNOWN.has(name) || lookupMacro(name) !== undefined) return true;
  // `SOURCE12`, `PATCH3`: the pattern only for a name that ends in a digit (most unknown names do not).
  const last = name.charCodeAt(name.length - 1);
  return last >= 48 && last <= 57 && /^(?:SOURCE|PATCH)\d+$/.test(name);
}

/** Every known name, for did-you-mean suggestions. */
let knownList: string[] | undefined;
export function knownMacroNames(): string[] {
  if (!knownList) {
    const set = new Set(GLOBAL_KNOWN);
    for (const m of allMacros()) set.add(m.name);
    knownList = [...set];
  }
  return knownList;
}

/** After `%define`/`%global`: blanks, then the name. */
const DEFINED_NAME = /\s+([A-Za-z_][A-Za-z0-9_]*)/y;
/** After Lua's `rpm.define(`: the quoted name. */
const LUA_DEFINED_NAME = /\s*["']([A-Za-z_][A-Za-z0-9_]*)/y;
/** After Lua's `macros`: `.name =` or `["name"] =`. */
const LUA_MACROS_ASSIGNMENT = /\.([A-Za-z_][A-Za-z0-9_]*)\s*=|\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]\s*=/y;

/** A character of `\w` (what `\b` tests). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Names the spec defines: %define/%global, %bcond (with_x/without_x), tags, and definitions made in %{lua:}/%{expand:} text. */
export function specDefinedNames(doc: SpecDocument): Set<string> {
  const names = new Set<string>();
  for (const d of doc.macroDefinitions) names.add(d.name);
  for (const b of doc.buildConditionals) {
    names.add(`with_${b.name}`);
    names.add(`without_${b.name}`);
  }
  for (const t of doc.tags) {
    names.add(t.key);
    if (t.number !== undefined) names.add(`${t.key.toUpperCase()}${t.number}`);
  }
  // Definitions rpm only sees at expansion time: `%{expand:%%global x …}`, `%global x` inside a
  // body, Lua's `rpm.define("x …")`. Each form is found from its keyword with indexOf, then read
  // with a sticky pattern there (a pattern over the whole text tried a match at every `%`); one
  // search for `define` finds both `%define` and `rpm.define(`.
  const text = doc.text;
  for (const keyword of ['define', 'global']) {
    for (let at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
      let name: RegExp;
      if (text.charCodeAt(at - 1) === 37 /* % */) {
        // `%define x`, `%%global x`: the name after the blanks.
        name = DEFINED_NAME;
        name.lastIndex = at + keyword.length;
      } else if (keyword === 'define' && at >= 4 && text.startsWith('rpm.', at - 4) && text.charCodeAt(at + 6) === 40 /* ( */ && !(at > 4 && isWordChar(text.charCodeAt(at - 5)))) {
        name = LUA_DEFINED_NAME;
        name.lastIndex = at + 'define('.length;
      } else continue;
      const m = name.exec(text);
      if (m) names.add(m[1]);
    }
  }
  for (let at = text.indexOf('macros'); at >= 0; at = text.indexOf('macros', at + 1)) {
    if (at > 0 && isWordChar(text.charCodeAt(at - 1))) continue;
    LUA_MACROS_ASSIGNMENT.lastIndex = at + 'macros'.length;
    const m = LUA_MACROS_ASSIGNMENT.exec(text);
    if (m) names.add(m[1] ?? m[2]);
  }
  return names;
}

