// Which files `lint PATH...` checks. A file named on the command line is always linted (its
// language from --language, else from its name, else rpm-spec); a folder is searched for the
// names languageOfPath knows (*.spec, *.spec.in and the other templates, dkms.conf and its kin).
import fs from 'node:fs';
import path from 'node:path';
import { languageOfPath } from '../service/languageOfPath';
import type { LanguageId } from '../service/types';

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface LintTarget {
  /** The path as given, or joined onto the folder given. */
  file: string;
  languageId: LanguageId;
}

/** A named file with an unknown name: a dkms config if it looks like one, else a spec. */
export function guessLanguage(file: string): LanguageId {
  const known = languageOfPath(file);
  if (known) return known;
  return /dkms[^/\\]*\.conf$/i.test(path.basename(file)) ? 'dkms-conf' : 'rpm-spec';
}

function walk(dir: string, out: LintTarget[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    // Symbolic links to folders are not followed (no cycles); links to files are.
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, out);
      continue;
    }
    const languageId = languageOfPath(p); // the path: debian/*.dkms depends on the folder
    if (!languageId) continue;
    if (e.isFile() || (e.isSymbolicLink() && isFile(p))) out.push({ file: p, languageId });
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/**
 * Expands the command-line paths. Paths that do not exist are returned in `missing`. `language`
 * (--language) is the language of the files named directly; found files go by their names.
 */
export function collectTargets(paths: string[], language?: LanguageId): { targets: LintTarget[]; missing: string[] } {
  const targets: LintTarget[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const given of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(given);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') missing.push(given);
      // A symlink loop or an unreadable folder: reading reports the real reason.
      else if (!seen.has(path.resolve(given))) {
        seen.add(path.resolve(given));
        targets.push({ file: given, languageId: language ?? guessLanguage(given) });
      }
      continue;
    }
    const found: LintTarget[] = [];
    if (stat.isDirectory()) walk(given, found);
    else found.push({ file: given, languageId: language ?? guessLanguage(given) });
    for (const t of found) {
      const key = path.resolve(t.file);
      if (seen.has(key)) continue;
      seen.add(key);
      targets.push(t);
    }
  }
  return { targets, missing };
}
