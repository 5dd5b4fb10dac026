// The spec's one definition model: what rpm's macro table holds at each point of the file, and
// which `%if` arms rpm takes, for one distribution profile. Built by reading the parse in file
// order, as rpm reads a spec:
// - `%define NAME BODY` stores the body and expands it at each use; `%global` expands its body
//   once, where it is defined; `%undefine` pops the latest definition;
// - a use sees only the definitions above it;
// - the preamble tags Name, Version, Release, Epoch, Summary, License, URL… define %name,
//   %version… (and %NAME, %VERSION… for the main package) with their expanded value;
// - `%bcond_with x`, `%bcond_without x`, `%bcond x DEFAULT` define `with_x` as rpm's macros do;
// - `%{!?x:%define x v}` and `%{?x:%global y v}` define under their condition;
// - each `%if`/`%elif`/`%else` arm is true, false or unknown on the profile. `%ifarch` is unknown
//   (the profiles describe x86_64, which is kept as the best guess); `%ifos` is decided (Linux).
// Nothing is executed: `%(…)`, `%[…]` and `%{lua:…}` make a value unknown. A definition in an
// unknown arm is taken when that arm is the best guess, and every value that depends on it is
// marked uncertain; a definition in a false arm is dead.
import { expandMacros, isMacroDefined, lookupMacro } from '../catalog/index';
import type { MacroTable } from '../catalog/expand';
import { profileOf, type Profile, type ProfileLike, type UserMacro } from '../catalog/profile';
import type { Release } from '../catalog/releases';
import { evaluateExpression } from '../catalog/expression';
import { cachedPerParse } from '../perParse';
import type { DistroId } from '../types';
import type { BuildConditional, ConditionalBranch, ConditionalPath, MacroDefinition, MacroReference, SpecDocument, Tag } from './ast';

export type Truth = 'true' | 'false' | 'unknown';

export interface ArmState {
  truth: Truth;
  /** Best guess: rpm takes this arm (equal to truth === 'true' when the truth is known). */
  taken: boolean;
}

/** Where a fact sits: under which arms, as one summary. */
export interface ConditionState {
  /** Inside an arm that is false on the profile: rpm never reads it. */
  dead: boolean;
  /** Inside at least one arm whose truth is unknown. */
  uncertain: boolean;
  /** Best guess that rpm reads it. */
  taken: boolean;
}

export interface ScopeEntry {
  name: string;
  kind: 'define' | 'global' | 'undefine' | 'bcond' | 'tag' | 'idiom' | 'option';
  /** Offset from which the entry is visible (the start of its line; -1 for --define). */
  offset: number;
  /** Body of a %define (expanded at use); expanded value of a %global, tag or bcond. */
  value: string;
  parametric: boolean;
  /** Option string of a parametric project macro (specwright.json, macro files). */
  parameters?: string;
  /** A project macro (kind `option`): where it is defined. */
  user?: UserMacro;
  /** The value itself is a guess (unknown arm, or its expansion at definition was uncertain). */
  uncertain: boolean;
  condition: ConditionState;
  definition?: MacroDefinition;
  tag?: Tag;
  bcond?: BuildConditional;
  reference?: MacroReference;
}

export interface ScopeValue {
  entry?: ScopeEntry;
  /** The answer (defined or not, and the value) is a guess. */
  uncertain: boolean;
}

export interface ScopeExpansion {
  text: string;
  /** Something in the text could not be known statically (shell, Lua, an unknown arm, a macro the catalog does not know). */
  uncertain: boolean;
  /** Undefined macros left as written (rpm leaves them too). */
  undefinedNames: string[];
}

export interface ScopeOptions {
  /** `--define 'NAME VALUE'` pairs, applied before the file (like rpm's command-line defines). */
  defines?: readonly (readonly [string, string])[];
}

/** Macros the preamble tags define, by tag key (rpm's preambleList entries with ismacro). */
const TAG_MACROS = new Set(['name', 'version', 'release', 'epoch', 'summary', 'license', 'sourcelicense', 'distribution', 'disturl', 'vendor', 'group', 'packager', 'url', 'vcs']);

const IDIOM_DEFINITION = /^[ \t]*%(define|global)[ \t]+([A-Za-z_]\w*)(\([^)]*\))?[ \t]*([\s\S]*)$/;

