// Seeded mutation fuzzer for the language service (see test/fuzz/fuzzer.ts for the mutations
// and invariants).
//
//   node scripts/fuzz.mjs [--iterations N] [--seed S] [--start I] [--only I] [--time-limit SECONDS]
//                         [--per-kb-ms 20] [--const-ms 50] [--max-failures 5] [--hang-seconds 60]
//
// Seeds: the corpus in ../shared/corpus (or $SPECWRIGHT_SHARED/corpus); built-in seeds when absent.
// The fuzzer runs in a worker thread; a watchdog restarts it past an input that hangs. Failures are
// written to .fuzz/<seed>-<iteration>-<kind>.{spec,conf} (minimized) plus .orig and .txt files.
// Exit code: 0 when every invariant held, 1 otherwise.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearInterval, setInterval } from 'node:timers';
import { Worker } from 'node:worker_threads';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const o = { iterations: 2000, seed: 1, start: 0, only: undefined, timeLimit: undefined, perKbMs: 20, constMs: 50, maxFailures: 5, hangSeconds: 60 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => {
      const x = argv[++i];
      if (x === undefined || Number.isNaN(Number(x))) throw new Error(`${a} needs a number`);
      return Number(x);
    };
    if (a === '--iterations' || a === '-n') o.iterations = v();
    else if (a === '--seed' || a === '-s') o.seed = v();
    else if (a === '--start') o.start = v();
    else if (a === '--only') o.only = v();
    else if (a === '--time-limit') o.timeLimit = v();
    else if (a === '--per-kb-ms') o.perKbMs = v();
    else if (a === '--const-ms') o.constMs = v();
    else if (a === '--max-failures') o.maxFailures = v();
    else if (a === '--hang-seconds') o.hangSeconds = v();
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/fuzz.mjs [--iterations N] [--seed S] [--start I] [--only I] [--time-limit SECONDS]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.only !== undefined) {
    o.start = o.only;
    o.iterations = 1;
  }
  return o;
}

function sharedDir() {
  for (const c of [process.env.SPECWRIGHT_SHARED, path.resolve(repo, '../shared')]) if (c && fs.existsSync(path.join(c, 'corpus'))) return c;
  return undefined;
}

async function bundle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-fuzz-'));
  const outfile = path.join(dir, 'fuzzer.cjs');
  await esbuild.build({ entryPoints: [path.join(repo, 'test/fuzz/fuzzer.ts')], outfile, bundle: true, format: 'cjs', platform: 'node', target: 'node20', logLevel: 'warning' });
  const worker = path.join(dir, 'worker.cjs');
  fs.writeFileSync(
    worker,
    `const { parentPort, workerData } = require('node:worker_threads');
const fz = require(${JSON.stringify(outfile)});
const seeds = fz.loadSeeds(workerData.shared);
const progress = new Int32Array(workerData.progress);
const report = fz.runFuzz({ ...workerData.options, seeds,
  onIteration: (i) => { Atomics.store(progress, 0, i); Atomics.add(progress, 1, 1); },
  progressEvery: 5000, onProgress: (n, ms) => parentPort.postMessage({ type: 'progress', n, ms }),
  onFailure: (f) => parentPort.postMessage({ type: 'failure', iteration: f.iteration, kind: f.kind, message: f.message.split('\\n')[0] }) });
parentPort.postMessage({ type: 'done', report, seeds: seeds.length, features: fz.discoverFeatures() });
`,
  );
  return { dir, worker };
}

function runWorker(workerFile, shared, options, hangSeconds) {
  const progress = new SharedArrayBuffer(8);
  const view = new Int32Array(progress);
  view[0] = options.start - 1;
  return new Promise((resolve, reject) => {
    const w = new Worker(workerFile, { workerData: { shared, options, progress } });
    let last = -2;
    let lastChange = Date.now();
    const timer = setInterval(() => {
      const cur = Atomics.load(view, 1);
      if (cur !== last) {
        last = cur;
        lastChange = Date.now();
      } else if (Date.now() - lastChange > hangSeconds * 1000) {
        clearInterval(timer);
        const it = Atomics.load(view, 0);
        void w.terminate();
        resolve({ hang: it, done: Atomics.load(view, 1) });
      }
    }, 500);
    w.on('message', (m) => {
      if (m.type === 'progress') console.error(`  ${m.n} inputs, ${(m.ms / 1000).toFixed(0)} s`);
      else if (m.type === 'failure') console.error(`  failure at iteration ${m.iteration} [${m.kind}]: ${m.message}`);
      else {
        clearInterval(timer);
        resolve(m);
      }
    });
    w.on('error', (e) => {
      clearInterval(timer);
      reject(e);
    });
  });
}

