// Where a spec defines and uses macros, and which names are known without the spec (the catalog,
// rpm's own macros, built-ins). Shared by undefined-macro, unused-macro and define-instead-of-global.
import { allMacros, lookupMacro } from '../catalog/index';
import type { SpecDocument } from './ast';
import { BUILTIN_MACRO_NAMES, RPM_MACRO_NAMES, TAG_MACRO_NAMES } from './macroNames';

const GLOBAL_KNOWN = new Set<string>([...RPM_MACRO_NAMES, ...BUILTIN_MACRO_NAMES, ...TAG_MACRO_NAMES]);

/** Known without the spec: catalog entry, rpm's own macro, built-in or tag macro. The one place to switch lookups. */
export function isKnownMacro(name: string): boolean {
  return GLOBAL_KNOWN.has(name) || lookupMacro(name) !== undefined || /^(?:SOURCE|PATCH)\d+$/.test(name);
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
  // Definitions rpm only sees at expansion time: `%{expand:%%global x …}`, `%global x` inside a body.
  const re = /%%?(?:define|global)\s+([A-Za-z_][A-Za-z0-9_]*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(doc.text))) names.add(m[1]);
  const lua = /\brpm\.define\(\s*["']([A-Za-z_][A-Za-z0-9_]*)/g;
  while ((m = lua.exec(doc.text))) names.add(m[1]);
  const luaMacros = /\bmacros\.([A-Za-z_][A-Za-z0-9_]*)\s*=|\bmacros\[\s*["']([A-Za-z_][A-Za-z0-9_]*)["']\s*\]\s*=/g;
  while ((m = luaMacros.exec(doc.text))) names.add(m[1] ?? m[2]);
  return names;
}

