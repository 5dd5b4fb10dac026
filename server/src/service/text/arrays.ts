// Array helpers that do not pass input-sized arrays as call arguments: `out.push(...items)` and
// `Math.max(...items)` put every element on the stack and throw RangeError past about 100k
// elements (130k shell commands in one %install made a rule crash).

/** Appends `items` to `out` one by one. */
export function appendAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** The largest number, or `empty` when there is none. */
export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let max = empty;
  let any = false;
  for (const v of values) {
    if (!any || v > max) max = v;
    any = true;
  }
  return max;
}
