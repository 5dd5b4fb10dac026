// Per-parse caches. A parse (SpecDocument) and its sections are immutable and live as long as the
// service keeps the parse, so what several rules or features derive from one is computed once
// and kept beside it (in a WeakMap, so it goes when the parse goes). Results are shared: callers
// must not mutate them.

/**
 * Wraps `compute` so that it runs once per key object (a SpecDocument, a Section); later calls
 * with the same key return the first result. Further arguments must follow from the key.
 */
export function cachedPerParse<K extends object, A extends unknown[], V>(compute: (key: K, ...rest: A) => V): (key: K, ...rest: A) => V {
  const cache = new WeakMap<K, V>();
  return (key, ...rest) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key, ...rest);
    cache.set(key, value);
    return value;
  };
}
