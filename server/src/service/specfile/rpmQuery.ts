// What `rpmspec -q` would say about a spec, read statically from the definition model
// (macroScope): name, EVR, sources, global sections, dependencies, packages, changelog.
// Facts in false arms are left out; facts that rest on an unknown arm, `%(…)`, `%{lua:…}` or a
// macro the catalog does not know are still given (best guess) and their JSON pointers listed
// in `uncertain`.
import type { ProfileLike } from '../catalog/profile';
import type { Section, SpecDocument, Tag } from './ast';
import { parseDependencies } from './dependencies';
import { numberSources, rawSourceEntries } from './sources';
import { scopeOf, type ConditionState, type MacroScope, type ScopeOptions } from './macroScope';
import { appendAll } from '../text/arrays';

export interface QueryDependency {
  name: string;
  op?: string;
  version?: string;
}

export interface QuerySource {
  kind: 'source' | 'patch';
  number: number;
  file: string;
}

export const PACKAGE_DEPENDENCY_FIELDS = ['requires', 'provides', 'conflicts', 'obsoletes', 'recommends', 'suggests', 'supplements', 'enhances'] as const;
export type PackageDependencyField = (typeof PACKAGE_DEPENDENCY_FIELDS)[number];

export interface QueryPackage extends Record<PackageDependencyField, QueryDependency[]> {
  name: string;
  summary: string | null;
  scriptlets: string[];
  hasFiles: boolean;
}

export interface QueryChangelogEntry {
  date: string | null;
  author: string | null;
  evr: string | null;
}

export interface SpecQuery {
  name: string | null;
  epoch: string | null;
  version: string | null;
  release: string | null;
  sources: QuerySource[];
  sections: string[];
  buildRequires: QueryDependency[];
  packages: QueryPackage[];
  changelog: QueryChangelogEntry[];
  /** RFC 6901 pointers of the values that are best guesses. */
  uncertain: string[];
}

/** The global build sections (rpm runs them for the whole source package). */
const GLOBAL_SECTIONS = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean']);

/** Tag key → package field. Old spellings count as rpm counts them. */
const DEPENDENCY_FIELD: Record<string, PackageDependencyField | 'buildRequires'> = {
  requires: 'requires', prereq: 'requires', provides: 'provides', conflicts: 'conflicts', obsoletes: 'obsoletes',
  recommends: 'recommends', suggests: 'suggests', supplements: 'supplements', enhances: 'enhances',
  buildrequires: 'buildRequires', buildprereq: 'buildRequires',
};

