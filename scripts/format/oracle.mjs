#!/usr/bin/env node
// The formatter's oracle: rpm must see the same spec before and after formatting.
//
//   node scripts/format/oracle.mjs [--shared] [--fedora] [--limit N] [--every K] [--jobs N] [--mode full|minimal] [--out FILE] [FILE...]
//
// For each spec: format it with the project's formatter (default settings), check that formatting
// the result again changes nothing, and when the text changed, parse the original and the
// formatted spec with rpm (python3-rpm, scripts/format/rpm-view-server.py) and compare rpm's whole
// view: every tag of the source header and of each package header (names, EVR, dependencies with
// flags and versions, descriptions, changelog, scriptlets), the sources and patches, the
// %prep/%build/%install/%check/%clean bodies and each package's %files text. Two whitespace-only
// differences are allowed because the formatter makes them on purpose: trailing blanks at line ends
// and trailing blank lines of script bodies, and blank lines and line-edge blanks in %files text.
//
// --shared: ../shared/corpus/spec; --fedora: every Fedora spec (unpacked from
// ../shared/corpus-fedora/fedora-specs.tar.xz into a cache folder, or SPECWRIGHT_FEDORA_SPECS).
// rpm runs the specs' %(…) and %{lua:…}: it runs sandboxed (unshare -n, a private mount namespace
// with bash bind-mounted over /bin/sh, a scratch HOME and working folder, a timeout per spec).
// Exit status: 0 when rpm's view never differed and formatting was always idempotent, 1 otherwise,
// 2 when rpm or the sandbox is missing.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const shared = [process.env.SPECWRIGHT_SHARED, path.resolve(root, '../shared'), path.resolve(root, '../../shared')].find((d) => d && existsSync(path.join(d, 'corpus'))) ?? path.resolve(root, '../shared');

/** Why the oracle cannot run here, or undefined. */
export function oracleUnavailable() {
  if (spawnSync('/usr/bin/python3', ['-c', 'import rpm'], { stdio: 'ignore' }).status !== 0) return 'python3-rpm (/usr/bin/python3 with the rpm module) is not installed';
  if (spawnSync('unshare', ['-mn', 'true'], { stdio: 'ignore' }).status !== 0) return 'unshare -mn is not permitted (the sandbox needs it)';
  return undefined;
}

/** The project's formatter, bundled from the sources. */
export async function loadFormatter() {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'specwright-fmt-')), 'format.cjs');
  await esbuild.build({
    stdin: {
      contents: "export { parseSpec } from './server/src/service/specfile/parser'; export { formatSpecText, DEFAULT_FORMAT_OPTIONS } from './server/src/service/features/format'; export { querySpec } from './server/src/service/specfile/rpmQuery';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: out, logLevel: 'warning',
  });
  const { createRequire } = await import('node:module');
  const mod = createRequire(import.meta.url)(out);
  rmSync(path.dirname(out), { recursive: true, force: true });
  const format = (text, options = {}) => mod.formatSpecText(mod.parseSpec(text), { ...mod.DEFAULT_FORMAT_OPTIONS, ...options });
  /** `specwright query` output (Fedora profile) as JSON text. */
  format.query = (text) => JSON.stringify(mod.querySpec(mod.parseSpec(text), 'fedora'));
  return format;
}

/** A sandboxed python3-rpm process answering one spec path per line. */
export class RpmViewer {
  constructor(scratch) {
    this.scratch = scratch;
    mkdirSync(scratch, { recursive: true });
    const script = path.join(here, 'rpm-view-server.py');
    this.proc = spawn('unshare', ['-mn', 'sh', '-c', 'mount --bind /bin/bash /bin/sh && cd "$0" && exec nice /usr/bin/python3 "$1"', scratch, script], {
      env: { PATH: '/usr/bin:/bin:/usr/sbin:/sbin', HOME: scratch, LANG: 'C.UTF-8', TMPDIR: scratch },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    this.waiting = [];
    readline.createInterface({ input: this.proc.stdout }).on('line', (line) => this.waiting.shift()?.(JSON.parse(line)));
    this.proc.on('exit', () => { for (const w of this.waiting.splice(0)) w({ ok: false, error: 'rpm view process exited' }); });
  }
  /** rpm's view of the spec at `file`. */
  view(file) {
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.proc.stdin.write(file + '\n');
    });
  }
  close() { this.proc.stdin.end(); }
}

