// V8 heap tuning for the long-running language server.
//
// By default V8 lets the old generation grow up to 4× the live data between full collections,
// which suits short batch jobs. An editor server is the opposite: it lives for hours, its live
// data is small (~30 MB with 600 specs open), and each lint of a large spec leaves megabytes of
// garbage, so RSS swings between 150 and 260 MB. A growth step of 25% keeps it near 150 MB at the
// same edit → diagnostics latency (docs/performance.md, "Server memory"). Unlike
// --max-old-space-size this sets no ceiling, so a huge workspace can never make the server
// run out of memory because of it.

/** The heap growth step (percent) the server uses unless SPECWRIGHT_HEAP_GROWING_PERCENT says otherwise. */
export const DEFAULT_HEAP_GROWING_PERCENT = 25;

/**
 * The V8 flag to apply for the given environment, or undefined for none.
 * `SPECWRIGHT_HEAP_GROWING_PERCENT=0` turns the tuning off (V8's own heuristics); any other
 * whole number from 1 to 400 replaces the default; anything else is ignored with a message.
 */
export function heapFlagFor(env: Record<string, string | undefined>): { flag?: string; warning?: string } {
  const raw = env.SPECWRIGHT_HEAP_GROWING_PERCENT;
  if (raw === undefined || raw.trim() === '') return { flag: `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}` };
  const value = Number(raw.trim());
  if (!Number.isInteger(value) || value < 0 || value > 400) {
    return {
      flag: `--heap-growing-percent=${DEFAULT_HEAP_GROWING_PERCENT}`,
      warning: `SPECWRIGHT_HEAP_GROWING_PERCENT=${JSON.stringify(raw)} is not a whole number from 0 to 400; using ${DEFAULT_HEAP_GROWING_PERCENT}.`,
    };
  }
  return value === 0 ? {} : { flag: `--heap-growing-percent=${value}` };
}

/** Applies the heap flag (V8 reads it at every full collection, so setting it at run time works). */
export function tuneHeap(env: Record<string, string | undefined>, setFlags: (flag: string) => void): string | undefined {
  const { flag, warning } = heapFlagFor(env);
  if (flag) setFlags(flag);
  return warning;
}
