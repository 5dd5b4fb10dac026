// Reading dependency tokens as rpmlint does (whitespace/comma separated), with the macro parts
// set aside: a token that is one macro (`%{foo_provides}`) may expand to a whole versioned list.

/** True when the token is exactly one macro reference (`%foo`, `%{foo}`, `%{?foo}`, `%{?foo:…}`). */
export function isWholeMacro(token: string): boolean {
  if (/^%[A-Za-z_]\w*$/.test(token)) return true;
  if (!token.startsWith('%{') || !token.endsWith('}')) return false;
  let depth = 0;
  for (let i = 1; i < token.length; i++) {
    if (token[i] === '{') depth++;
    else if (token[i] === '}') {
      depth--;
      if (depth === 0 && i !== token.length - 1) return false;
    }
  }
  return depth === 0;
}

/** The token with every `%{…}`, `%(…)`, `%[…]` replaced by the same number of `_` (keeps offsets). */
export function maskMacros(token: string): string {
  let out = '';
  let i = 0;
  while (i < token.length) {
    const c = token[i];
    const next = token[i + 1];
    if (c === '%' && (next === '{' || next === '(' || next === '[')) {
      const close = next === '{' ? '}' : next === '(' ? ')' : ']';
      let depth = 0;
      let j = i + 1;
      for (; j < token.length; j++) {
        if (token[j] === next) depth++;
        else if (token[j] === close && --depth === 0) break;
      }
      out += '_'.repeat(Math.min(j, token.length - 1) - i + 1);
      i = j + 1;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}