const SCRIPT_TAGS = new Set(['prein', 'postin', 'preun', 'postun', 'pretrans', 'posttrans', 'preuntrans', 'postuntrans', 'verifyscript', 'triggerscripts', 'filetriggerscripts', 'transfiletriggerscripts']);
const trimScript = (s) => (typeof s === 'string' ? s.split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '') : s);
const trimFiles = (s) => (typeof s === 'string' ? s.split('\n').map((l) => l.trim()).filter((l) => l !== '').join('\n') : s);

function normalHeader(h) {
  const out = {};
  for (const [k, v] of Object.entries(h)) out[k] = SCRIPT_TAGS.has(k) ? (Array.isArray(v) ? v.map(trimScript) : trimScript(v)) : v;
  return out;
}

/** rpm's view with the formatter's intended whitespace differences taken out. */
export function normalView(v) {
  return {
    source: normalHeader(v.source),
    sources: v.sources,
    scripts: Object.fromEntries(Object.entries(v.scripts).map(([k, s]) => [k, trimScript(s)])),
    packages: v.packages.map((p) => ({ header: normalHeader(p.header), files: trimFiles(p.files) })),
  };
}

/** Paths where two JSON values differ (at most `max`). */
export function differences(a, b, at = '', out = [], max = 5) {
  if (out.length >= max) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences(a[k], b[k], `${at}.${k}`, out, max);
  } else out.push({ at, before: a, after: b });
  return out;
}

/**
 * Runs the oracle over `files`. Returns counts and the differing specs.
 * `progress(done, total)` is called now and then.
 */
export async function runOracle(files, { jobs = 1, mode = 'full', progress = () => {} } = {}) {
  const format = await loadFormatter();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'specwright-oracle-'));
  const viewers = Array.from({ length: jobs }, (_, i) => new RpmViewer(path.join(scratch, `w${i}`)));
  const r = { queryDiffered: [], formatted: 0, unreadable: 0, changed: 0, notIdempotent: [], rpmRejected: 0, rpmRejectedAfter: [], byteIdentical: 0, sameAfterWhitespace: 0, nondeterministic: [], differed: [] };
  let next = 0;
  let done = 0;
  const worker = async (viewer, wi) => {
    while (next < files.length) {
      const file = files[next++];
      let text;
      try { text = readFileSync(file, 'utf8'); } catch { r.unreadable++; continue; }
      const once = format(text, { mode });
      r.formatted++;
      if (format(once, { mode }) !== once) r.notIdempotent.push(file);
      if (once !== text) {
        r.changed++;
        if (format.query(once) !== format.query(text)) r.queryDiffered.push(file);
        const base = path.basename(file);
        const a = path.join(scratch, `w${wi}`, 'a', base);
        const b = path.join(scratch, `w${wi}`, 'b', base);
        mkdirSync(path.dirname(a), { recursive: true });
        mkdirSync(path.dirname(b), { recursive: true });
        writeFileSync(a, text);
        writeFileSync(b, once);
        const before = await viewer.view(a);
        if (!before.ok) r.rpmRejected++;
        else {
          const after = await viewer.view(b);
          if (!after.ok) r.rpmRejectedAfter.push({ file, error: after.error });
          else if (JSON.stringify(before.view) === JSON.stringify(after.view)) r.byteIdentical++;
          else {
            const diff = differences(normalView(before.view), normalView(after.view));
            if (diff.length === 0) r.sameAfterWhitespace++;
            else {
              // Specs whose %(…) output changes from run to run (dates, random names) are not our doing.
              const again = await viewer.view(a);
              if (again.ok && differences(normalView(before.view), normalView(again.view)).length > 0) r.nondeterministic.push(file);
              else r.differed.push({ file, diff });
            }
          }
        }
        rmSync(a, { force: true });
        rmSync(b, { force: true });
      }
      done++;
      if (done % 200 === 0) progress(done, files.length);
    }
  };
  await Promise.all(viewers.map((v, i) => worker(v, i)));
  for (const v of viewers) v.close();
  rmSync(scratch, { recursive: true, force: true });
  return r;
}