const TOP: ConditionState = { dead: false, uncertain: false, taken: true };

export class MacroScope {
  // `declare`d fields set in the constructor: ES2022 class fields are defined one by one by a
  // hidden initializer, a cost on every spec.
  declare readonly doc: SpecDocument;
  /** The family (code that switches on the distribution reads this). */
  declare readonly distro: DistroId;
  /** The release whose macro values and rpm version apply. */
  declare readonly release: Release;
  declare readonly profile: Profile;
  private declare readonly timelines: Map<string, ScopeEntry[]>;
  /** Arm states by block id, then branch index. */
  private declare readonly armStates: Map<number, ArmState[]>;
  private declare readonly pathStates: ConditionState[];
  private declare readonly all: ScopeEntry[];

  constructor(doc: SpecDocument, profile: ProfileLike, options: ScopeOptions = {}) {
    this.doc = doc;
    this.timelines = new Map();
    this.armStates = new Map();
    this.pathStates = [];
    this.all = [];
    this.profile = profileOf(profile);
    this.release = this.profile.release;
    this.distro = this.profile.family;
    // Project macros load before the spec, as rpm's macro files and --define do.
    for (const m of this.profile.macros) {
      const parametric = m.parameters !== undefined;
      this.add({ name: m.name, kind: 'option', offset: -1, value: m.body, parametric, ...(parametric ? { parameters: m.parameters } : {}), user: m, uncertain: false, condition: TOP });
    }
    for (const [name, value] of options.defines ?? []) {
      this.add({ name, kind: 'option', offset: -1, value, parametric: false, uncertain: false, condition: TOP });
    }
    this.read();
  }

  /** The state of an arm (block id, branch index). */
  arm(block: number, branch: number): ArmState {
    return this.armStates.get(block)?.[branch] ?? { truth: 'unknown', taken: false };
  }

  /** The state of a conditional path (SpecDocument.lineConditional values, Tag.conditionalPath…). */
  condition(path: ConditionalPath): ConditionState {
    return this.pathStates[path] ?? this.computePath(path);
  }

  /** The state of the arms a line sits in. */
  lineCondition(line: number): ConditionState {
    return this.condition(this.doc.lineConditional[line] ?? 0);
  }

  /** Every entry for the name in file order, dead ones included (with their condition). */
  definitions(name: string): readonly ScopeEntry[] {
    return this.timelines.get(name) ?? [];
  }

  /** Every entry of the file in file order. */
  entries(): readonly ScopeEntry[] {
    return this.all;
  }

  /** Some line of the file defines the name, in any arm. */
  isDefinedAnywhere(name: string): boolean {
    return (this.timelines.get(name) ?? []).some((e) => e.kind !== 'undefine');
  }

  /** What rpm's table holds for the name just before `offset` (the latest live definition). */
  lookup(name: string, offset: number): ScopeValue {
    const events = this.timelines.get(name);
    if (!events) return { uncertain: false };
    let uncertain = false;
    // rpm's stack of definitions of the name: `top`, and under it `below` (an array only when two
    // definitions are live at once; lookups run for most macros the expander meets).
    let top: ScopeEntry | undefined;
    let below: ScopeEntry[] | undefined;
    for (const e of events) {
      if (e.offset >= offset) continue;
      if (e.condition.dead) continue;
      if (!e.condition.taken) {
        uncertain = true;
        continue;
      }
      if (e.kind === 'undefine') top = below?.pop();
      else {
        if (top) (below ??= []).push(top);
        top = e;
      }
      if (e.uncertain || e.condition.uncertain) uncertain = true;
      else if (e.kind !== 'undefine') uncertain = false;
    }
    return top ? { entry: top, uncertain } : { uncertain };
  }

  /** The value at the end of the file (what hover shows for a name used anywhere). */
  finalValue(name: string): ScopeValue {
    return this.lookup(name, Number.MAX_SAFE_INTEGER);
  }

  /** Expands text as rpm would at `offset`, with the definitions above it and the profile's macros. */
  expand(text: string, offset: number): ScopeExpansion {
    if (!text.includes('%')) return { text, uncertain: false, undefinedNames: [] };
    const table = new ScopeTable(this, offset);
    const r = expandMacros(text, { distro: this.distro, release: this.release, definitions: table, literalUndefined: true });
    const uncertain = table.uncertain || r.unresolved || this.anyUnknownName(r.undefinedNames);
    return { text: r.text, uncertain, undefinedNames: r.undefinedNames };
  }

