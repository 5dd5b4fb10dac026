// rpm's version comparison (rpmvercmp in rpmio/rpmvercmp.c), for the few places that must know
// whether one version lies above another: alphanumeric segments, numbers compared as numbers,
// `~` sorting before everything (pre-releases) and `^` after the end (snapshots).

function isAlnum(c: string): boolean {
  return /[A-Za-z0-9]/.test(c);
}

/** -1, 0 or 1 as rpm orders the two version (or release) strings. */
export function rpmvercmp(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while (i < a.length && !isAlnum(a[i]) && a[i] !== '~' && a[i] !== '^') i++;
    while (j < b.length && !isAlnum(b[j]) && b[j] !== '~' && b[j] !== '^') j++;
    // A tilde sorts before everything, even the end of the string.
    if (a[i] === '~' || b[j] === '~') {
      if (a[i] !== '~') return 1;
      if (b[j] !== '~') return -1;
      i++;
      j++;
      continue;
    }
    // A caret sorts after the end of the string but before any other segment.
    if (a[i] === '^' || b[j] === '^') {
      if (i >= a.length) return -1;
      if (j >= b.length) return 1;
      if (a[i] !== '^') return 1;
      if (b[j] !== '^') return -1;
      i++;
      j++;
      continue;
    }
    if (i >= a.length || j >= b.length) break;
    const numeric = /[0-9]/.test(a[i]);
    const seg = numeric ? /^[0-9]+/ : /^[A-Za-z]+/;
    const sa = seg.exec(a.slice(i))?.[0] ?? '';
    const sb = seg.exec(b.slice(j))?.[0] ?? '';
    // Segments of different kinds: the numeric one is newer.
    if (sb === '') return numeric ? 1 : -1;
    i += sa.length;
    j += sb.length;
    if (numeric) {
      const na = sa.replace(/^0+/, '');
      const nb = sb.replace(/^0+/, '');
      if (na.length !== nb.length) return na.length > nb.length ? 1 : -1;
      if (na !== nb) return na > nb ? 1 : -1;
    } else if (sa !== sb) return sa > sb ? 1 : -1;
  }
  if (i >= a.length && j >= b.length) return 0;
  // The one with segments left is newer.
  return i >= a.length ? -1 : 1;
}

/**
 * Whether `[E:]V[-R]` lies inside the range `< bound` or `<= bound` as rpm matches it: a missing
 * epoch is 0, and a bound without a release matches every release of its version. Undefined when
 * only the release (not given) could decide.
 */
export function evrInRange(evr: { epoch: string; version: string; release?: string }, operator: '<' | '<=', bound: string): boolean | undefined {
  const m = /^(?:(\d+):)?([^-]+)(?:-(.+))?$/.exec(bound);
  if (!m) return undefined;
  const e = rpmvercmp(evr.epoch || '0', m[1] ?? '0');
  let c = e;
  if (c === 0) c = rpmvercmp(evr.version, m[2]);
  if (c === 0 && m[3] !== undefined) {
    // The release decides: unknown (`%autorelease`) means no answer.
    if (evr.release === undefined) return undefined;
    c = rpmvercmp(evr.release, m[3]);
  }
  return operator === '<' ? c < 0 : c <= 0;
}
