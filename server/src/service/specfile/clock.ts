// The language service has no clock of its own: rules that compare with "now" (future changelog
// dates) ask this module, which tests and embedders can point at a fixed time.
let now: () => number = () => Date.now();

/** Milliseconds since the epoch, from the configured clock. */
export function currentTime(): number {
  return now();
}

/** Replaces the clock (pass undefined to restore Date.now). Returns the previous one. */
export function setClock(fn: (() => number) | undefined): () => number {
  const previous = now;
  now = fn ?? (() => Date.now());
  return previous;
}
