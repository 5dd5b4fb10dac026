// The Fedora-scale run of `npm run bench` (also `node bench/fedora.mjs`): the CLI over all 23,184
// Fedora specs, on one thread and on every core, without and with --cache (a cold run that fills
// the cache, then a warm one), and rpmlint on a fixed sample of 200 of them in the same run.
// Measured per run: wall time, CPU time (user + sys, from GNU time: far less disturbed by other
// load on a shared machine than wall time) and peak RSS of the whole process (all its threads).
// Every report is compared byte for byte with the one-thread report.
//
// The specs come from $SPECWRIGHT_FEDORA_SPECS (a folder of *.spec), else from the tarball
// <shared>/corpus-fedora/fedora-specs.tar.xz, unpacked once into a cache folder
// ($XDG_CACHE_HOME or ~/.cache)/specwright-bench/fedora. rpmlint runs sandboxed (it makes rpm
// parse the spec, which runs the spec's %(…) code): scripts/oracle/rpm.mjs's sandbox.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sandboxCommand } from '../scripts/oracle/rpm.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const RPMLINT_SAMPLE = 200;
/** The targets for 2 cores. */
export const TARGETS = { wallMs: 12_000, rssMb: 400, cachedWallMs: 3_000 };

function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** The folder of Fedora specs, unpacking the tarball when needed; or why there is none. */
export function fedoraSpecs(shared) {
  const env = process.env.SPECWRIGHT_FEDORA_SPECS;
  if (env) return fs.existsSync(env) ? { dir: env } : { reason: `SPECWRIGHT_FEDORA_SPECS=${env} does not exist` };
  const tarball = shared ? path.join(shared, 'corpus-fedora', 'fedora-specs.tar.xz') : undefined;
  if (!tarball || !fs.existsSync(tarball)) return { reason: 'no ../shared/corpus-fedora/fedora-specs.tar.xz (set SPECWRIGHT_SHARED or SPECWRIGHT_FEDORA_SPECS)' };
  const cache = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'specwright-bench', 'fedora');
  const dir = path.join(cache, 'specs');
  const stamp = path.join(cache, '.unpacked');
  const st = fs.statSync(tarball);
  const want = `${st.size} ${st.mtimeMs}`;
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== want) {
    fs.rmSync(cache, { recursive: true, force: true });
    fs.mkdirSync(cache, { recursive: true });
    console.error(`unpacking ${tarball} into ${cache} (once)…`);
    const r = spawnSync('tar', ['-xJf', tarball, '-C', cache], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) return { reason: `cannot unpack ${tarball}: ${r.stderr.trim()}` };
    fs.writeFileSync(stamp, want);
  }
  return { dir };
}

/** Runs a command under GNU time: wall, CPU ms, peak RSS MB, and a hash of its stdout. */
function measure(argv, { cwd, nice = false } = {}) {
  const outFile = path.join(os.tmpdir(), `specwright-bench-${process.pid}.out`);
  const timeFile = path.join(os.tmpdir(), `specwright-bench-${process.pid}.time`);
  const fd = fs.openSync(outFile, 'w');
  const cmd = [...(nice ? ['nice'] : []), '/usr/bin/time', '-o', timeFile, '-f', '%e %U %S %M', ...argv];
  const t0 = performance.now();
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1048576 });
  const wall = performance.now() - t0;
  fs.closeSync(fd);
  const [, user, sys, rssKb] = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  const hash = createHash('sha256');
  hash.update(fs.readFileSync(outFile));
  const size = fs.statSync(outFile).size;
  fs.rmSync(outFile, { force: true });
  fs.rmSync(timeFile, { force: true });
  return { wall, cpu: (user + sys) * 1000, rssMb: rssKb / 1024, status: r.status, stderr: r.stderr ?? '', hash: hash.digest('hex'), size };
}

/**
 * Runs the Fedora part and writes its section with `md`; `goal(name, ok, detail)` records the targets.
 * `cli` is the path of dist/cli.js.
 */