const opts = parseArgs(process.argv.slice(2));
const shared = sharedDir();
console.log(`fuzz: seed ${opts.seed}, iterations ${opts.start}..${opts.start + opts.iterations - 1}${opts.timeLimit ? `, time limit ${opts.timeLimit} s` : ''}`);
if (!shared) console.log('fuzz: ../shared/corpus not found (set SPECWRIGHT_SHARED): using the built-in seeds only');
const { dir, worker } = await bundle();
const outDir = path.join(repo, '.fuzz');
const total = { iterations: 0, bytes: 0, findings: 0, fixesApplied: 0, elapsedMs: 0, featureCalls: {}, failures: [], hangs: [], slowest: { ms: 0 } };
const t0 = Date.now();
let start = opts.start;
let remaining = opts.iterations;
let seedsCount = 0;
let features;
try {
  while (remaining > 0) {
    const left = opts.timeLimit ? opts.timeLimit * 1000 - (Date.now() - t0) : undefined;
    if (left !== undefined && left <= 0) break;
    const res = await runWorker(worker, shared, { iterations: remaining, seed: opts.seed, start, perKbMs: opts.perKbMs, constMs: opts.constMs, maxFailures: opts.maxFailures - total.failures.length, timeLimitMs: left }, opts.hangSeconds);
    if (res.hang !== undefined) {
      // The worker stopped making progress on one input: record it and go on after it.
      total.hangs.push(res.hang);
      total.iterations += res.done;
      remaining -= res.hang - start + 1;
      start = res.hang + 1;
      continue;
    }
    const r = res.report;
    seedsCount = res.seeds;
    features = res.features;
    total.iterations += r.iterations;
    total.bytes += r.bytes;
    total.findings += r.findings;
    total.fixesApplied += r.fixesApplied;
    for (const [k, v] of Object.entries(r.featureCalls)) total.featureCalls[k] = (total.featureCalls[k] ?? 0) + v;
    if (r.slowest.ms > total.slowest.ms) total.slowest = r.slowest;
    total.failures.push(...r.failures);
    break;
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
total.elapsedMs = Date.now() - t0;

const ext = (lang) => (lang === 'dkms-conf' ? 'conf' : 'spec');
if (total.failures.length > 0 || total.hangs.length > 0) fs.mkdirSync(outDir, { recursive: true });
for (const f of total.failures) {
  const base = path.join(outDir, `${f.seed}-${f.iteration}-${f.kind.replace(/[^\w.-]+/g, '_').slice(0, 60)}`);
  fs.writeFileSync(`${base}.${ext(f.input.languageId)}`, f.minimized);
  fs.writeFileSync(`${base}.orig.${ext(f.input.languageId)}`, f.input.text);
  fs.writeFileSync(`${base}.txt`, `seed ${f.seed} iteration ${f.iteration}\nsource ${f.input.source}\nlanguage ${f.input.languageId}\nmutations ${f.input.mutations.join(', ')}\n` + `reproduce: node scripts/fuzz.mjs --seed ${f.seed} --only ${f.iteration}\n\n${f.kind}\n${f.message}\n`);
  console.log(`\nFAIL seed ${f.seed} iteration ${f.iteration} [${f.kind}] (${f.input.source}; ${f.input.mutations.join(', ')})\n  ${f.message.split('\n').slice(0, 6).join('\n  ')}\n  minimized (${f.minimized.length} chars): ${base}.${ext(f.input.languageId)}\n  reproduce: node scripts/fuzz.mjs --seed ${f.seed} --only ${f.iteration}`);
}
for (const h of total.hangs) {
  const f = path.join(outDir, `${opts.seed}-${h}-hang.txt`);
  fs.writeFileSync(f, `seed ${opts.seed} iteration ${h}: no progress for ${opts.hangSeconds} s\nreproduce: node scripts/fuzz.mjs --seed ${opts.seed} --only ${h}\n`);
  console.log(`\nHANG seed ${opts.seed} iteration ${h} (no progress for ${opts.hangSeconds} s): reproduce with --only ${h}`);
}
const secs = total.elapsedMs / 1000;
console.log(
  `\nfuzz: ${total.iterations} inputs (${(total.bytes / 1048576).toFixed(1)} MB) from ${seedsCount} seeds in ${secs.toFixed(1)} s (${(total.iterations / secs).toFixed(0)}/s); ` +
    `${total.findings} findings, ${total.fixesApplied} fixes applied one by one; slowest parse+lint ${total.slowest.ms.toFixed(1)} ms` +
    (total.slowest.kb !== undefined ? ` (${total.slowest.kb.toFixed(1)} KB, iteration ${total.slowest.iteration})` : ''),
);
if (features) console.log(`fuzz: features exercised: ${[...features.document, ...features.position].join(', ') || '(none besides parse/lint)'}${features.skipped.length ? `; not called: ${features.skipped.join(', ')}` : ''}`);
console.log(total.failures.length + total.hangs.length === 0 ? 'fuzz: every invariant held' : `fuzz: ${total.failures.length} failure(s), ${total.hangs.length} hang(s); reproducers in .fuzz/`);
process.exitCode = total.failures.length + total.hangs.length === 0 ? 0 : 1;
