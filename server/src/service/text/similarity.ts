// Spelling suggestions: bounded edit distance and "did you mean" lookup.

/**
 * Edit distance where swapping two neighbouring characters counts as one edit (optimal string
 * alignment), as typos usually are; bounded: returns max+1 as soon as the distance exceeds max.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // At most one edit allowed (most spelling checks): one pass over the strings, no table.
  if (max <= 1) return a === b ? 0 : max === 1 && oneEditApart(a, b) ? 1 : max + 1;
  // Only the two previous rows are needed: the row above, and the one before it for swaps. Three
  // rows are reused (no arrays per call: spelling checks run this thousands of times per file).
  const width = b.length + 1;
  if (rows.length < 3 * width) rows = new Int32Array(Math.max(3 * width, 2 * rows.length));
  let before = 0;
  let prev = width;
  let cur = 2 * width;
  for (let j = 0; j < width; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[cur] = i;
    let best = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(rows[prev + j] + 1, rows[cur + j - 1] + 1, rows[prev + j - 1] + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, rows[before + j - 2] + 1);
      rows[cur + j] = v;
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    const oldBefore = before;
    before = prev;
    prev = cur;
    cur = oldBefore;
  }
  return rows[prev + b.length];
}

/**
 * Different strings one edit apart: one character changed, inserted or removed, or two neighbours
 * swapped. Past their common start, the rest must match once that edit is undone.
 */
function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (a.length === b.length) {
    if (sameRest(a, i + 1, b, i + 1)) return true;
    return a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && sameRest(a, i + 2, b, i + 2);
  }
  if (a.length === b.length + 1) return sameRest(a, i + 1, b, i);
  if (b.length === a.length + 1) return sameRest(a, i, b, i + 1);
  return false;
}

/** a from i and b from j are the same text. */
function sameRest(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/** editDistance's rows, reused between calls. */
let rows = new Int32Array(192);

/** The closest candidate within `maxDistance` (ties: the first), or undefined. */
export function closestMatch(word: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestDistance = maxDistance + 1;
  for (const c of candidates) {
    const d = editDistance(word, c, bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}
