// `--cache`: the findings of each file from the previous run, reused when nothing that decides
// them changed. The key hashes the file's text, the effective lint options (profile, rule levels,
// the related files' text, rpmlint filters: everything the service sees) and Specwright's version.
//
// The cache is one text file (default `.specwrightcache` in the working directory, like ESLint's
// `.eslintcache`; `--cache-location` names a file, or a folder to put `.specwrightcache` in).
// Line 1 is a header; then one line per file: absolute path, TAB, key, TAB, metadata, TAB,
// findings as JSON. The metadata (size, modification and change times of the file as read, and a
// hash of the options without the text) lets a later run skip reading and hashing a file whose
// metadata and options are unchanged (ESLint's "metadata" strategy); when they differ, the file is
// read and its content key decides, so a touched but unchanged file is still a hit.
// Findings are kept as text until a file is looked up, and the new cache is written line by line
// as files finish (then renamed over the old one), so memory stays bounded by the cache's size
// in text, not by its objects. Entries of files not linted in this run are kept.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LintOptions } from '../service/lint';
import { VERSION } from './version';

const HEADER = `specwright-cache 2 ${VERSION}`;
export const DEFAULT_CACHE_FILE = '.specwrightcache';

export interface CachedResult {
  key: string;
  /** fileMetadata() of the file the findings are for ('' when unknown: the key alone decides). */
  meta: string;
  /** JSON of the findings. */
  findings: string;
}

/** The options as the cache keys read them (the JSON is made once per file and used by both keys). */
export function optionsJson(options: LintOptions): string {
  return JSON.stringify(options);
}

/** `options`: optionsJson() of the file's options. */
export function cacheKey(text: string, options: string): string {
  return createHash('sha1').update(VERSION).update('\0').update(options).update('\0').update(text).digest('base64');
}

/**
 * What a run can check without reading the file: its size and times, and the options (which
 * include the related files' text and the configuration) with Specwright's version.
 * `options`: optionsJson() of the file's options.
 */
export function fileMetadata(stat: { size: number; mtimeMs: number; ctimeMs: number }, options: string): string {
  const optionsHash = createHash('sha1').update(VERSION).update('\0').update(options).digest('base64');
  return `${stat.size},${stat.mtimeMs},${stat.ctimeMs},${optionsHash}`;
}

/** The cache file for `--cache-location` (a folder, or a path ending with a separator, gets the default name). */
export function resolveCacheFile(location: string | undefined, cwd: string): string {
  if (location === undefined) return path.resolve(cwd, DEFAULT_CACHE_FILE);
  const abs = path.resolve(cwd, location);
  let isDir = /[\\/]$/.test(location);
  try {
    isDir ||= fs.statSync(abs).isDirectory();
  } catch {
    // a file to create
  }
  return isDir ? path.join(abs, DEFAULT_CACHE_FILE) : abs;
}

export class LintCache {
  private readonly old = new Map<string, string>();
  private fd: number | undefined;
  private buffered = '';
  private readonly temp: string;
  /** Why the cache could not be read or written (reported once, the run goes on without it). */
  problem?: string;

  constructor(readonly file: string) {
    this.temp = `${file}.${process.pid}.tmp`;
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') this.problem = `cannot read the cache ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); starting afresh`;
    }
    // A cache from another version (or not ours) is ignored as a whole.
    if (text !== undefined && text.startsWith(HEADER + '\n')) {
      let at = HEADER.length + 1;
      while (at < text.length) {
        let end = text.indexOf('\n', at);
        if (end < 0) end = text.length;
        const tab = text.indexOf('\t', at);
        if (tab > at && tab < end) this.old.set(text.slice(at, tab), text.slice(tab + 1, end));
        at = end + 1;
      }
    }
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      this.fd = fs.openSync(this.temp, 'w');
      fs.writeSync(this.fd, HEADER + '\n');
    } catch (e) {
      this.problem = `cannot write the cache ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the run goes on without saving it`;
      this.fd = undefined;
    }
  }

  /** The previous run's entry for a file. */
  lookup(file: string): CachedResult | undefined {
    const line = this.old.get(path.resolve(file));
    if (line === undefined) return undefined;
    const tab = line.indexOf('\t');
    const tab2 = tab < 0 ? -1 : line.indexOf('\t', tab + 1);
    return tab2 < 0 ? undefined : { key: line.slice(0, tab), meta: line.slice(tab + 1, tab2), findings: line.slice(tab2 + 1) };
  }

  /** Stores a file's entry for the next run (or drops it: `undefined`). */
  record(file: string, entry: CachedResult | undefined): void {
    const abs = path.resolve(file);
    this.old.delete(abs);
    if (entry === undefined || this.fd === undefined || /[\t\n]/.test(abs)) return;
    this.append(`${abs}\t${entry.key}\t${/[\t\n]/.test(entry.meta) ? '' : entry.meta}\t${entry.findings}\n`);
  }

  /** Keeps the entries of files not linted in this run and replaces the old cache. */
  save(): void {
    if (this.fd === undefined) return;
    for (const [abs, line] of this.old) this.append(`${abs}\t${line}\n`);
    this.old.clear();
    this.flush();
    if (this.fd === undefined) return;
    try {
      fs.closeSync(this.fd);
      this.fd = undefined;
      fs.renameSync(this.temp, this.file);
    } catch (e) {
      this.problem = `cannot write the cache ${this.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      fs.rmSync(this.temp, { force: true });
    }
  }

  /** Drops the half-written new cache (the run failed). */
  discard(): void {
    if (this.fd === undefined) return;
    fs.closeSync(this.fd);
    this.fd = undefined;
    fs.rmSync(this.temp, { force: true });
  }

  private append(text: string): void {
    this.buffered += text;
    if (this.buffered.length > 1 << 18) this.flush();
  }

  private flush(): void {
    if (this.fd === undefined) return;
    const text = this.buffered;
    this.buffered = '';
    try {
      fs.writeSync(this.fd, text);
    } catch (e) {
      this.problem = `cannot write the cache ${this.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
      this.discard();
    }
  }
}
