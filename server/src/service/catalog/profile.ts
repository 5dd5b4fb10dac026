// A profile: one distribution release plus the project's own macros (specwright.json `define`
// and `macroFiles`, `--define` on the command line). Everything that reads macro values reads a
// profile, so a project's `macros.*` files are known to hover, conditions and the undefined-macro
// check alike. Macro files are read statically, as rpm reads them, and never executed.
import type { DistroId } from '../types';
import { findRelease, NEWEST, releaseOf, type Release } from './releases';

/** A macro the project defines outside the spec. */
export interface UserMacro {
  name: string;
  /** The body as written (continuation backslashes removed); expanded at each use, like %define. */
  body: string;
  /** Option string of a parametric macro (`%name(a:b) body` → `a:b`). */
  parameters?: string;
  /** Where it comes from, for hover: `macros.foo line 3`, `specwright.json "define"`, `--define`. */
  origin: string;
}

export interface Profile {
  readonly family: DistroId;
  readonly release: Release;
  /** Project macros in load order (a later one wins, as rpm's last definition does). */
  readonly macros: readonly UserMacro[];
  /** Cache key: the release and the project macros. */
  readonly key: string;
}

/** A profile, a release, or a profile name (`fedora`, `fedora-44`, …). */
export type ProfileLike = string | Release | Profile;

function isProfile(x: ProfileLike): x is Profile {
  return typeof x !== 'string' && 'release' in x;
}

const plain = new Map<string, Profile>();

/** The profile of a release or name, with the given project macros. */
export function makeProfile(release: string | Release, macros: readonly UserMacro[] = []): Profile {
  const r = releaseOf(release);
  if (macros.length === 0) {
    let p = plain.get(r.id);
    if (!p) plain.set(r.id, (p = { family: r.family, release: r, macros: [], key: r.id }));
    return p;
  }
  const key = `${r.id}\u0000${macros.map((m) => `${m.name}(${m.parameters ?? ''})=${m.body}`).join('\u0001')}`;
  return { family: r.family, release: r, macros, key };
}

/** The profile a name, release or profile stands for (unknown names: generic rpm). */
export function profileOf(x: ProfileLike): Profile {
  return isProfile(x) ? x : makeProfile(x);
}

/** The family of a profile name, release or profile. */
export function familyOf(x: ProfileLike): DistroId {
  if (typeof x === 'string') return (findRelease(x) ?? NEWEST.generic).family;
  return x.family;
}

/** Whether a profile name is known (family, release id or alias). */
export function isProfileName(name: string): boolean {
  return findRelease(name) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Macro files, read as rpm's loader reads them: a definition starts at a line whose first
// non-blank character is `%`; a trailing backslash continues it on the next line, and so does an
// open `%{`/`%(` whose closing bracket is on a later line; other lines are ignored.

export interface MacroFileResult {
  macros: UserMacro[];
  /** Lines that start like a definition but are not one (each a sentence with the line number). */
  problems: string[];
}

const DEFINITION = /^%([A-Za-z_]\w*)(\(([^)]*)\))?(?:[ \t]+([\s\S]*))?$/;

/** The definitions of a macro file; `label` names it in origins and problems. */
export function parseMacroFile(text: string, label: string): MacroFileResult {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const macros: UserMacro[] = [];
  const problems: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let logical = lines[i].replace(/^[ \t]+/, '');
    if (!logical.startsWith('%')) continue;
    // Join continuation lines: trailing backslash, or brackets still open.
    for (;;) {
      const open = openBrackets(logical);
      const backslash = /\\$/.test(logical);
      if ((!backslash && open <= 0) || i + 1 >= lines.length) break;
      logical = backslash ? `${logical.slice(0, -1)}\n${lines[++i]}` : `${logical}\n${lines[++i]}`;
    }
    const m = DEFINITION.exec(logical);
    if (!m) {
      problems.push(`${label} line ${first + 1}: not a macro definition (expected %name body)`);
      continue;
    }
    const body = (m[4] ?? '').trim();
    macros.push({ name: m[1], body, ...(m[2] !== undefined ? { parameters: m[3] } : {}), origin: `${label} line ${first + 1}` });
  }
  return { macros, problems };
}

/** `%{` and `%(` opened and not closed in the text (brackets counted from each opener). */
function openBrackets(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') { i++; continue; }
    if (c === '%' && (text[i + 1] === '{' || text[i + 1] === '(')) { depth++; i++; continue; }
    if (depth > 0 && (c === '{' || c === '(')) depth++;
    else if (depth > 0 && (c === '}' || c === ')')) depth--;
  }
  return depth;
}

/** `NAME=VALUE` or `NAME VALUE` (as `--define` takes it) to a user macro; undefined when malformed. */
export function parseDefine(text: string, origin: string): UserMacro | undefined {
  const m = /^\s*%?([A-Za-z_]\w*)(\(([^)]*)\))?(?:\s*=\s*|\s+)([\s\S]*)$/.exec(text) ?? /^\s*%?([A-Za-z_]\w*)()()\s*$/.exec(text);
  if (!m) return undefined;
  return { name: m[1], body: (m[4] ?? '').trim(), ...(m[2] ? { parameters: m[3] } : {}), origin };
}
