// Which of a fixed set of words a text contains, found in one pass. The lint engine asks it for
// the rules' `requires` words: one `includes` per word scanned the whole text again for every
// word the text lacks (most of them), ~5% of a Fedora-corpus lint.
//
// Words of one or two characters (`(`, `<<`, a no-break space) are looked up with `includes`
// instead: in the alternation they kept the regular expression from skipping ahead (it must try
// every position), which made the one pass about a quarter slower than with only the longer words.

const SPECIAL = /[.*+?^${}()|[\]\\/]/g;
/** Shorter words are looked up with `includes`. */
const MIN_SCANNED_LENGTH = 3;

export class WordScanner {
  readonly words: readonly string[];
  /** Every word as one alternation: each match is a position where some word starts. */
  private readonly pattern: RegExp | undefined;
  /** Words by their first UTF-16 code unit (the words in the pattern). */
  private readonly byFirst = new Map<number, string[]>();
  /** Words too short for the pattern, looked up one by one. */
  private readonly short: string[] = [];
  /** How many words the pattern holds. */
  private readonly scanned: number;

  constructor(words: Iterable<string>) {
    this.words = [...new Set(words)].filter((w) => w.length > 0);
    const long: string[] = [];
    for (const w of this.words) {
      if (w.length < MIN_SCANNED_LENGTH) {
        this.short.push(w);
        continue;
      }
      long.push(w);
      const c = w.charCodeAt(0);
      const list = this.byFirst.get(c);
      if (list) list.push(w);
      else this.byFirst.set(c, [w]);
    }
    this.scanned = long.length;
    this.pattern = long.length === 0 ? undefined : new RegExp(long.map((w) => w.replace(SPECIAL, '\\$&')).join('|'), 'g');
  }

  /** The words that occur in the text (exactly those for which `text.includes(word)`). */
  present(text: string): Set<string> {
    const found = new Set<string>();
    for (const w of this.short) if (text.includes(w)) found.add(w);
    const pattern = this.pattern;
    if (pattern === undefined) return found;
    let left = this.scanned;
    // Every position where any word starts is visited in order (the search resumes one past each
    // match), and every word starting there is checked, so overlapping words are all found.
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const at = m.index;
      for (const w of this.byFirst.get(text.charCodeAt(at)) ?? []) {
        if (!found.has(w) && text.startsWith(w, at)) {
          found.add(w);
          left--;
        }
      }
      if (left === 0) break;
      pattern.lastIndex = at + 1;
    }
    return found;
  }
}