export function querySpec(doc: SpecDocument, distro: ProfileLike, options?: ScopeOptions): SpecQuery {
  const scope = scopeOf(doc, distro, options);
  const uncertain = new Set<string>();
  const live = (c: ConditionState) => !c.dead && c.taken;

  const value = (tag: Tag | undefined, pointer: string): string | null => {
    if (!tag) return null;
    const c = scope.condition(tag.conditionalPath);
    const x = scope.expand(tag.value, tag.start);
    if (c.uncertain || x.uncertain) uncertain.add(pointer);
    return x.text.trim();
  };
  const mainTag = (key: string) => doc.tags.find((t) => t.key === key && t.packageIndex === 0 && live(scope.condition(t.conditionalPath)));
  const name = value(mainTag('name'), '/name');
  const epoch = value(mainTag('epoch'), '/epoch');
  const version = value(mainTag('version'), '/version');
  const release = value(mainTag('release'), '/release');

  const sources = readSources(doc, scope, live, uncertain);

  const sections: string[] = [];
  for (const s of doc.sections) {
    if (!GLOBAL_SECTIONS.has(s.kind)) continue;
    const c = scope.condition(s.conditionalPath);
    if (!live(c)) continue;
    if (c.uncertain) uncertain.add('/sections');
    if (!sections.includes(s.kind)) sections.push(s.kind);
  }

  // Packages: the main one, then every %package in a live arm, named as rpm names them.
  const packages: QueryPackage[] = [];
  const packageOf = new Map<number, number>();
  const emptyPackage = (pkgName: string): QueryPackage => ({
    name: pkgName, summary: null, requires: [], provides: [], conflicts: [], obsoletes: [], recommends: [], suggests: [], supplements: [], enhances: [], scriptlets: [], hasFiles: false,
  });
  packages.push(emptyPackage(name ?? ''));
  packageOf.set(0, 0);
  doc.packages.forEach((p, k) => {
    if (k === 0 || !p.section) return;
    const c = scope.condition(p.section.conditionalPath);
    if (!live(c)) return;
    const n = sectionPackageName(scope, p.section, doc);
    if (c.uncertain) uncertain.add('/packages');
    const index = packages.length;
    if (n.uncertain) uncertain.add(`/packages/${index}/name`);
    packageOf.set(k, index);
    packages.push(emptyPackage(n.name));
  });

  const buildRequires: QueryDependency[] = [];
  const summaries = new Set<number>();
  const addTag = (key: string, qualifier: string | undefined, text: string, target: number, unsure: boolean) => {
    const field = DEPENDENCY_FIELD[key];
    if (!field) return;
    // rpm keeps Requires(interp)/Requires(rpmlib) out of the package's requirements.
    if (field === 'requires' && qualifier && /\b(?:interp|rpmlib)\b/.test(qualifier)) return;
    const deps = queryDependencies(text);
    if (field === 'buildRequires') {
      appendAll(buildRequires, deps);
      if (unsure) uncertain.add('/buildRequires');
    } else {
      appendAll(packages[target][field], deps);
      if (unsure) uncertain.add(`/packages/${target}/${field}`);
    }
  };
  interface Fact { offset: number; run: () => void }
  const facts: Fact[] = [];
  for (const t of doc.tags) {
    const c = scope.condition(t.conditionalPath);
    if (!live(c)) continue;
    const target = packageOf.get(t.packageIndex);
    if (target === undefined) continue;
    facts.push({
      offset: t.start,
      run: () => {
        if (t.key === 'summary') {
          if (summaries.has(target)) return;
          summaries.add(target);
          packages[target].summary = value(t, `/packages/${target}/summary`);
          return;
        }
        if (!DEPENDENCY_FIELD[t.key]) return;
        const x = scope.expand(t.value, t.start);
        addTag(t.key, t.qualifier, x.text, target, c.uncertain || x.uncertain);
      },
    });
  }
  // A line-start macro call rpm expands before it reads the line: `%{?with_x:BuildRequires: foo}`
  // is a tag when the macro expands to one; one that cannot be expanded (Lua, shell, a macro
  // Specwright does not know) may add packages, sources or dependencies.
  for (let line = 0; line < doc.lineKinds.length; line++) {
    if (doc.lineKinds[line] !== 'macro-line') continue;
    const section = doc.sections[doc.lineSection[line]];
    const c = scope.lineCondition(line);
    if (!section || !live(c) || SHELL_BODIES.has(section.kind)) continue;
    const start = doc.lines.lineStarts[line];
    const ref = doc.macroReferences.find((r) => r.start >= start && r.depth === 0 && r.start <= start + 4);
    const end = ref ? Math.max(ref.end, doc.lines.lineEnd(line)) : doc.lines.lineEnd(line);
    const raw = doc.text.slice(start, end);
    const x = scope.expand(raw, start);
    if (x.uncertain) {
      if (/package/i.test(raw) || ref?.name === 'lua' || !/^\s*%\{[?!]/.test(raw)) {
        uncertain.add('/packages');
        uncertain.add('/sources');
        uncertain.add('/buildRequires');
      }
    }
    if (section.kind !== 'preamble' && section.kind !== 'package') continue;
    const target = packageOf.get(section.packageIndex);
    if (target === undefined) continue;
    for (const out of x.text.split('\n')) {
      const m = /^[ \t]*([A-Za-z][A-Za-z0-9_]*)[ \t]*(?:\(([^)]*)\))?[ \t]*:[ \t]*(.*)$/.exec(out);
      if (!m) continue;
      const key = m[1].toLowerCase();
      if (!DEPENDENCY_FIELD[key]) continue;
      facts.push({ offset: start, run: () => addTag(key, m[2], m[3], target, c.uncertain || x.uncertain) });
    }
  }
  facts.sort((a, b) => a.offset - b.offset);
  for (const f of facts) f.run();

  // Scriptlets and %files go to the package their -n/suffix names (expanded).
  const byName = new Map(packages.map((p, k) => [p.name, k]));
  for (const s of doc.sections) {
    if (s.kind !== 'scriptlet' && s.kind !== 'trigger' && s.kind !== 'filetrigger' && s.kind !== 'files') continue;
    const c = scope.condition(s.conditionalPath);
    if (!live(c)) continue;
    let target: number | undefined;
    if (s.nameOption === undefined && s.target === undefined) target = 0;
    else target = byName.get(sectionPackageName(scope, s, doc).name) ?? packageOf.get(s.packageIndex);
    if (target === undefined) continue;
    const field = s.kind === 'files' ? 'hasFiles' : 'scriptlets';
    if (c.uncertain) uncertain.add(`/packages/${target}/${field}`);
    if (s.kind === 'files') packages[target].hasFiles = true;
    else if (!packages[target].scriptlets.includes(s.name)) packages[target].scriptlets.push(s.name);
  }

  const changelog: QueryChangelogEntry[] = [];
  for (const e of doc.changelog) {
    if (!live(scope.lineCondition(e.line))) continue;
    changelog.push({
      date: e.date ? e.date.toISOString().slice(0, 10) : null,
      author: e.author !== undefined ? (e.email !== undefined ? `${e.author} <${e.email}>`.trim() : e.author) : null,
      evr: e.evr ?? null,
    });
  }

  return { name, epoch, version, release, sources, sections, buildRequires, packages, changelog, uncertain: [...uncertain] };
}