  /**
   * Expands text at `offset` like expand(), but leaves the named macros as written (a rule that
   * looks for `%{buildroot}` in a command still sees it through the spec's own macros). Here
   * `uncertain` counts only what could hide such a name: a spec definition in an unknown arm, or a
   * macro neither the spec nor the catalog defines. Catalog values that are not static (build
   * flags) do not count.
   */
  expandKeeping(text: string, offset: number, keep: ReadonlySet<string>): ScopeExpansion {
    if (!text.includes('%')) return { text, uncertain: false, undefinedNames: [] };
    const table = new ScopeTable(this, offset);
    const definitions: MacroTable = {
      get: (name) => (keep.has(name) ? `%%{${name}}` : table.get(name)),
      has: (name) => keep.has(name) || table.has(name),
      isParametric: (name) => !keep.has(name) && (table.isParametric?.(name) ?? false),
      parameters: (name) => (keep.has(name) ? undefined : table.parameters?.(name)),
    };
    const r = expandMacros(text, { distro: this.distro, release: this.release, definitions, literalUndefined: true });
    const uncertain = table.uncertain || this.anyUnknownName(r.undefinedNames);
    return { text: r.text, uncertain, undefinedNames: r.undefinedNames };
  }

  private anyUnknownName(names: readonly string[]): boolean {
    for (const name of names) if (!this.isKnownName(name)) return true;
    return false;
  }

  /** A name whose definedness we can tell: the catalog knows it, or it is a build-conditional flag. */
  isKnownName(name: string): boolean {
    // `_with_x`/`_without_x` come only from the command line (--with/--without, --define), so their
    // absence is known; `with_x` is known when the spec declares the bcond (else it may be defined elsewhere).
    if (/^_with(?:out)?_\w+$/.test(name)) return true;
    const bcond = /^with(?:out)?_(\w+)$/.exec(name);
    if (bcond && this.doc.buildConditionals.some((b) => b.name === bcond[1])) return true;
    if (this.isDefinedAnywhere(name)) return true;
    return lookupMacro(name) !== undefined;
  }

  /** Evaluates an `%if`/`%elif` expression at `offset`. */
  evaluate(expression: string, offset: number): ArmState {
    const x = this.expand(expression, offset);
    const v = evaluateExpression(x.text);
    const value = v === undefined ? undefined : typeof v === 'number' ? v !== 0 : v !== '';
    if (value === undefined) return { truth: 'unknown', taken: false };
    if (x.uncertain) return { truth: 'unknown', taken: value };
    return { truth: value ? 'true' : 'false', taken: value };
  }

  // ---- reading the file ----

  private add(entry: ScopeEntry): void {
    const list = this.timelines.get(entry.name);
    if (list) list.push(entry);
    else this.timelines.set(entry.name, [entry]);
    this.all.push(entry);
  }

  private computePath(path: ConditionalPath): ConditionState {
    if (path === 0) return TOP;
    const entry = this.doc.conditionalPaths[path];
    if (!entry) return TOP;
    const outer = this.condition(entry.parent);
    const arm = this.arm(entry.block, entry.branch);
    const state: ConditionState = {
      dead: outer.dead || arm.truth === 'false',
      uncertain: outer.uncertain || arm.truth === 'unknown',
      taken: outer.taken && arm.taken,
    };
    this.pathStates[path] = state;
    return state;
  }

