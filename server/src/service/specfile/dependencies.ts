// Dependency lists: `foo >= 1.0, bar`, `pkgconfig(glib-2.0)`, `(a or b)`, `%{name}-libs%{?_isa} = %{version}-%{release}`.
import type { Dependency } from './ast';

const OPERATORS = new Set(['<', '<=', '=', '==', '>=', '>']);

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
    let c = value[i];
    if (c === ' ' || c === '\t' || c === ',') {
      i++;
      continue;
    }
    const start = i;
    let depth = 0;
    while (i < n) {
      c = value[i];
      if (c === '(' || c === '{' || c === '[') depth++;
      else if ((c === ')' || c === '}' || c === ']') && depth > 0) depth--;
      else if (depth === 0 && (c === ' ' || c === '\t' || c === ',')) break;
      i++;
      // Bounded: a deeply unbalanced token ends at the end of the value.
    }
    tokens.push({ text: value.slice(start, i), start: base + start, end: base + i });
  }
  return tokens;
}

export function parseDependencies(value: string, base: number): Dependency[] {
  const tokens = tokenize(value, base);
  const deps: Dependency[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const last = deps[deps.length - 1];
    // `foo >=1.0`: rpm accepts an operator glued to the version.
    const glued = /^(<=|>=|==|<|>|=)([^<>=].*)$/.exec(t.text);
    if (glued && last && !last.operator && !last.rich) {
      const opEnd = t.start + glued[1].length;
      last.operator = glued[1] as Dependency['operator'];
      last.operatorSpan = { start: t.start, end: opEnd };
      last.version = glued[2];
      last.versionSpan = { start: opEnd, end: t.end };
      last.end = t.end;
      continue;
    }
    if (OPERATORS.has(t.text) && last && !last.operator && !last.rich) {
      last.operator = t.text as Dependency['operator'];
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
    deps.push({
      name: t.text, nameSpan: { start: t.start, end: t.end }, start: t.start, end: t.end,
      rich: t.text.startsWith('('),
    });
  }
  return deps;
}
