// Which of a fixed set of words a text contains, found in one pass. The lint engine asks it for
// the rules' `requires` words: one `includes` per word scanned the whole text again for every
// word the text lacks (most of them), ~5% of a Fedora-corpus lint.

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;

export class WordScanner {
  readonly words: readonly string[];
  /** Every word as one alternation: each match is a position where some word starts. */
  private readonly pattern: RegExp | undefined;
  /** Words by their first UTF-16 code unit. */
  private readonly byFirst = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].filter((w) => w.length > 0);
    for (const w of this.words) {
      const c = w.charCodeAt(0);
      const list = this.byFirst.get(c);
      if (list) list.push(w);
      else this.byFirst.set(c, [w]);
    }
    this.pattern = this.words.length === 0 ? undefined : new RegExp(this.words.map((w) => w.replace(SPECIAL, '\\$&')).join('|'), 'g');
  }

  /** The words that occur in the text (exactly those for which `text.includes(word)`). */
  present(text: string): Set<string> {
    const found = new Set<string>();
    const pattern = this.pattern;
    if (pattern === undefined) return found;
    // Every position where any word starts is visited in order (the search resumes one past each
    // match), and every word starting there is checked, so overlapping words are all found.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const at = m.index;
      for (const w of this.byFirst.get(text.charCodeAt(at)) ?? []) if (!found.has(w) && text.startsWith(w, at)) found.add(w);
      if (found.size === this.words.length) break;
      pattern.lastIndex = at + 1;
    }
    return found;
  }
}
