// Dependency lists: `foo >= 1.0, bar`, `pkgconfig(glib-2.0)`, `(a or b)`, `%{name}-libs%{?_isa} = %{version}-%{release}`.
import type { Dependency } from './ast';

const OPERATORS = new Set(['<', '<=', '=<', '=', '==', '>=', '=>', '>']);

/** rpm reads `=<` as `<=` and `=>` as `>=` (rpmds.c's comparison table; rpm 4.18 checked). */
function normalizedOperator(op: string): Dependency['operator'] {
  return (op === '=<' ? '<=' : op === '=>' ? '>=' : op) as Dependency['operator'];
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** Splits on whitespace and commas, keeping `(…)`, `%{…}`, `%(…)` and `%[…]` balanced in one token. */
function tokenize(value: string, base: number): Token[] {
  const tokens: Token[] = [];
  const n = value.length;
  let i = 0;
  while (i < n) {
    let c = value.charCodeAt(i);
    if (c === 32 /* space */ || c === 9 /* tab */ || c === 44 /* , */) {
      i++;
      continue;
    }
    const start = i;
    let depth = 0;
    while (i < n) {
      c = value.charCodeAt(i);
      if (c === 40 /* ( */ || c === 123 /* { */ || c === 91 /* [ */) depth++;
      else if ((c === 41 /* ) */ || c === 125 /* } */ || c === 93 /* ] */) && depth > 0) depth--;
      else if (depth === 0 && (c === 32 || c === 9 || c === 44)) break;
      i++;
      // Bounded: a deeply unbalanced token ends at the end of the value.
    }
    tokens.push({ text: value.slice(start, i), start: base + start, end: base + i });
  }
  return tokens;
}

const PLAIN_MACRO = /^%([A-Za-z_][A-Za-z0-9_]*)$/;
const GLUED_OPERATOR = /^(<=|>=|==|=<|=>|<|>|=)([^<>=].*)$/;

/** Whether a token starts with `<`, `=` or `>` (only then can it be or hold an operator). */
function startsWithOperator(token: string): boolean {
  const c = token.charCodeAt(0);
  return c === 60 || c === 61 || c === 62;
}

/**
 * Splits a dependency tag's value. `isParametric(name)` tells which macros take arguments: rpm
 * hands a plain `%name` call of one the rest of the line (`%py3_dist six` is one dependency, not
 * `%py3_dist` and `six`), so the call and its arguments become one dependency.
 */
export function parseDependencies(value: string, base: number, isParametric?: (name: string) => boolean): Dependency[] {
  const tokens = tokenize(value, base);
  const deps: Dependency[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const last = deps[deps.length - 1];
    const call = k + 1 < tokens.length && isParametric && t.text.charCodeAt(0) === 37 /* % */ ? PLAIN_MACRO.exec(t.text) : null;
    if (call && isParametric?.(call[1])) {
      const end = tokens[tokens.length - 1].end;
      deps.push({ name: value.slice(t.start - base, end - base), nameSpan: { start: t.start, end }, start: t.start, end, rich: false });
      break;
    }
    // Only a token that starts like an operator can be or hold one (most tokens are names).
    if (startsWithOperator(t.text) && last && !last.operator && !last.rich) {
      // `foo >=1.0`: rpm accepts an operator glued to the version.
      const glued = GLUED_OPERATOR.exec(t.text);
      if (glued) {
        const opEnd = t.start + glued[1].length;
        last.operator = normalizedOperator(glued[1]);
        last.operatorSpan = { start: t.start, end: opEnd };
        last.version = glued[2];
        last.versionSpan = { start: opEnd, end: t.end };
        last.end = t.end;
        continue;
      }
      if (OPERATORS.has(t.text)) {
        last.operator = normalizedOperator(t.text);
        last.operatorSpan = { start: t.start, end: t.end };
        const v = tokens[k + 1];
        if (v && !OPERATORS.has(v.text)) {
          last.version = v.text;
          last.versionSpan = { start: v.start, end: v.end };
          last.end = v.end;
          k++;
        } else last.end = t.end;
        continue;
      }
    }
    deps.push({
      name: t.text, nameSpan: { start: t.start, end: t.end }, start: t.start, end: t.end,
      rich: t.text.startsWith('('),
    });
  }
  return deps;
}