  private read(): void {
    const doc = this.doc;
    type Event =
      | { offset: number; order: number; kind: 'branch'; block: number; branch: number; node: ConditionalBranch }
      | { offset: number; order: number; kind: 'definition'; node: MacroDefinition }
      | { offset: number; order: number; kind: 'bcond'; node: BuildConditional }
      | { offset: number; order: number; kind: 'tag'; node: Tag }
      | { offset: number; order: number; kind: 'idiom'; node: MacroReference };
    const events: Event[] = [];
    let order = 0;
    for (const block of doc.conditionals) {
      for (let branch = 0; branch < block.branches.length; branch++) {
        const node = block.branches[branch];
        events.push({ offset: node.start, order: order++, kind: 'branch', block: block.id, branch, node });
      }
    }
    for (const node of doc.macroDefinitions) events.push({ offset: node.start, order: order++, kind: 'definition', node });
    for (const node of doc.buildConditionals) events.push({ offset: node.start, order: order++, kind: 'bcond', node });
    for (const node of doc.tags) if (TAG_MACROS.has(node.key)) events.push({ offset: node.start, order: order++, kind: 'tag', node });
    for (const node of doc.macroReferences) {
      if (node.depth === 0 && node.form === 'braced' && node.conditional && node.argument && /%(?:define|global)\b/.test(doc.text.slice(node.argument.start, node.argument.end))) {
        events.push({ offset: node.start, order: order++, kind: 'idiom', node });
      }
    }
    events.sort((a, b) => a.offset - b.offset || a.order - b.order);

    const blockState = new Map<number, { known: boolean; guessTaken: boolean; anyUnknown: boolean }>();
    for (const ev of events) {
      switch (ev.kind) {
        case 'branch': {
          const line = doc.lines.lineOf(ev.node.start);
          // The directive line of an %elif/%else already counts as inside the new arm; the arm's
          // own condition is read in the enclosing arm.
          const enclosing = ev.branch === 0 ? this.lineCondition(line) : this.condition(doc.conditionalPaths[doc.lineConditional[line]]?.parent ?? 0);
          let st = blockState.get(ev.block);
          if (!st) blockState.set(ev.block, (st = { known: false, guessTaken: false, anyUnknown: false }));
          let arm: ArmState;
          if (enclosing.dead) arm = { truth: 'false', taken: false };
          else if (st.known) arm = { truth: 'false', taken: false };
          else {
            arm = this.evaluateBranch(ev.node, ev.node.start);
            if (st.anyUnknown && arm.truth === 'true') arm = { truth: 'unknown', taken: !st.guessTaken };
            else if (st.guessTaken && arm.truth !== 'false') arm = { truth: arm.truth === 'true' ? 'unknown' : arm.truth, taken: false };
          }
          if (arm.truth === 'true') st.known = true;
          if (arm.truth === 'unknown') st.anyUnknown = true;
          if (arm.taken) st.guessTaken = true;
          let arms = this.armStates.get(ev.block);
          if (!arms) this.armStates.set(ev.block, (arms = []));
          arms[ev.branch] = arm;
          break;
        }
        case 'definition':
          this.readDefinition(ev.node);
          break;
        case 'bcond':
          this.readBcond(ev.node);
          break;
        case 'tag':
          this.readTag(ev.node);
          break;
        case 'idiom':
          this.readIdiom(ev.node);
          break;
      }
    }
  }

  private evaluateBranch(branch: ConditionalBranch, offset: number): ArmState {
    switch (branch.keyword) {
      case 'else':
        return { truth: 'true', taken: true };
      case 'if':
      case 'elif':
        return this.evaluate(branch.condition, offset);
      case 'ifarch':
      case 'ifnarch':
      case 'elifarch': {
        const list = this.expand(branch.condition, offset).text.split(/[\s,]+/).filter(Boolean);
        const match = list.includes('x86_64') || list.includes('amd64');
        return { truth: 'unknown', taken: branch.keyword === 'ifnarch' ? !match : match };
      }
      case 'ifos':
      case 'ifnos':
      case 'elifos': {
        const x = this.expand(branch.condition, offset);
        const match = x.text.split(/[\s,]+/).some((w) => w.toLowerCase() === 'linux');
        const value = branch.keyword === 'ifnos' ? !match : match;
        return x.uncertain ? { truth: 'unknown', taken: value } : { truth: value ? 'true' : 'false', taken: value };
      }
      default:
        return { truth: 'unknown', taken: false };
    }
  }

