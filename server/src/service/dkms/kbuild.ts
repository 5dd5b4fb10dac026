// What a Kbuild file or kernel-module Makefile beside a dkms.conf builds, read statically: the
// module objects of `obj-m` (and `obj-$(CONFIG_…)`, which a DKMS Makefile usually sets to m), and
// the sub-folders it descends into. Only what resolves simply (literal names, variables assigned
// once in the same file); everything else makes the result incomplete, so callers stay silent.

import { trimTrailingSlashes } from '../text/trim';

export interface KbuildModule {
  /** The module's name (`foo` for `foo.o`). */
  name: string;
  /** Folder prefix written with it (`sub/` for `sub/foo.o`), '' when none. */
  dir: string;
  /** 0-based line of the obj-m assignment. */
  line: number;
}

export interface KbuildInfo {
  modules: KbuildModule[];
  /** Sub-folders named in obj-m/obj-y (`obj-m += src/`), without the trailing slash. */
  subdirs: string[];
  /** Number of obj-m/obj-y/obj-$(…) assignments read. */
  assignments: number;
  /** False when some entry or the file itself could not be read for certain (unknown variable, include, $(shell …)). */
  complete: boolean;
  /** Recipe lines (tab-indented) by target, for what a make target runs. */
  recipes: Map<string, { line: number; text: string }[]>;
  /** Prerequisites by target (as written; variables not expanded). */
  prerequisites: Map<string, string[]>;
  /** The first target that does not start with a dot (make's default goal), if any. */
  defaultGoal?: string;
}

interface LogicalLine {
  text: string;
  line: number;
}

/** Lines joined at backslash-newline, with comments removed (recipe lines keep theirs: the shell reads them). */
function logicalLines(text: string): LogicalLine[] {
  const raw = text.split(/\r?\n/);
  const out: LogicalLine[] = [];
  for (let i = 0; i < raw.length; i++) {
    const first = i;
    let joined = raw[i];
    while (joined.endsWith('\\') && i + 1 < raw.length) joined = `${joined.slice(0, -1)} ${raw[++i]}`;
    out.push({ text: joined.startsWith('\t') ? joined : withoutComment(joined), line: first });
  }
  return out;
}

/** The line up to its first `#` that is not escaped as `\#` (a loop: the regex form was quadratic on runs of `\#`). */
function withoutComment(line: string): string {
  for (let i = line.indexOf('#'); i >= 0; i = line.indexOf('#', i + 1)) {
    if (i === 0 || line[i - 1] !== '\\') return line.slice(0, i);
  }
  return line;
}

const ASSIGN = /^\s*(?:override\s+|export\s+)*([A-Za-z_][A-Za-z0-9_.-]*|obj-\$[({][A-Za-z0-9_]+[)}])\s*(\+=|:=|::=|\?=|=)\s*(.*)$/;
const OBJ_NAME = /^obj-(?:m|y|\$[({][A-Za-z0-9_]+[)}])$/;

/**
 * Reads a Kbuild/Makefile. `overridden`: variables the make command line sets (`make FOO=bar`),
 * whose values in the file do not count.
 */
export function readKbuild(text: string, overridden: ReadonlySet<string> = new Set()): KbuildInfo {
  const info: KbuildInfo = { modules: [], subdirs: [], assignments: 0, complete: true, recipes: new Map(), prerequisites: new Map() };
  const definitions = new Map<string, string[]>();
  const objLines: { name: string; value: string; line: number }[] = [];
  let target: string | undefined;
  for (const l of logicalLines(text)) {
    if (l.text.startsWith('\t')) {
      if (target !== undefined) info.recipes.get(target)?.push({ line: l.line, text: l.text.slice(1) });
      continue;
    }
    if (/^\s*-?include\b|^\s*sinclude\b/.test(l.text)) info.complete = false;
    const a = ASSIGN.exec(l.text);
    if (a) {
      target = undefined;
      if (OBJ_NAME.test(a[1])) objLines.push({ name: a[1], value: a[3], line: l.line });
      else {
        const list = definitions.get(a[1]) ?? [];
        // `+=` adds to the value: not a single definition any more
        list.push(a[2] === '+=' ? '\u0000' : a[3].trim());
        definitions.set(a[1], list);
      }
      continue;
    }
    // a rule: `target [target…]: prerequisites` (not `a := b`, handled above)
    const rule = /^([^\s:=#][^:=]*?)\s*::?(?!=)(.*)$/.exec(l.text);
    if (rule) {
      const targets = rule[1].trim().split(/\s+/);
      target = targets[0];
      for (const t of targets) if (!info.recipes.has(t)) info.recipes.set(t, []);
      const prereqs = rule[2].split(';')[0].split(/\s+/).filter((w) => w !== '' && w !== '|');
      for (const t of targets) info.prerequisites.set(t, [...(info.prerequisites.get(t) ?? []), ...prereqs]);
      if (info.defaultGoal === undefined && !target.startsWith('.') && !target.includes('%') && !target.includes('$')) info.defaultGoal = target;
      // `target: ; command`
      const semi = rule[2].indexOf(';');
      if (semi >= 0) info.recipes.get(target)?.push({ line: l.line, text: rule[2].slice(semi + 1) });
      continue;
    }
    if (l.text.trim() !== '' && !/^\s*(ifeq|ifneq|ifdef|ifndef|else|endif|define|endef|export|unexport|vpath|\$\(error|\$\(warning|\$\(info)\b/.test(l.text)) target = undefined;
  }
  const resolve = (value: string, depth: number): string | undefined => {
    if (depth > 8) return undefined;
    let ok = true;
    const out = value.replace(/\$(?:\(([^()]*)\)|\{([^{}]*)\})/g, (_, p: string | undefined, b: string | undefined) => {
      const name = (p ?? b ?? '').trim();
      const defs = definitions.get(name);
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) || overridden.has(name) || !defs || defs.length !== 1 || defs[0] === '\u0000') {
        ok = false;
        return '';
      }
      const inner = resolve(defs[0], depth + 1);
      if (inner === undefined) ok = false;
      return inner ?? '';
    });
    return ok && !out.includes('$') ? out : undefined;
  };
  for (const o of objLines) {
    info.assignments++;
    const value = resolve(o.value, 0);
    if (value === undefined) {
      info.complete = false;
      continue;
    }
    for (const word of value.split(/\s+/).filter((w) => w !== '')) {
      const dir = /^(.*\/)?([^/]+)$/.exec(word)!;
      if (word.endsWith('/')) info.subdirs.push(trimTrailingSlashes(word));
      else if (word.endsWith('.o') && o.name !== 'obj-y') info.modules.push({ name: dir[2].slice(0, -2), dir: dir[1] ?? '', line: o.line });
      else if (!word.endsWith('.o')) info.complete = false;
    }
  }
  return info;
}
