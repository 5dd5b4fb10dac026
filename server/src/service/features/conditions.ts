// Static evaluation of `%if` conditions for one distribution profile, to grey out the arms that
// cannot be taken there. Only simple conditions are decided: distribution macros
// (`0%{?fedora}`, `%{?rhel}`, `"%{_vendor}" == "suse"`), build conditionals with their defaults,
// the file's unconditional definitions, numbers, strings, comparisons, `&&`, `||`, `!`.
// Anything else (shell, Lua, unknown macros, %ifarch) is unknown and never greyed.
import { expandMacros, lookupMacro } from '../catalog/index';
import type { ConditionalBranch, SpecDocument } from '../specfile/ast';
import type { DistroId, Range } from '../types';
import { cachedPerParse } from '../perParse';

export interface InactiveRange {
  range: Range;
  /** The directive that makes the arm inactive (`%if 0%{?suse_version}`, `%else`). */
  directive: string;
  line: number;
}

class Unknown extends Error {}

type Value = number | string;

/** Definitions usable for evaluation: unconditional, non-parametric, defined once; bcond defaults. */
const conditionDefinitions = cachedPerParse((doc: SpecDocument): Map<string, string> => {
  const map = new Map<string, string>();
  const count = new Map<string, number>();
  for (const d of doc.macroDefinitions) count.set(d.name, (count.get(d.name) ?? 0) + 1);
  for (const d of doc.macroDefinitions) {
    if (d.keyword === 'undefine' || d.parameters !== undefined || d.conditionalPath !== 0 || count.get(d.name) !== 1) continue;
    map.set(d.name, d.body);
  }
  for (const t of doc.tags) {
    if (t.packageIndex === 0 && t.conditionalPath === 0 && (t.key === 'name' || t.key === 'version') && !map.has(t.key)) map.set(t.key, t.value);
  }
  for (const b of doc.buildConditionals) {
    if (doc.lineConditional[b.line] !== 0) continue;
    if (b.defaultEnabled === true) map.set(`with_${b.name}`, '1');
    else if (b.defaultEnabled === false) map.set(`without_${b.name}`, '1');
  }
  return map;
});

function knownBcond(doc: SpecDocument, name: string): boolean {
  return doc.buildConditionals.some((b) => b.name === name && b.defaultEnabled !== undefined && doc.lineConditional[b.line] === 0);
}