/** Sections whose body rpm runs as a script: line-start macros there are commands, not tags. */
const SHELL_BODIES = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean', 'scriptlet', 'trigger', 'filetrigger']);

/** A dependency list as rpm reads it after expansion: a rich dependency's blanks are collapsed as rpm prints it. */
function queryDependencies(text: string): QueryDependency[] {
  const out: QueryDependency[] = [];
  for (const d of parseDependencies(text, 0)) {
    const name = d.rich ? d.name.replace(/\s+/g, ' ').replace(/\(\s+/g, '(').replace(/\s+\)/g, ')') : d.name;
    out.push({ name, ...(d.operator ? { op: d.operator === '==' ? '=' : d.operator } : {}), ...(d.version !== undefined ? { version: d.version } : {}) });
  }
  return out;
}

/** The full package name a `%package`/`%files`/scriptlet header names: `-n NAME` or `%{name}-SUFFIX`. */
export function sectionPackageName(scope: MacroScope, s: Section, doc: SpecDocument): { name: string; uncertain: boolean } {
  if (s.args.includes('%')) {
    // rpm expands the header line first: `%package %{?subpkg}` may hold `-n name`.
    const x = scope.expand(s.args, s.start);
    const words = x.text.trim().split(/\s+/).filter(Boolean);
    const n = words.indexOf('-n');
    if (n >= 0 && words[n + 1]) return { name: words[n + 1], uncertain: x.uncertain };
    const target = words.find((w, k) => !w.startsWith('-') && !(k > 0 && /^-[fp]$/.test(words[k - 1])));
    if (target !== undefined && s.kind !== 'package') {
      const main = scope.lookup('name', s.start);
      return { name: `${main.entry?.value ?? doc.packages[0].name}-${target}`, uncertain: x.uncertain || main.uncertain };
    }
  }
  if (s.nameOption !== undefined) {
    const x = scope.expand(s.nameOption, s.start);
    return { name: x.text, uncertain: x.uncertain };
  }
  const main = scope.lookup('name', s.start);
  const suffix = scope.expand(s.target ?? '', s.start);
  const mainName = main.entry?.value ?? (doc.packages[0].name || '%{name}');
  return { name: `${mainName}-${suffix.text}`, uncertain: main.uncertain || suffix.uncertain || main.entry?.uncertain === true };
}

/** Source/Patch tags and %sourcelist/%patchlist lines in the arms rpm takes, numbered as rpm numbers them. */
function readSources(doc: SpecDocument, scope: MacroScope, live: (c: ConditionState) => boolean, uncertain: Set<string>): QuerySource[] {
  const taken = rawSourceEntries(doc).filter((e) => live(scope.lineCondition(e.line)));
  const out: QuerySource[] = [];
  for (const e of numberSources(taken)) {
    const x = scope.expand(e.value, e.valueSpan.start);
    const file = x.text.trim();
    if (!file) continue;
    if (scope.lineCondition(e.line).uncertain || x.uncertain) uncertain.add('/sources');
    out.push({ kind: e.kind, number: e.number, file });
  }
  return out;
}

/** `NAME-[EPOCH:]VERSION-RELEASE` of every package, like `rpmspec -q` (without the arch). */
export function queryNevrs(q: SpecQuery): string[] {
  const evr = `${q.epoch ? `${q.epoch}:` : ''}${q.version ?? ''}-${q.release ?? ''}`;
  return q.packages.map((p) => `${p.name}-${evr}`);
}
