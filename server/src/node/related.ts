// Files that cross-file rules look at: the dkms.conf that a DKMS spec packages, and the spec
// that packages a dkms.conf.
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { RelatedDocument } from '../service/rules/types';
import type { LanguageId } from '../service/types';
import { FsCache } from './fsCache';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
/** A folder full of specs must not make every dkms.conf read them all. */
const MAX_RELATED = 16;
const MAX_BYTES = 2 * 1024 * 1024;

export interface RelatedOptions {
  cache?: FsCache;
  /** Text of a file open in an editor (takes precedence over the disk), by file URI. */
  overlay?: (uri: string) => string | undefined;
}

function isSpecName(name: string): boolean {
  return /\.spec(\.in)?$/i.test(name);
}

/** The kernel build files dkms runs beside a dkms.conf (read as text by the dkms.conf rules). */
const MAKEFILE_NAMES = ['Kbuild', 'Makefile', 'makefile', 'GNUmakefile'];
/** How deep and how much of a dkms.conf's source tree is listed (a repository root can be large). */
const LISTING_DEPTH = 3;
const LISTING_MAX = 3000;
/** Kbuild/Makefiles of sub-folders (where BUILT_MODULE_LOCATION points) read for a dkms.conf. */
const MAX_SUB_MAKEFILES = 8;

/**
 * The files under a folder, relative paths with `/`, up to LISTING_DEPTH folders down;
 * undefined when there are more than LISTING_MAX (then nobody can say a file is missing).
 */
function listTree(cache: FsCache, root: string): string[] | undefined {
  const out: string[] = [];
  const walk = (dir: string, prefix: string, depth: number): boolean => {
    for (const e of cache.list(dir)) {
      if (e.isFile) out.push(prefix + e.name);
      else if (e.isDirectory && !SKIP_DIRS.has(e.name)) {
        // a folder below the listed depth: its files are unknown, listed as the folder itself
        // (and an empty folder, such as a git submodule not checked out)
        const sub = path.join(dir, e.name);
        if (depth >= LISTING_DEPTH || cache.list(sub).length === 0) out.push(`${prefix}${e.name}/`);
        else if (!walk(sub, `${prefix}${e.name}/`, depth + 1)) return false;
      }
      if (out.length > LISTING_MAX) return false;
    }
    return true;
  };
  return walk(root, '', 1) ? out.sort() : undefined;
}

/**
 * For a spec: `dkms.conf` in the same folder and in its subfolders one level down.
 * For a dkms.conf: `*.spec` and `*.spec.in` in the same folder and in its parent, the
 * `Kbuild`/`Makefile` in its folder and its sub-folders, and the list of files under its folder
 * (`file-list`).
 * Unreadable, binary and oversized files are left out.
 */
export function findRelatedDocuments(file: string, languageId: LanguageId, options: RelatedOptions = {}): RelatedDocument[] {
  const cache = options.cache ?? new FsCache();
  const self = path.resolve(file);
  const dir = path.dirname(self);
  const candidates: { file: string; languageId: RelatedDocument['languageId'] }[] = [];
  if (languageId === 'rpm-spec') {
    if (cache.hasFile(dir, 'dkms.conf')) candidates.push({ file: path.join(dir, 'dkms.conf'), languageId: 'dkms-conf' });
    for (const name of cache.subdirectories(dir)) {
      if (SKIP_DIRS.has(name)) continue;
      const sub = path.join(dir, name);
      if (cache.hasFile(sub, 'dkms.conf')) candidates.push({ file: path.join(sub, 'dkms.conf'), languageId: 'dkms-conf' });
    }
  } else {
    for (const d of [dir, path.dirname(dir)]) {
      if (d === dir && candidates.length > 0) continue;
      const names = cache.list(d).filter((e) => e.isFile && isSpecName(e.name)).map((e) => e.name).sort();
      for (const name of names) candidates.push({ file: path.join(d, name), languageId: 'rpm-spec' });
      if (d === path.dirname(d)) break;
    }
    // first, so that a folder full of specs cannot push them out
    candidates.unshift(...MAKEFILE_NAMES.filter((name) => cache.hasFile(dir, name)).map((name) => ({ file: path.join(dir, name), languageId: 'makefile' as const })));
  }
  const out: RelatedDocument[] = [];
  if (languageId === 'dkms-conf') {
    const listing = listTree(cache, dir);
    if (listing) {
      out.push({ uri: URI.file(dir).toString(), languageId: 'file-list', text: listing.join('\n') });
      // the Kbuild/Makefiles of sub-folders, shallowest first (a module built in src/)
      const sub = listing.filter((f) => f.includes('/') && MAKEFILE_NAMES.includes(f.replace(/^.*\//, '')));
      sub.sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
      const firstSpec = candidates.findIndex((c) => c.languageId !== 'makefile');
      const subFiles = sub.slice(0, MAX_SUB_MAKEFILES).map((f) => ({ file: path.join(dir, f), languageId: 'makefile' as const }));
      candidates.splice(firstSpec < 0 ? candidates.length : firstSpec, 0, ...subFiles);
    }
  }
  for (const c of candidates) {
    if (out.length >= MAX_RELATED + MAX_SUB_MAKEFILES + 1) break;
    if (c.file === self) continue;
    const uri = URI.file(c.file).toString();
    let text = options.overlay?.(uri);
    if (text === undefined) {
      const r = cache.read(c.file);
      if (!r.ok || r.text.length > MAX_BYTES) continue;
      text = r.text;
    }
    out.push({ uri, languageId: c.languageId, text });
  }
  return out;
}
