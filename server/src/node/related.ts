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

/**
 * For a spec: `dkms.conf` in the same folder and in its subfolders one level down.
 * For a dkms.conf: `*.spec` and `*.spec.in` in the same folder and in its parent, and the
 * `Kbuild`/`Makefile` in its folder.
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
  for (const c of candidates) {
    if (out.length >= MAX_RELATED) break;
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
