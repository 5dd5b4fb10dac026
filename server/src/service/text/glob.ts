// Shell-style `*` and `?` matching without building a regex: `^.*a.*a.*…$` from a glob with many
// stars backtracks polynomially in the number of stars, and a `[` in the glob made an invalid regex.

/**
 * Whether `text` matches `glob`, where `*` is any run of characters and `?` any one character;
 * everything else is literal. Greedy with one backtrack point: O(glob × text) at worst.
 */
export function globMatches(glob: string, text: string): boolean {
  let g = 0;
  let t = 0;
  let starG = -1;
  let starT = 0;
  while (t < text.length) {
    if (g < glob.length && glob[g] === '*') {
      starG = g++;
      starT = t;
    } else if (g < glob.length && (glob[g] === '?' || glob[g] === text[t])) {
      g++;
      t++;
    } else if (starG >= 0) {
      g = starG + 1;
      t = ++starT;
    } else {
      return false;
    }
  }
  while (g < glob.length && glob[g] === '*') g++;
  return g === glob.length;
}
