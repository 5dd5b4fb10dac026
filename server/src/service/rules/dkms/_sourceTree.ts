// The source tree around a linted dkms.conf, as far as the caller supplied it: the file list of its
// folder and the Kbuild/Makefiles in it (not a rule: the leading underscore keeps it out of the index).
import { readKbuild, type KbuildInfo } from '../../dkms/kbuild';
import type { DkmsValue } from '../../dkms/ast';
import type { DkmsRuleContext, RelatedDocument } from '../types';

const MAKEFILE_NAMES = ['Kbuild', 'Makefile', 'makefile', 'GNUmakefile'];

export interface TreeMakefile {
  /** Folder relative to dkms.conf's folder: '' for the folder itself, else `src/` (with the slash). */
  dir: string;
  /** Path relative to dkms.conf's folder (`src/Kbuild`). */
  path: string;
  doc: RelatedDocument;
}

export interface SourceTree {
  /** Files under dkms.conf's folder (relative paths), undefined when the caller did not list them. */
  files?: ReadonlySet<string>;
  /** Folders the listing stops at (deeper than it goes): their files are unknown. */
  unlistedDirs: string[];
  /** The Kbuild/Makefiles supplied, by folder: kbuild reads Kbuild before Makefile. */
  makefiles: TreeMakefile[];
  /** Kbuild/Makefiles the listing has but the caller did not supply (too many, too deep). */
  missingMakefiles: string[];
}

function folderOf(uri: string): string {
  // The query or fragment cut by position (`/[?#].*$/` backtracks quadratically on long runs of `#`).
  const cut = uri.search(/[?#]/);
  const path = cut < 0 ? uri : uri.slice(0, cut);
  return path.slice(0, path.lastIndexOf('/') + 1) || path;
}

export function sourceTree(ctx: DkmsRuleContext): SourceTree {
  const base = folderOf(ctx.uri);
  const list = ctx.related.find((r) => r.languageId === 'file-list' && `${r.uri.replace(/\/$/, '')}/` === base);
  const files = list ? new Set(list.text.split('\n').filter((f) => f !== '')) : undefined;
  const makefiles: TreeMakefile[] = [];
  for (const r of ctx.related) {
    if (r.languageId !== 'makefile' || !r.uri.startsWith(base)) continue;
    const path = decodeURIComponent(r.uri.slice(base.length));
    const name = path.replace(/^.*\//, '');
    makefiles.push({ dir: path.slice(0, path.length - name.length), path, doc: r });
  }
  const supplied = new Set(makefiles.map((m) => m.path));
  const missingMakefiles = files ? [...files].filter((f) => MAKEFILE_NAMES.includes(f.replace(/^.*\//, '')) && !supplied.has(f)) : [];
  const unlistedDirs = files ? [...files].filter((f) => f.endsWith('/')) : [];
  return { files, unlistedDirs, makefiles, missingMakefiles };
}

/** The file kbuild reads in each folder (Kbuild before Makefile), with what it builds. */
export function kbuildFiles(tree: SourceTree, overridden: ReadonlySet<string>): { makefile: TreeMakefile; info: KbuildInfo }[] {
  const byDir = new Map<string, TreeMakefile[]>();
  for (const m of tree.makefiles) {
    const list = byDir.get(m.dir) ?? [];
    list.push(m);
    byDir.set(m.dir, list);
  }
  const out: { makefile: TreeMakefile; info: KbuildInfo }[] = [];
  for (const list of byDir.values()) {
    list.sort((a, b) => MAKEFILE_NAMES.indexOf(a.path.replace(/^.*\//, '')) - MAKEFILE_NAMES.indexOf(b.path.replace(/^.*\//, '')));
    out.push({ makefile: list[0], info: readKbuild(list[0].doc.text, overridden) });
  }
  return out;
}

/** The folder looks like the module's source tree (a Kbuild/Makefile or C sources in it), not a packaging folder that only keeps dkms.conf. */
export function looksLikeSourceTree(tree: SourceTree): boolean {
  if (!tree.files) return false;
  return [...tree.files].some((f) => !f.includes('/') && (MAKEFILE_NAMES.includes(f) || /\.c$/.test(f)));
}

/** A relative path as dkms uses it: without `./` and duplicate slashes. */
export function normalizeRelative(path: string): string {
  return path.replace(/\/{2,}/g, '/').replace(/^(\.\/)+/, '').replace(/\/\.\//g, '/');
}

/** The value is a plain literal (no variables, substitutions or placeholders). */
export function literalText(v: DkmsValue, placeholder: boolean): string | undefined {
  if (v.variables.length > 0 || v.hasCommandSubstitution || placeholder) return undefined;
  return v.text;
}

/** Targets a make command line names (words that are not options or VAR=value). */
export function makeTargets(command: string): string[] | undefined {
  const words = command.trim().split(/\s+/);
  if (!/^(?:'make'|"make"|make|\$\{?MAKE\}?|\$\(MAKE\))$/.test(words[0] ?? '')) return undefined;
  const targets: string[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i];
    if (/^(&&|\|\||;|\|)$/.test(w)) break;
    if (w === '-C' || w === '-f' || w === '-j' || w === '-I' || w === '-o' || w === '-W') {
      if (w === '-C' || w === '-f') return undefined; // another folder or Makefile than the one beside dkms.conf
      i++;
      continue;
    }
    if (w.startsWith('-') || w.includes('=')) continue;
    targets.push(w);
  }
  return targets;
}

/** The recipe lines a target runs, with its prerequisites' (a few levels deep). */
export function recipeLines(info: KbuildInfo, target: string, depth = 0, seen = new Set<string>()): { line: number; text: string }[] {
  if (depth > 4 || seen.has(target)) return [];
  seen.add(target);
  const out = [...(info.recipes.get(target) ?? [])];
  for (const p of info.prerequisites.get(target) ?? []) out.push(...recipeLines(info, p, depth + 1, seen));
  return out;
}


/** The Makefile a plain `make` reads in the top folder (GNUmakefile, makefile, Makefile; not Kbuild). */
export function topMakefile(tree: SourceTree): TreeMakefile | undefined {
  return ['GNUmakefile', 'makefile', 'Makefile'].map((n) => tree.makefiles.find((m) => m.path === n)).find((m) => m !== undefined);
}
