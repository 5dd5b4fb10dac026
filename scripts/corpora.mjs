// Where the reference corpora are: the shared corpus (../shared/corpus, 500 real specs) and the
// Fedora corpus (../shared/corpus-fedora/fedora-specs.tar.xz, 23,184 specs), unpacked on first use
// into a cache folder outside the project. Used by the rpm oracle and the precision sampler.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The shared reference folder: $SPECWRIGHT_SHARED, else ../shared next to the repository. */
export function sharedDir() {
  return process.env.SPECWRIGHT_SHARED ?? path.resolve(repoRoot, '..', 'shared');
}

/** The shared corpus specs, templates (`.spec.in`) included (absolute paths, sorted), or null when ../shared/corpus is missing. */
export function sharedCorpusSpecs() {
  const dir = path.join(sharedDir(), 'corpus', 'spec');
  if (!fs.existsSync(dir)) return null;
  return fs.readdirSync(dir).sort().map((n) => path.join(dir, n));
}

function cacheBase() {
  return process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

/**
 * The folder holding the unpacked Fedora specs, or null (with the reason in `fedoraSpecsDir.reason`)
 * when the tarball is missing. $SPECWRIGHT_FEDORA_SPECS names an already unpacked folder; otherwise
 * the tarball is unpacked once into ~/.cache/specwright/fedora-specs-<size>-<mtime> (about 5 s).
 * @param {{ quiet?: boolean }} [options]
 */
export function fedoraSpecsDir(options = {}) {
  if (process.env.SPECWRIGHT_FEDORA_SPECS) return process.env.SPECWRIGHT_FEDORA_SPECS;
  const tarball = path.join(sharedDir(), 'corpus-fedora', 'fedora-specs.tar.xz');
  let stat;
  try {
    stat = fs.statSync(tarball);
  } catch {
    fedoraSpecsDir.reason = `no Fedora corpus at ${tarball}`;
    return null;
  }
  const dest = path.join(cacheBase(), 'specwright', `fedora-specs-${stat.size}-${Math.trunc(stat.mtimeMs)}`);
  const specs = path.join(dest, 'specs');
  if (fs.existsSync(path.join(dest, '.complete'))) return specs;
  if (!options.quiet) process.stderr.write(`unpacking ${tarball} into ${dest} …\n`);
  const tmp = `${dest}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  const r = spawnSync('tar', ['-xJf', tarball, '-C', tmp], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    fedoraSpecsDir.reason = `cannot unpack ${tarball}: ${(r.stderr || r.error?.message || '').trim()}`;
    return null;
  }
  fs.writeFileSync(path.join(tmp, '.complete'), '');
  try {
    fs.renameSync(tmp, dest);
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true }); // another process unpacked it first
  }
  return specs;
}
/** @type {string | undefined} */
fedoraSpecsDir.reason = undefined;

/** All Fedora spec paths, sorted by file name, or null when the corpus is missing. */
export function fedoraSpecs(options) {
  const dir = fedoraSpecsDir(options);
  if (!dir) return null;
  return fs.readdirSync(dir).filter((n) => n.endsWith('.spec')).sort().map((n) => path.join(dir, n));
}

/**
 * The fixed Fedora sample of the oracle: every `step`-th spec by sorted file name (from the first),
 * at most `count`. The default is issue 11's sample: every 46th, 500 specs.
 */
export function fedoraSample({ step = 46, count = 500, ...options } = {}) {
  const all = fedoraSpecs(options);
  if (!all) return null;
  const out = [];
  for (let i = 0; i < all.length && out.length < count; i += step) out.push(all[i]);
  return out;
}
