// rpmlint filter files next to a spec: `<name>.rpmlintrc`, `<name>-rpmlintrc`, `rpmlintrc`.
// Only the `addFilter("regex")` calls matter to us; the rest of the (Python/TOML) file is ignored.
import path from 'node:path';
import { FsCache } from './fsCache';
import { appendAll } from '../service/text/arrays';

/** Extracts the regular expressions of `addFilter("…")` / `addFilter('…')` calls. Comment lines are skipped. */
export function parseRpmlintFilters(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n|\r/)) {
    if (/^\s*#/.test(line)) continue;
    // `[^\\]`, not `.`: a backslash either starts an escape or nothing (exponential otherwise).
    const re = /addFilter\s*\(\s*([rR]?)(["'])((?:\\.|(?!\2)[^\\])*)\2\s*\)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) out.push(m[1] ? m[3] : unescapePython(m[3]));
  }
  return out;
}

/** Python string escapes: `\\` → `\`, `\"` → `"`, `\'` → `'`; unknown escapes (`\.`) stay, as in Python. */
function unescapePython(s: string): string {
  return s.replace(/\\(["'\\])/g, (_m, c: string) => c);
}

/** Names of the rpmlintrc files that apply to a spec, most specific first. */
export function rpmlintrcNames(specFile: string): string[] {
  const base = path.basename(specFile).replace(/\.spec(\.in)?$/i, '');
  return [`${base}.rpmlintrc`, `${base}-rpmlintrc`, 'rpmlintrc'];
}

/** Filters from every rpmlintrc next to the spec (missing or unreadable files are skipped). */
export function findRpmlintFilters(specFile: string, cache: FsCache = new FsCache()): string[] {
  const dir = path.dirname(path.resolve(specFile));
  const out: string[] = [];
  for (const name of rpmlintrcNames(specFile)) {
    if (!cache.hasFile(dir, name)) continue;
    const r = cache.read(path.join(dir, name));
    if (r.ok) appendAll(out, parseRpmlintFilters(r.text));
  }
  return out;
}