export function fedoraBench({ md, goal, cli, shared }) {
  md('## 7. Fedora at scale: all Fedora specs, --jobs, --cache, rpmlint on 200');
  md();
  const found = fedoraSpecs(shared);
  if (!found.dir) {
    md(`_skipped: ${found.reason}_\n`);
    return;
  }
  const specs = fs.readdirSync(found.dir).filter((f) => f.endsWith('.spec')).sort();
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const cacheFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-bench-cache-')), 'lint.cache');
  const lint = (extra) => [process.execPath, cli, 'lint', '--format', 'json', ...extra, '.'];
  const runs = [];
  const run = (label, argv) => {
    console.error(`fedora: ${label}…`);
    const m = measure(argv, { cwd: found.dir });
    runs.push({ label, ...m });
    return m;
  };
  const one = run('one thread (--jobs 1)', lint(['--jobs', '1']));
  const all = run(`--jobs ${cores} (default: every core)`, lint([]));
  const cold = run(`--jobs ${cores} --cache, cold (fills the cache)`, lint(['--cache-location', cacheFile]));
  const warm = run(`--jobs ${cores} --cache, warm (nothing changed)`, lint(['--cache-location', cacheFile]));
  const cacheMb = fs.existsSync(cacheFile) ? fs.statSync(cacheFile).size / 1048576 : 0;
  fs.rmSync(path.dirname(cacheFile), { recursive: true, force: true });

  // rpmlint and specwright on the same fixed sample: every (n/200)-th spec of the sorted list.
  const step = specs.length / RPMLINT_SAMPLE;
  const sample = Array.from({ length: Math.min(RPMLINT_SAMPLE, specs.length) }, (_, i) => specs[Math.floor(i * step)]);
  const sampleAbs = sample.map((f) => path.join(found.dir, f));
  const swSample = run(`specwright, the ${sample.length}-spec sample (--jobs 1)`, [process.execPath, cli, 'lint', '--format', 'json', '--jobs', '1', ...sampleAbs]);
  let rl;
  if (!have('rpmlint')) md('_rpmlint not installed: its run is skipped_\n');
  else if (!have('unshare')) md('_unshare missing: rpmlint (which runs spec code) is not run unsandboxed_\n');
  else {
    // The sandbox hides /tmp and runs as nobody, who may not read a home folder: the sample goes
    // to a world-readable copy in /dev/shm (or beside the specs).
    const base = fs.existsSync('/dev/shm') ? '/dev/shm' : path.dirname(found.dir);
    const copy = fs.mkdtempSync(path.join(base, 'specwright-bench-rpmlint-'));
    fs.chmodSync(copy, 0o755);
    for (const f of sample) fs.copyFileSync(path.join(found.dir, f), path.join(copy, f));
    try {
      const version = spawnSync('rpmlint', ['--version'], { encoding: 'utf8' }).stdout.trim();
      rl = run(`rpmlint ${version}, the same ${sample.length} specs (one process, sandboxed)`, sandboxCommand(['timeout', '1200', 'rpmlint', ...sample.map((f) => path.join(copy, f))]));
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
  }

  const ms = (x) => x.toFixed(0);
  md(`${specs.length} specs (${(specs.reduce((n, f) => n + fs.statSync(path.join(found.dir, f)).size, 0) / 1048576).toFixed(0)} MB) from ${found.dir}; ${cores} cores; load average at the end: ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}. One run each (the whole corpus is the repetition). CPU = user + sys of the process and all its threads.`);
  md();
  md('| run | wall ms | CPU ms | peak RSS MB | report identical to one thread | exit |');
  md('| --- | ---: | ---: | ---: | --- | ---: |');
  for (const r of runs) {
    const same = r.label.startsWith('specwright, the') || r.label.startsWith('rpmlint') ? '—' : r.hash === one.hash ? `yes (${(r.size / 1048576).toFixed(1)} MB)` : '**NO**';
    md(`| ${r.label} | ${ms(r.wall)} | ${ms(r.cpu)} | ${r.rssMb.toFixed(0)} | ${same} | ${r.status} |`);
  }
  md();
  md(`Cache file after the cold run: ${cacheMb.toFixed(1)} MB.`);
  if (rl) md(`On the ${sample.length}-spec sample: rpmlint ${ms(rl.cpu)} ms CPU, Specwright ${ms(swSample.cpu)} ms CPU (${(rl.cpu / swSample.cpu).toFixed(1)}× less), both including start-up.`);
  md();
  goal(`Fedora corpus ≤ ${TARGETS.wallMs / 1000} s wall (${cores} cores)`, all.wall <= TARGETS.wallMs, `${(all.wall / 1000).toFixed(1)} s wall, ${(all.cpu / 1000).toFixed(1)} s CPU`);
  goal(`Fedora corpus ≤ ${TARGETS.rssMb} MB peak RSS`, all.rssMb <= TARGETS.rssMb, `${all.rssMb.toFixed(0)} MB (one thread: ${one.rssMb.toFixed(0)} MB)`);
  goal(`second run with --cache ≤ ${TARGETS.cachedWallMs / 1000} s`, warm.wall <= TARGETS.cachedWallMs, `${(warm.wall / 1000).toFixed(1)} s wall, ${(warm.cpu / 1000).toFixed(1)} s CPU`);
  goal('output identical to one thread', [all, cold, warm].every((r) => r.hash === one.hash), [all, cold, warm].map((r) => (r.hash === one.hash ? 'same' : 'DIFFERENT')).join(', '));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const shared = [process.env.SPECWRIGHT_SHARED, path.resolve(repo, '../shared')].find((c) => c && fs.existsSync(c));
  const goals = [];
  // SPECWRIGHT_CLI: another build of the CLI (e.g. a copy, so that a rebuild of dist/ does not change it mid-run).
  const cli = process.env.SPECWRIGHT_CLI ?? path.join(repo, 'dist', 'cli.js');
  fedoraBench({ md: (s = '') => console.log(s), goal: (name, ok, detail) => goals.push({ name, ok, detail }), cli, shared });
  for (const g of goals) console.log(`- ${g.ok ? 'met' : '**not met**'}: ${g.name} — ${g.detail}`);
}