  private readDefinition(def: MacroDefinition): void {
    const condition = this.lineCondition(def.line);
    // Written-out literals (not a spread of shared fields): ~6,000 entries per pass over every
    // 8th Fedora spec, and object spread is the slow path of object creation.
    const name = def.name;
    const offset = def.end;
    if (def.keyword === 'undefine') {
      this.add({ name, offset, definition: def, condition, kind: 'undefine', value: '', parametric: false, uncertain: false });
      return;
    }
    const parametric = def.parameters !== undefined;
    const rawBody = bodyOf(def.body);
    if (def.keyword === 'global' && !parametric && !condition.dead) {
      const x = this.expand(rawBody, def.start);
      this.add({ name, offset, definition: def, condition, kind: 'global', value: x.text, parametric, uncertain: x.uncertain });
      return;
    }
    this.add({ name, offset, definition: def, condition, kind: def.keyword === 'global' ? 'global' : 'define', value: rawBody, parametric, uncertain: false });
  }

  private readBcond(b: BuildConditional): void {
    const condition = this.lineCondition(b.line);
    let enabled: boolean;
    let uncertain = false;
    if (b.keyword === 'bcond_with') enabled = this.lookup(`_with_${b.name}`, b.start).entry !== undefined;
    else if (b.keyword === 'bcond_without') enabled = this.lookup(`_without_${b.name}`, b.start).entry === undefined;
    else {
      // `%bcond x DEFAULT`: DEFAULT is an expression; --with/--without override it.
      if (this.lookup(`_with_${b.name}`, b.start).entry) enabled = true;
      else if (this.lookup(`_without_${b.name}`, b.start).entry) enabled = false;
      else {
        const words = this.doc.text.slice(b.nameSpan.end, b.end).trim();
        const arm = this.evaluate(words || '0', b.start);
        enabled = arm.taken;
        uncertain = arm.truth === 'unknown';
      }
    }
    // rpm defines with_x only when the feature is on; a "maybe" entry keeps the doubt.
    if (enabled || uncertain) {
      this.add({ name: `with_${b.name}`, kind: 'bcond', offset: b.end, value: '1', parametric: false, uncertain, bcond: b, condition: enabled ? condition : { ...condition, taken: false, uncertain: true } });
    }
  }

  private readTag(tag: Tag): void {
    const condition = this.condition(tag.conditionalPath);
    const x = condition.dead ? { text: tag.value, uncertain: false } : this.expand(tag.value, tag.start);
    const offset = this.lineEndOf(tag);
    const value = x.text.trim();
    const uncertain = x.uncertain;
    this.add({ kind: 'tag', offset, value, parametric: false, uncertain, tag, condition, name: tag.key });
    if (tag.packageIndex === 0) this.add({ kind: 'tag', offset, value, parametric: false, uncertain, tag, condition, name: tag.key.toUpperCase() });
  }

  private lineEndOf(tag: Tag): number {
    return tag.end;
  }

  private readIdiom(ref: MacroReference): void {
    const doc = this.doc;
    const condition = this.lineCondition(doc.lines.lineOf(ref.start));
    const arg = doc.text.slice(ref.argument!.start, ref.argument!.end);
    const m = IDIOM_DEFINITION.exec(arg);
    if (!m) return;
    const probe = this.lookup(ref.name, ref.start);
    const defined = probe.entry !== undefined || (!this.isDefinedAnywhere(ref.name) && isMacroDefined(ref.name, this.release));
    const takes = ref.negated ? !defined : defined;
    const guessUncertain = probe.uncertain || (!probe.entry && !this.isKnownName(ref.name));
    const body = bodyOf(m[4].replace(/\\\n/g, '\n'));
    const parametric = m[3] !== undefined;
    let value = body;
    let uncertain = guessUncertain;
    if (m[1] === 'global' && !parametric) {
      const x = this.expand(body, ref.start);
      value = x.text;
      uncertain ||= x.uncertain;
    }
    const cond: ConditionState = takes ? condition : { ...condition, taken: false, uncertain: true };
    if (!takes && !guessUncertain) return;
    this.add({ name: m[2], kind: 'idiom', offset: ref.end, value, parametric, uncertain, reference: ref, condition: { ...cond, uncertain: cond.uncertain || guessUncertain } });
  }
}

/**
 * The definitions visible at one offset, as the expander reads them during one expansion: one
 * object (not a closure per method) that remembers the last name asked (the expander asks
 * get(), then isParametric(), of the same name). `uncertain`: some answer was a guess.
 */