/** Every `*.spec` of the Fedora corpus, unpacked into a cache folder on first use. */
export function fedoraSpecs() {
  let dir = process.env.SPECWRIGHT_FEDORA_SPECS;
  if (!dir) {
    const cache = path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'specwright', 'fedora');
    dir = path.join(cache, 'specs');
    if (!existsSync(dir)) {
      const tarball = path.join(shared, 'corpus-fedora', 'fedora-specs.tar.xz');
      if (!existsSync(tarball)) throw new Error(`the Fedora corpus is missing (${tarball})`);
      mkdirSync(cache, { recursive: true });
      process.stderr.write(`Unpacking ${tarball} into ${cache}…\n`);
      const t = spawnSync('tar', ['-xJf', tarball, '-C', cache], { stdio: 'inherit' });
      if (t.status !== 0) throw new Error('tar failed');
    }
  }
  return readdirSync(dir).filter((f) => f.endsWith('.spec')).sort().map((f) => path.join(dir, f));
}

export function sharedSpecs() {
  const dir = path.join(shared, 'corpus', 'spec');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => /\.spec(\.in)?$/.test(f)).sort().map((f) => path.join(dir, f));
}

async function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => { const i = args.indexOf(name); if (i < 0) return dflt; const v = args[i + 1]; args.splice(i, 2); return v; };
  const flag = (name) => { const i = args.indexOf(name); if (i < 0) return false; args.splice(i, 1); return true; };
  const limit = Number(opt('--limit', '0'));
  const every = Number(opt('--every', '1'));
  const jobs = Number(opt('--jobs', '1'));
  const mode = opt('--mode', 'full');
  const outFile = opt('--out', undefined);
  const useShared = flag('--shared');
  const useFedora = flag('--fedora');
  const why = oracleUnavailable();
  if (why) { process.stderr.write(`format oracle: ${why}\n`); process.exit(2); }
  let files = [...args];
  if (useShared) files.push(...sharedSpecs());
  if (useFedora) files.push(...fedoraSpecs());
  if (files.length === 0) files = sharedSpecs();
  files = files.filter((_, i) => i % every === 0);
  if (limit > 0) files = files.slice(0, limit);
  const t0 = Date.now();
  const r = await runOracle(files, { jobs, mode, progress: (d, n) => process.stderr.write(`  ${d}/${n} (${Math.round((Date.now() - t0) / 1000)} s)\n`) });
  const summary = {
    mode,
    specs: files.length,
    formatted: r.formatted,
    unreadable: r.unreadable,
    changed: r.changed,
    notIdempotent: r.notIdempotent.length,
    changedAndRejectedByRpm: r.rpmRejected,
    changedAndAcceptedByRpm: r.changed - r.rpmRejected,
    rpmRejectsOnlyAfterFormatting: r.rpmRejectedAfter.length,
    rpmViewByteIdentical: r.byteIdentical,
    rpmViewSameUpToWhitespace: r.sameAfterWhitespace,
    nondeterministicSpecs: r.nondeterministic.length,
    rpmViewDiffered: r.differed.length,
    specwrightQueryDiffered: r.queryDiffered.length,
    seconds: Math.round((Date.now() - t0) / 1000),
  };
  console.log(JSON.stringify(summary, null, 2));
  if (outFile) mkdirSync(path.dirname(path.resolve(outFile)), { recursive: true });
  if (outFile) writeFileSync(outFile, JSON.stringify({ summary, queryDiffered: r.queryDiffered, notIdempotent: r.notIdempotent, rpmRejectedAfter: r.rpmRejectedAfter, nondeterministic: r.nondeterministic, differed: r.differed }, null, 2));
  for (const d of r.differed.slice(0, 20)) console.error(`DIFFERS ${d.file}: ${JSON.stringify(d.diff).slice(0, 600)}`);
  for (const f of r.notIdempotent.slice(0, 20)) console.error(`NOT IDEMPOTENT ${f}`);
  for (const f of r.rpmRejectedAfter.slice(0, 20)) console.error(`REJECTED AFTER FORMATTING ${f.file}: ${f.error}`);
  for (const f of r.queryDiffered.slice(0, 20)) console.error(`QUERY DIFFERS ${f}`);
  process.exit(r.queryDiffered.length + r.differed.length + r.notIdempotent.length + r.rpmRejectedAfter.length === 0 ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
