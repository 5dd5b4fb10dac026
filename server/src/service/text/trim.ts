// Trimming without regexes: `/\/+$/` is quadratic on a long run of `/` that does not reach the
// end (each start position scans the whole run): 100 KB of `/` in a %files path took 6 s.

/** `s` without the `ch` characters at its end. */
export function trimEnd(s: string, ch: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === ch) end--;
  return end === s.length ? s : s.slice(0, end);
}

/** A path without its trailing slashes (`/usr/` → `/usr`, `/` → ``). */
export function trimTrailingSlashes(path: string): string {
  return trimEnd(path, '/');
}
