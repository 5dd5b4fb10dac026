// Per-parse caches. A parse (SpecDocument) and its sections are immutable and live as long as the
// service keeps the parse, so what several rules or features derive from one is computed once
// and kept beside it. Results are shared: callers must not mutate them.
//
// The values live in one hidden (symbol-keyed, non-enumerable) array on the key object, one slot
// per cache, so they go when the parse goes. A WeakMap per cache did the same, but rules ask
// these caches on every line (shellCommentStart, specLines…): WeakMap lookups and inserts, and
// the ephemeron tables they leave for the collector, were ~5% of a corpus lint.

const SLOTS: unique symbol = Symbol('specwright.perParse');
/** Marks a slot whose computed value is `undefined`. */
const UNDEFINED = Symbol('undefined');

interface Slotted {
  [SLOTS]?: unknown[];
}

let slotCount = 0;

/**
 * Wraps `compute` so that it runs once per key object (a SpecDocument, a Section); later calls
 * with the same key return the first result. A second argument, if any, must follow from the key.
 * (One optional argument rather than a rest parameter: rules call these per line, and a rest
 * parameter builds an array on every call.)
 */
export function cachedPerParse<K extends object, V>(compute: (key: K) => V): (key: K) => V;
export function cachedPerParse<K extends object, A, V>(compute: (key: K, arg: A) => V): (key: K, arg: A) => V;
export function cachedPerParse<K extends object, A, V>(compute: (key: K, arg: A) => V): (key: K, arg: A) => V {
  const slot = slotCount++;
  // Keys that cannot take a property (frozen objects) use a WeakMap.
  let fallback: WeakMap<K, V> | undefined;
  return (key, arg) => {
    let slots = (key as Slotted)[SLOTS];
    if (slots === undefined) {
      if (!Object.isExtensible(key)) {
        fallback ??= new WeakMap();
        if (fallback.has(key)) return fallback.get(key) as V;
        const value = compute(key, arg);
        fallback.set(key, value);
        return value;
      }
      slots = [];
      Object.defineProperty(key, SLOTS, { value: slots });
    }
    const hit = slots[slot];
    if (hit !== undefined) return (hit === UNDEFINED ? undefined : hit) as V;
    const value = compute(key, arg);
    slots[slot] = value === undefined ? UNDEFINED : value;
    return value;
  };
}