/** True/false when the condition is decided on the profile, undefined when unknown. */
export function evaluateCondition(doc: SpecDocument, condition: string, distro: DistroId): boolean | undefined {
  try {
    const defs = conditionDefinitions(doc);
    let text = condition.replace(/%\{(with|without|defined|undefined)\s+([A-Za-z_]\w*)\s*\}/g, (_m, fn: string, name: string) => {
      if (fn === 'with' || fn === 'without') {
        if (!knownBcond(doc, name)) throw new Unknown();
        const on = defs.has(`with_${name}`);
        return (fn === 'with') === on ? '1' : '0';
      }
      const defined = defs.has(name) || (lookupMacro(name)?.definedOn.includes(distro) ?? false);
      if (!defs.has(name) && !lookupMacro(name)) throw new Unknown();
      return (fn === 'defined') === defined ? '1' : '0';
    });
    if (/%\(|%\[|%\{lua:/.test(text)) throw new Unknown();
    const r = expandMacros(text, { distro, definitions: defs });
    if (r.unresolved) throw new Unknown();
    for (const name of r.used) {
      if (defs.has(name) || lookupMacro(name)) continue;
      const w = /^with(?:out)?_(\w+)$/.exec(name);
      if (w && knownBcond(doc, w[1])) continue;
      throw new Unknown();
    }
    text = r.text;
    const value = new ExpressionParser(text).parse();
    return typeof value === 'number' ? value !== 0 : value !== '';
  } catch (e) {
    if (e instanceof Unknown) return undefined;
    throw e;
  }
}

class ExpressionParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Value {
    const v = this.or();
    this.ws();
    if (this.i < this.s.length) throw new Unknown();
    return v;
  }

  private ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
  }

  private eat(tok: string): boolean {
    this.ws();
    if (this.s.startsWith(tok, this.i)) {
      this.i += tok.length;
      return true;
    }
    return false;
  }

  private or(): Value {
    let v = this.and();
    while (this.eat('||')) {
      const r = this.and();
      v = truthy(v) ? v : r;
    }
    return v;
  }

  private and(): Value {
    let v = this.cmp();
    while (this.eat('&&')) {
      const r = this.cmp();
      v = truthy(v) ? r : v;
    }
    return v;
  }

  private cmp(): Value {
    const l = this.add();
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (!this.eat(op)) continue;
      const r = this.add();
      if (typeof l !== typeof r) throw new Unknown();
      const c = l < r ? -1 : l > r ? 1 : 0;
      const res = op === '==' ? c === 0 : op === '!=' ? c !== 0 : op === '<=' ? c <= 0 : op === '>=' ? c >= 0 : op === '<' ? c < 0 : c > 0;
      return res ? 1 : 0;
    }
    return l;
  }

  private add(): Value {
    let v = this.mul();
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if ((c !== '+' && c !== '-') || this.s[this.i + 1] === c) return v;
      this.i++;
      const r = this.mul();
      if (typeof v !== 'number' || typeof r !== 'number') throw new Unknown();
      v = c === '+' ? v + r : v - r;
    }
  }

  private mul(): Value {
    let v = this.unary();
    for (;;) {
      this.ws();
      const c = this.s[this.i];
      if (c !== '*' && c !== '/') return v;
      this.i++;
      const r = this.unary();
      if (typeof v !== 'number' || typeof r !== 'number' || (c === '/' && r === 0)) throw new Unknown();
      v = c === '*' ? v * r : Math.trunc(v / r);
    }
  }

  private unary(): Value {
    this.ws();
    if (this.s[this.i] === '!' && this.s[this.i + 1] !== '=') {
      this.i++;
      return truthy(this.unary()) ? 0 : 1;
    }
    if (this.s[this.i] === '-') {
      this.i++;
      const v = this.unary();
      if (typeof v !== 'number') throw new Unknown();
      return -v;
    }
    return this.primary();
  }

  private primary(): Value {
    this.ws();
    const rest = this.s.slice(this.i);
    const num = /^\d+/.exec(rest);
    if (num) {
      this.i += num[0].length;
      if (/^[A-Za-z_.]/.test(this.s.slice(this.i))) throw new Unknown();
      return Number(num[0]);
    }
    const str = /^"([^"]*)"/.exec(rest);
    if (str) {
      this.i += str[0].length;
      return str[1];
    }
    if (this.eat('(')) {
      const v = this.or();
      if (!this.eat(')')) throw new Unknown();
      return v;
    }
    throw new Unknown();
  }
}

function truthy(v: Value): boolean {
  return typeof v === 'number' ? v !== 0 : v !== '';
}

/** The `%if` arms that are false on the profile (nested blocks inside them are not repeated). */
export function inactiveRanges(doc: SpecDocument, distro: DistroId): InactiveRange[] {
  const out: InactiveRange[] = [];
  const inactive = new Set<string>();
  for (const block of doc.conditionals) {
    if (block.parent && inactive.has(`${block.parent.block}:${block.parent.branch}`)) {
      block.branches.forEach((_b, k) => inactive.add(`${block.id}:${k}`));
      continue;
    }
    if (block.branches[0].keyword !== 'if') continue;
    let taken = false;
    let unsure = false;
    block.branches.forEach((br: ConditionalBranch, k: number) => {
      let truth: boolean | undefined;
      if (br.keyword === 'else') truth = taken ? false : unsure ? undefined : true;
      else if (br.keyword === 'if' || br.keyword === 'elif') truth = taken ? false : evaluateCondition(doc, br.condition, distro);
      else truth = taken ? false : undefined;
      if (truth === true) taken = true;
      if (truth === undefined) unsure = true;
      if (truth !== false) return;
      inactive.add(`${block.id}:${k}`);
      if (br.bodyEndLine < br.bodyStartLine) return;
      const start = doc.lines.lineStarts[br.bodyStartLine];
      const end = doc.lines.lineEnd(br.bodyEndLine);
      out.push({ range: doc.lines.range(start, end), directive: doc.text.slice(br.directive.start, br.directive.end).trim(), line: doc.lines.lineOf(br.directive.start) });
    });
  }
  return out;
}
