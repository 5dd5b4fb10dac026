// rpm's expression language, as `%if` and `%[…]` read it: numbers, "strings", comparisons,
// && || !, + - * /, parentheses. Pure; anything else (v"1.0" versions, ?: ) is not decided.

type Value = number | string;

class ExpressionError extends Error {}

class ExpressionParser {
  private i = 0;
  constructor(private readonly s: string) {}

  parse(): Value {
    const v = this.or();
    this.ws();
    if (this.i < this.s.length) throw new ExpressionError();
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
      if (typeof l !== typeof r) throw new ExpressionError();
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
      if (typeof v !== 'number' || typeof r !== 'number') throw new ExpressionError();
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
      if (typeof v !== 'number' || typeof r !== 'number' || (c === '/' && r === 0)) throw new ExpressionError();
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
      if (typeof v !== 'number') throw new ExpressionError();
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
      if (/^[A-Za-z_.]/.test(this.s.slice(this.i))) throw new ExpressionError();
      return Number(num[0]);
    }
    const str = /^"([^"]*)"/.exec(rest);
    if (str) {
      this.i += str[0].length;
      return str[1];
    }
    if (this.eat('(')) {
      const v = this.or();
      if (!this.eat(')')) throw new ExpressionError();
      return v;
    }
    throw new ExpressionError();
  }
}

function truthy(v: Value): boolean {
  return typeof v === 'number' ? v !== 0 : v !== '';
}

/** The value of an expression, or undefined when it cannot be read. */
export function evaluateExpression(text: string): number | string | undefined {
  try {
    return new ExpressionParser(text).parse();
  } catch (e) {
    if (e instanceof ExpressionError) return undefined;
    throw e;
  }
}