class ScopeTable implements MacroTable {
  // `declare`d fields set in the constructor: ES2022 class fields are defined by a hidden
  // initializer, a cost per expansion.
  declare uncertain: boolean;
  private declare readonly scope: MacroScope;
  private declare readonly offset: number;
  private declare lastName: string | undefined;
  private declare lastEntry: ScopeEntry | undefined;

  constructor(scope: MacroScope, offset: number) {
    this.scope = scope;
    this.offset = offset;
    this.uncertain = false;
    this.lastName = undefined;
    this.lastEntry = undefined;
  }

  private entry(name: string): ScopeEntry | undefined {
    if (name !== this.lastName) {
      const v = this.scope.lookup(name, this.offset);
      if (v.uncertain) this.uncertain = true;
      this.lastName = name;
      this.lastEntry = v.entry;
    }
    return this.lastEntry;
  }

  get(name: string): string | undefined {
    return this.entry(name)?.value;
  }
  has(name: string): boolean {
    return this.entry(name) !== undefined;
  }
  isParametric(name: string): boolean {
    return this.entry(name)?.parametric ?? false;
  }
  parameters(name: string): string | undefined {
    const e = this.entry(name);
    return e?.parameters ?? e?.definition?.parameters;
  }
}

/** A definition body as rpm stores it: trimmed, continuation backslashes removed. */
function bodyOf(body: string): string {
  // Most bodies are one line without a backslash: no regex pass for them.
  return (body.includes('\\') ? body.replace(/\\\r?\n/g, '\n') : body).trim();
}

/**
 * The spec's own definitions by name, independent of any profile: `%define`/`%global` lines (and
 * `%undefine`) in file order, each with its conditional path. The per-profile reading
 * (MacroScope) decides which of them rpm sees where.
 */
export interface DefinitionTable {
  /** `%define`/`%global` lines of the name, in file order (no `%undefine`). */
  definitions(name: string): readonly MacroDefinition[];
  /** `%define`, `%global` and `%undefine` lines of the name, in file order. */
  directives(name: string): readonly MacroDefinition[];
  /** Defined by a `%define`/`%global` line somewhere (any arm). */
  has(name: string): boolean;
  names(): Iterable<string>;
  /** Preamble tags that define the macro (`Version:` defines %version), in file order. */
  tags(name: string): readonly Tag[];
}

export const definitionTable = cachedPerParse((doc: SpecDocument): DefinitionTable => {
  const directives = new Map<string, MacroDefinition[]>();
  const definitions = new Map<string, MacroDefinition[]>();
  for (const d of doc.macroDefinitions) {
    const all = directives.get(d.name);
    if (all) all.push(d);
    else directives.set(d.name, [d]);
    if (d.keyword === 'undefine') continue;
    const list = definitions.get(d.name);
    if (list) list.push(d);
    else definitions.set(d.name, [d]);
  }
  const tags = new Map<string, Tag[]>();
  for (const t of doc.tags) {
    if (!TAG_MACROS.has(t.key)) continue;
    const list = tags.get(t.key);
    if (list) list.push(t);
    else tags.set(t.key, [t]);
  }
  return {
    tags: (name) => tags.get(name) ?? [],
    definitions: (name) => definitions.get(name) ?? [],
    directives: (name) => directives.get(name) ?? [],
    has: (name) => definitions.has(name),
    names: () => definitions.keys(),
  };
});

/**
 * The definition model of a parse for one profile (and optional command-line definitions).
 * Cached per parse and per profile: every consumer reads the same table.
 */
export const macroScope = cachedPerParse((doc: SpecDocument): { get(profile: ProfileLike, options?: ScopeOptions): MacroScope } => {
  const byKey = new Map<string, MacroScope>();
  return {
    get(profileLike, options) {
      const profile = profileOf(profileLike);
      // Rules ask for the profile's scope many times per document: no JSON for the common case.
      const key = options?.defines && options.defines.length > 0 ? `${profile.key}\u0002${JSON.stringify(options.defines)}` : profile.key;
      let s = byKey.get(key);
      if (!s) {
        s = new MacroScope(doc, profile, options);
        byKey.set(key, s);
      }
      return s;
    },
  };
});

/** The spec's definition model on a profile (a family name means its newest release). */
export function scopeOf(doc: SpecDocument, profile: ProfileLike, options?: ScopeOptions): MacroScope {
  return macroScope(doc).get(profile, options);
}
