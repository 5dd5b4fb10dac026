// Specwright benchmarks: `npm run bench` (node bench/run.mjs).
//
//   node bench/run.mjs [--runs N] [--only cli,inproc,lsp,memory,cold,scaling,fedora] [--rpmlint-sample 30] [--edits 10000]
//
// Everything is measured in one run and written side by side to bench/results/latest.md (also
// printed). Times are medians over repeated runs with min/max (or p50/p95/max for latencies).
// The corpus is ../shared/corpus (or $SPECWRIGHT_SHARED/corpus); parts that need it are skipped
// with a message when it is absent. rpmlint and rpmspec are optional (skipped when missing).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fedoraBench } from './fedora.mjs';
import { syntheticSpec } from './synthetic.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const shared = [process.env.SPECWRIGHT_SHARED, path.resolve(repo, '../shared')].find((c) => c && fs.existsSync(path.join(c, 'corpus')));
const corpus = shared ? path.join(shared, 'corpus') : undefined;
const out = [];
const goals = [];
const md = (s = '') => {
  out.push(s);
  console.log(s);
};

function parseArgs(argv) {
  const o = { runs: 5, only: undefined, rpmlintSample: 30, edits: 10_000 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--only') o.only = new Set(argv[++i].split(','));
    else if (argv[i] === '--rpmlint-sample') o.rpmlintSample = Number(argv[++i]);
    else if (argv[i] === '--edits') o.edits = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}
const enabled = (part) => !args.only || args.only.has(part);

// ---------------------------------------------------------------------------------------------
// Statistics and formatting

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, min: s[0], max: s[s.length - 1], median: quantile(s, 0.5), p25: quantile(s, 0.25), p75: quantile(s, 0.75), p95: quantile(s, 0.95), mean: s.reduce((a, b) => a + b, 0) / s.length };
}
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const spread = (st) => `${ms(st.median)} (${ms(st.min)}–${ms(st.max)})`;
const mb = (bytes) => (bytes / 1048576).toFixed(1);
function table(header, rows) {
  md(`| ${header.join(' | ')} |`);
  md(`|${header.map((h, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const r of rows) md(`| ${r.join(' | ')} |`);
  md();
}
function goal(name, ok, detail) {
  goals.push({ name, ok, detail });
}
/** CPU ms (user + sys of this process) spent in fn: robust against other load on the machine. */
function time(fn) {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}
function repeat(n, fn) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(fn(i));
  return stats(xs);
}
function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}
/** Runs a command; wall ms, plus CPU ms (user + sys of the command and its children) measured by bash's `time`. */
function runTimed(cmd, argv, opts = {}) {
  const t0 = performance.now();
  const r = spawnSync('bash', ['-c', 'TIMEFORMAT="%3U %3S"; { time "$@" >/dev/null 2>/dev/null ; } 2>&1', '_', cmd, ...argv], { encoding: 'utf8', maxBuffer: 64 * 1048576, ...opts });
  const wall = performance.now() - t0;
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stdout ?? '');
  return { ms: wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN, status: r.status, stderr: r.stderr ?? '' };
}
/** Repeats a timed command: stats of wall and CPU times. */
function repeatCmd(n, cmd, argv) {
  const runs = Array.from({ length: n }, () => runTimed(cmd, argv));
  return { wall: stats(runs.map((r) => r.ms)), cpu: stats(runs.map((r) => r.cpu)) };
}
async function timedAsync(n, fn) {
  const xs = [];
  for (let i = 0; i < n; i++) xs.push(await fn(i));
  return stats(xs);
}

function corpusSpecs() {
  if (!corpus) return [];
  const dir = path.join(corpus, 'spec');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.spec')).sort().map((f) => path.join(dir, f));
}
function corpusAll() {
  if (!corpus) return [];
  const files = [];
  const walk = (d) => {
    for (const n of fs.readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (n.endsWith('.spec') || n === 'dkms.conf') files.push(p);
    }
  };
  walk(corpus);
  return files;
}
const SNAPD = corpus ? path.join(corpus, 'spec', 'major__fedora-rpm-specs__specs__snapd.spec') : undefined;

// ---------------------------------------------------------------------------------------------
// In-process service and the LSP test client, bundled once with esbuild.

async function bundle() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-bench-'));
  const outfile = path.join(dir, 'bench-lib.cjs');
  await esbuild.build({
    stdin: {
      contents: [
        "export * from './server/src/service/index';",
        "export { parseSpec } from './server/src/service/specfile/parser';",
        "export { parseDkms } from './server/src/service/dkms/parser';",
        "export { LspClient } from './test/helpers/lsp';",
        "export { VALIDATION_DELAY_MS } from './server/src/serverCore/features/validation';",
      ].join('\n'),
      resolveDir: repo,
      loader: 'ts',
    },
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    // test/helpers/lsp.ts finds dist/server.js relative to its compiled location (out/test/helpers).
    define: { __dirname: JSON.stringify(path.join(repo, 'out', 'test', 'helpers')) },
  });
  const { createRequire } = await import('node:module');
  const lib = createRequire(import.meta.url)(outfile);
  fs.rmSync(dir, { recursive: true, force: true });
  return lib;
}

// ---------------------------------------------------------------------------------------------

md('# Specwright benchmarks');
md();
md(`- date: ${new Date().toISOString()}`);
md(`- machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${mb(os.totalmem())} MB RAM, ${os.platform()} ${os.release()}, node ${process.version}`);
md(`- load average at start: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (the machine is shared: spread matters)`);
md(`- git: ${spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repo, encoding: 'utf8' }).stdout.trim()}${spawnSync('git', ['status', '--porcelain'], { cwd: repo, encoding: 'utf8' }).stdout.trim() ? ' (working tree has changes)' : ''}`);
md(`- runs per measurement: ${args.runs}; times in ms as median (min–max) unless marked`);
md(`- corpus: ${corpus ?? 'ABSENT — corpus parts skipped (set SPECWRIGHT_SHARED)'}`);
md();

if (!fs.existsSync(path.join(repo, 'dist', 'server.js')) || !fs.existsSync(path.join(repo, 'dist', 'cli.js'))) {
  console.error('bench: building dist/ (node scripts/build.mjs)');
  if (spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit' }).status !== 0) throw new Error('build failed');
}
const lib = await bundle();
const ALL_WARNING = Object.fromEntries(lib.ALL_RULES.map((r) => [r.id, 'warning']));
const specRules = lib.ALL_RULES.filter((r) => r.language === 'rpm-spec');

// ---------------------------------------------------------------------------------------------
// (1) CLI over the corpus vs rpmlint

if (enabled('cli')) {
  md('## 1. CLI over the corpus vs rpmlint');
  md();
  if (!corpus) md('_skipped: corpus absent_\n');
  else {
    const cli = path.join(repo, 'dist', 'cli.js');
    const specs = corpusSpecs();
    const all = corpusAll();
    const runs = Math.max(3, Math.min(args.runs, 5));
    const whole = repeatCmd(runs, process.execPath, [cli, 'lint', '--format', 'json', corpus]);
    const specOnly = repeatCmd(runs, process.execPath, [cli, 'lint', '--format', 'json', path.join(corpus, 'spec')]);
    const row = (name, st, files) => [name, spread(st.wall), spread(st.cpu), ms(st.wall.median / files), ms(st.cpu.median / files)];
    const rows = [row(`specwright, whole corpus (${all.length} files)`, whole, all.length), row(`specwright, corpus/spec (${specs.length} specs)`, specOnly, specs.length)];
    const header = ['run', 'wall ms', 'CPU ms (user+sys)', 'wall ms/file', 'CPU ms/file'];
    if (!have('rpmlint')) {
      md('_rpmlint not installed (apt-get install -y rpmlint): comparison skipped_\n');
      table(header, rows);
    } else {
      // A deterministic sample spread over the sorted list; one rpmlint process for the whole sample.
      const n = Math.min(args.rpmlintSample, specs.length);
      const sample = Array.from({ length: n }, (_, i) => specs[Math.floor((i * specs.length) / n)]);
      const sampleBytes = sample.reduce((a, f) => a + fs.statSync(f).size, 0);
      const allBytes = specs.reduce((a, f) => a + fs.statSync(f).size, 0);
      const rl = repeatCmd(Math.min(3, runs), 'rpmlint', sample);
      const sw = repeatCmd(runs, process.execPath, [cli, 'lint', '--format', 'json', ...sample]);
      // rpmlint as a build system runs it: one process per spec (start-up included), on the first 10 of the sample.
      const k = Math.min(10, n);
      const perProc = sample.slice(0, k).map((f) => repeatCmd(Math.min(3, runs), 'rpmlint', [f]));
      const perProcess = { wall: stats(perProc.map((p) => p.wall.median)), cpu: stats(perProc.map((p) => p.cpu.median)) };
      const version = spawnSync('rpmlint', ['--version'], { encoding: 'utf8' }).stdout.trim();
      rows.push(row(`rpmlint ${version}, sample of ${n} specs (one process)`, rl, n));
      rows.push(row(`specwright, the same ${n} specs`, sw, n));
      rows.push(['rpmlint, one process per spec (first ' + k + ' of the sample; per spec)', spread(perProcess.wall), spread(perProcess.cpu), ms(perProcess.wall.median), ms(perProcess.cpu.median)]);
      rows.push([`rpmlint extrapolated to ${specs.length} specs, one process (sample per-file × ${specs.length})`, ms((rl.wall.median / n) * specs.length), ms((rl.cpu.median / n) * specs.length), ms(rl.wall.median / n), ms(rl.cpu.median / n)]);
      rows.push([`rpmlint extrapolated to ${specs.length} specs, one process per spec`, ms(perProcess.wall.median * specs.length), ms(perProcess.cpu.median * specs.length), ms(perProcess.wall.median), ms(perProcess.cpu.median)]);
      table(header, rows);
      md(`Sample: every ${(specs.length / n).toFixed(1)}th spec of the sorted list (${(sampleBytes / 1024).toFixed(0)} KB, ${((100 * sampleBytes) / allBytes).toFixed(0)}% of the ${(allBytes / 1024).toFixed(0)} KB of specs); rpmlint whole-corpus time = its per-file time on the sample × ${specs.length}. Both include process start-up. CPU time is the fairer number on a loaded machine.`);
      md();
      const one = (rl.cpu.median / n) * specs.length / specOnly.cpu.median;
      const each = (perProcess.cpu.median * specs.length) / specOnly.cpu.median;
      const oneWall = (rl.wall.median / n) * specs.length / specOnly.wall.median;
      md(`**Speed-up over rpmlint (CPU time, whole spec corpus): ${one.toFixed(1)}×** against one rpmlint process for all specs; **${each.toFixed(0)}×** against one rpmlint process per spec. Wall-clock: ${oneWall.toFixed(1)}× and ${((perProcess.wall.median * specs.length) / specOnly.wall.median).toFixed(0)}×.`);
      md();
      goal('CLI ≥ 100× faster than rpmlint (whole corpus, one rpmlint process)', one >= 100, `${one.toFixed(1)}× (CPU)`);
      goal('CLI ≥ 100× faster than rpmlint (whole corpus, one rpmlint process per spec)', each >= 100, `${each.toFixed(0)}× (CPU)`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (2) In-process parse and parse + rules vs a line-split + regex baseline

const BASELINE_RE = /^\s*(?:%(?:\{[^}]*\}|[A-Za-z_]\w*)|[A-Za-z][\w()]*\s*:|#|\*)/;
function baseline(text) {
  let n = 0;
  for (const line of text.split(/\r\n|\r|\n/)) if (BASELINE_RE.test(line)) n++;
  return n;
}
function parseOnly(text) {
  return lib.parseSpec(text);
}
function parseAndLint(text) {
  const svc = lib.createLanguageService();
  return svc.lint({ uri: 'file:///bench/x.spec', languageId: 'rpm-spec', version: 1, text }, { rules: ALL_WARNING });
}
/** Wall and CPU (user + sys of this process) ms of fn, averaged over `inner` calls. */
function timeBoth(fn, inner = 1) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < inner; i++) fn();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / inner, cpu: (c.user + c.system) / 1000 / inner };
}
function repeatBoth(n, fn, inner = 1) {
  const xs = Array.from({ length: n }, () => timeBoth(fn, inner));
  return { wall: stats(xs.map((x) => x.wall)), cpu: stats(xs.map((x) => x.cpu)) };
}
function measureText(text, runs) {
  // One warm-up run each (JIT), then `runs` timed runs; the cheap baseline loops 20 times per run.
  baseline(text);
  parseOnly(text);
  parseAndLint(text);
  const b = repeatBoth(runs, () => baseline(text), 20);
  const p = repeatBoth(runs, () => parseOnly(text));
  const f = repeatBoth(runs, () => parseAndLint(text));
  return { base: b.wall, parse: p.wall, full: f.wall, cpu: { base: b.cpu, parse: p.cpu, full: f.cpu } };
}

/** Each spec rule on its own (parse cached): ms per rule minus an empty lint run. */
function perRule(text) {
  const svc = lib.createLanguageService();
  const doc = { uri: 'file:///bench/scale.spec', languageId: 'rpm-spec', version: 1, text };
  svc.parse(doc);
  const off = Object.fromEntries(lib.ALL_RULES.map((r) => [r.id, 'off']));
  const empty = repeat(3, () => time(() => svc.lint(doc, { rules: off }))).median;
  const parse = repeat(3, () => time(() => lib.parseSpec(text))).median;
  const res = new Map();
  for (const rule of specRules) {
    const st = repeat(3, () => time(() => svc.lint(doc, { rules: { ...off, [rule.id]: 'warning' } })));
    res.set(rule.id, Math.max(0, st.median - empty));
  }
  return { res, empty, parse };
}

if (enabled('inproc')) {
  md('## 2. In-process parse and parse + all rules');
  md();
  md(`Baseline: \`text.split(/\\r\\n|\\r|\\n/)\` and one regular expression per line. "parse+rules" = a fresh service, parse and every spec rule (${specRules.length}) at \`warning\`. Ratio = parse+rules / baseline (goal ≤ 3×).`);
  md();
  const inputs = [];
  if (SNAPD) {
    const specs = corpusSpecs()
      .map((f) => ({ f, size: fs.statSync(f).size }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 11);
    for (const { f } of specs) inputs.push({ name: path.basename(f).replace(/^major__fedora-rpm-specs__specs__/, ''), text: fs.readFileSync(f, 'utf8') });
  } else md('_corpus absent: corpus specs skipped_\n');
  inputs.push({ name: 'synthetic 50,000 lines', text: syntheticSpec(50_000) });
  const rows = [];
  let worst = 0;
  let slowest;
  for (const { name, text } of inputs) {
    const r = measureText(text, Math.max(args.runs, 7));
    const usPerLine = (r.cpu.full.median * 1000) / text.split('\n').length;
    if (!slowest || usPerLine > slowest.usPerLine) slowest = { name, text, usPerLine };
    const ratio = r.full.median / r.base.median;
    worst = Math.max(worst, r.cpu.full.median / r.cpu.base.median);
    const cpuRatio = r.cpu.full.median / r.cpu.base.median;
    rows.push([name, String(text.split('\n').length), (text.length / 1024).toFixed(0), spread(r.base), spread(r.parse), spread(r.full), ms(r.cpu.base.median), ms(r.cpu.parse.median), ms(r.cpu.full.median), `${(r.cpu.parse.median / r.cpu.base.median).toFixed(1)}×`, `${cpuRatio.toFixed(1)}×`, `${ratio.toFixed(1)}×`, ms((r.cpu.full.median * 1000) / text.split('\n').length)]);
  }
  table(['file', 'lines', 'KB', 'baseline wall', 'parse wall', 'parse+rules wall', 'baseline CPU', 'parse CPU', 'parse+rules CPU', 'parse/base (CPU)', 'full/base (CPU)', 'full/base (wall)', 'µs/line (full, CPU)'], rows);
  md('Wall columns: median (min–max) ms. CPU columns: median ms of process CPU time (user + sys), much less disturbed by other load; the ratios use CPU medians except the last.');
  md();
  goal('parse + all rules ≤ 3× the line/regex baseline', worst <= 3, `worst ${worst.toFixed(1)}×`);
  const pr = perRule(slowest.text);
  const top = [...pr.res.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
  if (corpus) {
    // Every spec rule alone over every corpus spec (parse cached, one run): where the CLI's time goes.
    const totals = new Map(specRules.map((r) => [r.id, 0]));
    let parseTotal = 0;
    const off = Object.fromEntries(lib.ALL_RULES.map((r) => [r.id, 'off']));
    for (const f of corpusSpecs()) {
      const text = fs.readFileSync(f, 'utf8');
      const svc = lib.createLanguageService();
      const doc = { uri: 'file:///bench/c.spec', languageId: 'rpm-spec', version: 1, text };
      parseTotal += time(() => svc.parse(doc));
      const empty = time(() => svc.lint(doc, { rules: off }));
      for (const rule of specRules) totals.set(rule.id, totals.get(rule.id) + Math.max(0, time(() => svc.lint(doc, { rules: { ...off, [rule.id]: 'warning' } })) - empty));
    }
    const sum = [...totals.values()].reduce((a, b) => a + b, 0);
    const topCorpus = [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
    md(`Whole spec corpus in-process (one run, CPU ms): parse ${ms(parseTotal)} ms, all rules ${ms(sum)} ms. Top 10 rules by total time:`);
    md();
    table(['rule', 'ms over the corpus', 'share of rule time'], topCorpus.map(([id, t]) => [id, ms(t), `${((100 * t) / sum).toFixed(0)}%`]));
  }
  md(`Where the time goes on the file with the highest µs/line (${slowest.name}): parse ${ms(pr.parse)} ms, empty lint run ${ms(pr.empty)} ms, slowest rules: ${top.map(([id, t]) => `${id} ${ms(t)} ms`).join(', ')}.`);
  md();
}

// ---------------------------------------------------------------------------------------------
// (3) LSP latency on snapd.spec

function serverPid(client) {
  return client.child.pid;
}
function rssOf(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}
// The server's debounce, read from its source so the "minus the debounce" figures stay right.
const DEBOUNCE_MS = lib.VALIDATION_DELAY_MS;
// Untrusted workspace: the server runs no external tools (rpmlint would execute the corpus specs'
// %(…) and add its own time and processes); the bench measures Specwright itself.
const UNTRUSTED = { trusted: false };

if (enabled('lsp')) {
  md('## 3. Language server latency (stdio, dist/server.js) on snapd.spec');
  md();
  if (!SNAPD) md('_skipped: corpus absent_\n');
  else {
    const text = fs.readFileSync(SNAPD, 'utf8');
    const lines = text.split('\n');
    const uri = 'file://' + SNAPD;
    const client = new lib.LspClient();
    try {
      const init = await client.initialize(undefined, UNTRUSTED);
      const caps = init.capabilities;
      let version = 1;
      const diag = (v) => client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v, 60_000);
      const first = diag(1);
      const tOpen = performance.now();
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text } });
      await first;
      const openMs = performance.now() - tOpen;
      const mid = Math.floor(lines.length / 2);
      const edits = await timedAsync(Math.max(10, args.runs * 4), async (i) => {
        const v = ++version;
        const p = diag(v);
        // Type one character, then delete it on the next round: the document stays snapd.spec.
        const change = i % 2 === 0
          ? { range: { start: { line: mid, character: 0 }, end: { line: mid, character: 0 } }, text: 'x' }
          : { range: { start: { line: mid, character: 0 }, end: { line: mid, character: 1 } }, text: '' };
        const t0 = performance.now();
        client.notify('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [change] });
        await p;
        return performance.now() - t0;
      });
      const net = stats(edits.n ? [edits.min, edits.median, edits.max].map((x) => x - DEBOUNCE_MS) : []);
      const rows = [
        ['didOpen → publishDiagnostics (first lint, includes the debounce)', `${ms(openMs)} (1 run)`, ''],
        [`didChange → publishDiagnostics, raw (${edits.n} edits)`, spread(edits), `p95 ${ms(edits.p95)}`],
        [`didChange → publishDiagnostics minus the ${DEBOUNCE_MS} ms debounce`, `${ms(net.median)} (${ms(net.min)}–${ms(net.max)})`, ''],
      ];
      // Feature latencies at seeded random positions.
      let seed = 12345;
      const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
      const positions = Array.from({ length: 200 }, () => {
        const line = Math.floor(rnd() * lines.length);
        return { line, character: Math.floor(rnd() * (lines[line].length + 1)) };
      });
      const notes = [];
      const latency = async (label, method, cap, paramsFor, n = positions.length) => {
        if (!cap) {
          notes.push(`${label}: not offered by the server (no \`${method}\` capability) — skipped`);
          return undefined;
        }
        await client.request(method, paramsFor(positions[0]), 30_000);
        const st = await timedAsync(n, async (i) => {
          const t0 = performance.now();
          await client.request(method, paramsFor(positions[i % positions.length]), 30_000);
          return performance.now() - t0;
        });
        rows.push([`${label} (${st.n} requests)`, `p50 ${ms(st.median)}`, `p95 ${ms(st.p95)}, max ${ms(st.max)}`]);
        return st;
      };
      const completion = await latency('completion', 'textDocument/completion', caps.completionProvider, (position) => ({ textDocument: { uri }, position }));
      await latency('hover', 'textDocument/hover', caps.hoverProvider, (position) => ({ textDocument: { uri }, position }));
      await latency('semanticTokens/full', 'textDocument/semanticTokens/full', caps.semanticTokensProvider, () => ({ textDocument: { uri } }), 20);
      await latency('documentSymbol', 'textDocument/documentSymbol', caps.documentSymbolProvider, () => ({ textDocument: { uri } }), 20);
      await latency('foldingRange', 'textDocument/foldingRange', caps.foldingRangeProvider, () => ({ textDocument: { uri } }), 20);
      let rpmspecMs;
      if (have('rpmspec')) {
        const st = repeatCmd(args.runs, 'rpmspec', ['-P', SNAPD]);
        rpmspecMs = st.wall.median;
        rows.push(['`rpmspec -P snapd.spec` (process, for comparison)', spread(st.wall), `CPU ${ms(st.cpu.median)}`]);
      } else notes.push('rpmspec not installed (apt-get install -y rpm): comparison skipped');
      table(['measurement', 'ms', ''], rows);
      for (const n of notes) md(`- ${n}`);
      if (notes.length) md();
      md(`"raw" is what a user sees: the server waits ${DEBOUNCE_MS} ms after the last change before linting (debounce), so raw = ${DEBOUNCE_MS} ms + lint + transport; "minus the debounce" is the work itself.`);
      md();
      if (rpmspecMs !== undefined) goal('edit → diagnostics no slower than `rpmspec -P` (raw, with debounce)', edits.median <= rpmspecMs, `${ms(edits.median)} ms raw / ${ms(net.median)} ms without debounce vs rpmspec ${ms(rpmspecMs)} ms`);
      if (completion) goal('completion p95 ≤ 10 ms', completion.p95 <= 10, `p95 ${ms(completion.p95)} ms`);
      else goal('completion p95 ≤ 10 ms', undefined, 'not measured: server has no completion yet');
      await client.shutdown();
    } finally {
      client.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (4) Memory

if (enabled('memory')) {
  md('## 4. Server memory (RSS)');
  md();
  if (!SNAPD) md('_skipped: corpus absent_\n');
  else {
    const client = new lib.LspClient();
    try {
      await client.initialize(undefined, UNTRUSTED);
      const pid = serverPid(client);
      const rows = [['after initialize', mb(rssOf(pid))]];
      const files = corpusAll();
      const pendingDiags = new Set();
      const waiters = [];
      for (const f of files) {
        const uri = 'file://' + f;
        pendingDiags.add(uri);
        waiters.push(client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri, 300_000).then(() => pendingDiags.delete(uri)));
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: f.endsWith('dkms.conf') ? 'dkms-conf' : 'rpm-spec', version: 1, text: fs.readFileSync(f, 'utf8') } });
      }
      await Promise.all(waiters);
      rows.push([`every corpus file open (${files.length} files, all linted)`, mb(rssOf(pid))]);
      const uri = 'file://' + SNAPD;
      const lines = fs.readFileSync(SNAPD, 'utf8').split('\n');
      let version = 1;
      // RSS every 100 edits: the trend over these, not two single samples, decides "flat".
      const fine = [];
      let seed = 7;
      const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
      let prevLine = 0;
      const t0 = performance.now();
      for (let i = 1; i <= args.edits; i++) {
        const line = Math.floor(rnd() * lines.length);
        const change = i % 2 === 1 ? { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' } : { range: { start: { line: prevLine, character: 0 }, end: { line: prevLine, character: 1 } }, text: '' };
        if (i % 2 === 1) prevLine = line;
        client.notify('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [change] });
        if (i % 50 === 0) {
          // Typing pace in bursts: let the debounced lint of this version run.
          const v = version;
          await client.waitForNotification('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === v, 60_000);
        }
        if (i % 100 === 0) fine.push(rssOf(pid));
      }
      // The table shows every tenth sample (each 1000 edits).
      const samples = fine.filter((_, k) => (k + 1) % 10 === 0);
      const editMs = performance.now() - t0;
      for (let k = 0; k < samples.length; k++) rows.push([`after ${(k + 1) * 1000} edits to snapd.spec`, mb(samples[k])]);
      table(['state', 'RSS MB'], rows);
      const peak = Math.max(...rows.map((r) => Number(r[1])), ...fine.map((x) => x / 1048576));
      const firstHalf = samples.slice(0, Math.ceil(samples.length / 2));
      const growth = samples.length > 1 ? samples[samples.length - 1] - Math.min(...firstHalf) : 0;
      // RSS saws up and down with V8's collections, so single samples mislead; a leak shows as the
      // second half sitting higher than the first, and as a rising least-squares line.
      const half = Math.floor(fine.length / 2);
      const medianOf = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
      const firstMedian = medianOf(fine.slice(0, half));
      const secondMedian = medianOf(fine.slice(half));
      const xMean = (fine.length - 1) / 2;
      const yMean = fine.reduce((a, b) => a + b, 0) / (fine.length || 1);
      let num = 0;
      let den = 0;
      fine.forEach((y, x) => {
        num += (x - xMean) * (y - yMean);
        den += (x - xMean) ** 2;
      });
      const slopePer1000 = den > 0 ? (num / den) * 10 : 0; // samples are 100 edits apart
      md(`${args.edits} edits in ${(editMs / 1000).toFixed(1)} s (a publishDiagnostics awaited every 50 edits, so ${Math.floor(args.edits / 50)} full lints of snapd.spec). RSS sampled every 100 edits (${fine.length} samples): min ${mb(Math.min(...fine))}, max ${mb(Math.max(...fine))} MB; median of the first half ${mb(firstMedian)} MB, of the second half ${mb(secondMedian)} MB; least-squares trend ${mb(slopePer1000)} MB per 1000 edits. The earlier, noisier measure (last sample minus the lowest 1000-edit sample of the first half): ${mb(growth)} MB.`);
      md();
      goal('server RSS ≤ 200 MB (all corpus files open, and every sample during the edits)', peak <= 200, `peak ${peak.toFixed(1)} MB`);
      goal('RSS flat over 10,000 edits (second-half median ≤ first-half median + 10%)', secondMedian <= firstMedian * 1.1, `medians ${mb(firstMedian)} → ${mb(secondMedian)} MB, trend ${mb(slopePer1000)} MB/1000 edits`);
      await client.shutdown();
    } finally {
      client.close();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// (5) Cold start and bundle sizes

if (enabled('cold')) {
  md('## 5. Cold start and bundle sizes');
  md();
  const starts = await timedAsync(Math.max(5, args.runs * 2), async () => {
    const t0 = performance.now();
    const c = new lib.LspClient();
    try {
      await c.initialize(undefined, UNTRUSTED);
      return performance.now() - t0;
    } finally {
      c.close();
    }
  });
  const help = repeatCmd(args.runs, process.execPath, [path.join(repo, 'dist', 'cli.js'), '--version']).wall;
  const node = repeatCmd(args.runs, process.execPath, ['-e', '0']).wall;
  table(['measurement', 'ms'], [
    ['server: spawn → `initialize` answered', spread(starts)],
    ['CLI: `specwright --version`', spread(help)],
    ['bare `node -e 0` (floor)', spread(node)],
  ]);
  const sizes = [];
  let largest = 0;
  for (const f of ['dist/extension.js', 'dist/server.js', 'dist/cli.js', ...fs.readdirSync(repo).filter((n) => n.endsWith('.vsix'))]) {
    const p = path.join(repo, f);
    if (!fs.existsSync(p)) {
      sizes.push([f, 'absent', '']);
      continue;
    }
    const size = fs.statSync(p).size;
    largest = Math.max(largest, size);
    const production = f.endsWith('.vsix') ? 'packaged' : /\n\s/.test(fs.readFileSync(p, 'utf8').slice(0, 4000)) ? 'development build (not minified)' : 'minified';
    sizes.push([f, (size / 1024).toFixed(0), production]);
  }
  if (!sizes.some((s) => s[0].endsWith('.vsix'))) sizes.push(['*.vsix', 'absent (npm run package)', '']);
  table(['file', 'KB', 'build'], sizes);
  goal('each shipped file ≤ 1 MB', largest <= 1048576, `largest ${(largest / 1024).toFixed(0)} KB`);
}

// ---------------------------------------------------------------------------------------------
// (6) Scaling

if (enabled('scaling')) {
  md('## 6. Scaling with file size (synthetic specs)');
  md();
  const sizes = [1000, 2000, 5000, 10_000, 20_000, 50_000];
  const rows = [];
  const perLine = [];
  const texts = new Map();
  for (const n of sizes) {
    const text = syntheticSpec(n);
    texts.set(n, text);
    const r = measureText(text, args.runs);
    perLine.push({ n, parse: r.cpu.parse.median / n, full: r.cpu.full.median / n });
    rows.push([String(n), (text.length / 1024).toFixed(0), spread(r.parse), ms(r.cpu.parse.median), ms((r.cpu.parse.median * 1000) / n), spread(r.full), ms(r.cpu.full.median), ms((r.cpu.full.median * 1000) / n)]);
  }
  table(['lines', 'KB', 'parse wall ms', 'parse CPU ms', 'parse CPU µs/line', 'parse+rules wall ms', 'parse+rules CPU ms', 'parse+rules CPU µs/line'], rows);
  const small = perLine.find((p) => p.n === 5000);
  const big = perLine[perLine.length - 1];
  const nonlin = { parse: big.parse / small.parse, full: big.full / small.full };
  md(`µs/line at 50k ÷ µs/line at 5k: parse ${nonlin.parse.toFixed(2)}, parse+rules ${nonlin.full.toFixed(2)} (1.0 = linear; > 1.5 flagged).`);
  md();
  goal('linear scaling (µs/line at 50k ≤ 1.5× that at 5k)', nonlin.parse <= 1.5 && nonlin.full <= 1.5, `parse ${nonlin.parse.toFixed(2)}×, parse+rules ${nonlin.full.toFixed(2)}×`);

  const r10 = perRule(texts.get(10_000));
  const r50 = perRule(texts.get(50_000));
  const total50 = [...r50.res.values()].reduce((a, b) => a + b, 0);
  const top = [...r50.res.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
  md(`Slowest rules on the 50,000-line file (CPU ms, median of 3; each rule alone, parse cached; minus the ${ms(r50.empty)} ms of an empty lint run; sum of all rules ${ms(total50)} ms). "growth" = time(50k) / time(10k): 5.0 is linear.`);
  md();
  table(['rule', 'ms on 50k', 'share', 'ms on 10k', 'growth'], top.map(([id, t]) => [id, ms(t), `${((100 * t) / total50).toFixed(0)}%`, ms(r10.res.get(id)), (t / Math.max(r10.res.get(id), 0.01)).toFixed(1)]));
  const superlinear = [...r50.res.entries()].filter(([id, t]) => t > 5 && t / Math.max(r10.res.get(id), 0.01) > 7.5).map(([id, t]) => `${id} (${ms(t)} ms, growth ${(t / Math.max(r10.res.get(id), 0.01)).toFixed(1)})`);
  md(superlinear.length ? `**Super-linear rules (growth > 7.5 and > 5 ms):** ${superlinear.join(', ')}` : 'No rule grows super-linearly (growth > 7.5 with > 5 ms on 50k).');
  md();
}

// ---------------------------------------------------------------------------------------------

if (enabled('fedora')) fedoraBench({ md, goal, cli: path.join(repo, 'dist', 'cli.js'), shared });

md('## Goals');
md();
table(['goal', 'met', 'measured'], goals.map((g) => [g.name, g.ok === undefined ? 'n/a' : g.ok ? 'yes' : '**no**', g.detail]));
fs.mkdirSync(path.join(repo, 'bench', 'results'), { recursive: true });
fs.writeFileSync(path.join(repo, 'bench', 'results', 'latest.md'), out.join('\n') + '\n');
console.error(`\nbench: written to bench/results/latest.md`);
