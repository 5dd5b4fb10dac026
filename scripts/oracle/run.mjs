// The full differential run: rpm 4.18 (sandboxed, cached per content) against
// `specwright query --distro generic --format json` over the shared corpus and the fixed Fedora
// sample (every 46th spec by name, 500 specs). Writes docs/fidelity.md (or --report FILE) and the
// complete list of differences as JSON (--json FILE, default ~/.cache/specwright/fidelity.json).
//
// Usage: npm run oracle [-- --jobs N] [--report FILE] [--json FILE] [--no-fedora] [--no-corpus] [--cli CHECKOUT] [--label TEXT]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fedoraSample, fedoraSpecsDir, repoRoot, sharedCorpusSpecs, sharedDir } from '../corpora.mjs';
import { aggregate, FIELDS, queryAvailability, specwrightQuery } from './compare.mjs';
import { rpmAvailability, rpmViews } from './rpm.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const jobs = Number(option('--jobs', String(Math.max(1, Math.min(4, os.cpus().length)))));
const reportFile = path.resolve(option('--report', path.join(repoRoot, 'docs', 'fidelity.md')));
const jsonFile = path.resolve(option('--json', path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'specwright', 'fidelity.json')));
// The CLI to compare: a Specwright checkout (its dist/cli.js), this one by default.
const cliRepo = path.resolve(option('--cli', repoRoot));
// What was compared, for the report: --label, else the checkout's commit.
const gitHead = spawnSync('git', ['-C', cliRepo, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
const label = option('--label', gitHead.status === 0 ? `commit ${gitHead.stdout.trim()}` : cliRepo);

const rpm = rpmAvailability();
if (!rpm.ok) {
  console.error(`oracle: ${rpm.reason}`);
  process.exit(2);
}
const corpus = args.includes('--no-corpus') ? [] : sharedCorpusSpecs();
if (!corpus) {
  console.error(`oracle: no shared corpus at ${path.join(sharedDir(), 'corpus')}`);
  process.exit(2);
}
const fedora = args.includes('--no-fedora') ? [] : fedoraSample();
if (!fedora) {
  console.error(`oracle: ${fedoraSpecsDir.reason}`);
  process.exit(2);
}
const sets = [
  { id: 'corpus', title: 'shared corpus', files: corpus },
  { id: 'fedora', title: 'Fedora sample (every 46th)', files: fedora },
].filter((s) => s.files.length > 0);
const files = sets.flatMap((s) => s.files);

const started = Date.now();
let lastShown = 0;
const views = await rpmViews(files.map((file) => ({ file })), {
  jobs,
  onProgress: (done, total) => {
    if (Date.now() - lastShown > 2000 || done === total) {
      lastShown = Date.now();
      process.stderr.write(`\roracle: rpm ${done}/${total} specs`);
    }
  },
});
process.stderr.write(`  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
const rpmOf = new Map(files.map((f, i) => [f, views[i]]));

const query = queryAvailability(cliRepo);
let ours = null;
if (query.ok) {
  const accepted = files.filter((f) => rpmOf.get(f).ok);
  process.stderr.write(`oracle: specwright query over ${accepted.length} specs …\n`);
  ours = specwrightQuery(cliRepo, accepted);
} else {
  console.error(`oracle: ${query.reason}; writing the rpm side only`);
}

const firstError = (v) => {
  const lines = (v.stderr ?? '').split('\n');
  const line = lines.find((l) => /^error:/.test(l)) ?? lines.find((l) => l.trim()) ?? v.error ?? '';
  return line.replace(/^error: /, '').replace(/line \d+: /, 'line N: ').replace(/\/tmp\/work\/\S+/g, 'FILE').slice(0, 90);
};

const results = sets.map((set) => {
  const rows = set.files.filter((f) => rpmOf.get(f).ok).map((f) => ({ file: f, rpm: rpmOf.get(f), ours: ours?.get(path.resolve(f)) }));
  const rejected = set.files.filter((f) => !rpmOf.get(f).ok);
  const reasons = new Map();
  for (const f of rejected) {
    const why = firstError(rpmOf.get(f)).replace(/'[^']*'|"[^"]*"|%\S+/g, (m) => (m.length > 30 ? '…' : m));
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  return { ...set, accepted: rows.length, rejected, reasons, ...(ours ? aggregate(rows) : {}) };
});

const pct = (a, b) => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)}%`);
const rel = (f) => path.relative(path.dirname(f).includes('fedora-specs') ? path.dirname(f) : path.join(sharedDir(), 'corpus', 'spec'), f);
const show = (v) => (Array.isArray(v) ? (v.length ? v.map((x) => `\`${String(x).replace(/\|/g, '\\|')}\``).join(', ') : '–') : v === null ? 'null' : `\`${String(v).replace(/\|/g, '\\|')}\``);

const lines = [];
lines.push('# Fidelity: Specwright against rpm', '');
lines.push('<!-- Written by `npm run oracle` (scripts/oracle/run.mjs); do not edit by hand. -->', '');
lines.push(`What \`specwright query --distro generic --format json\` says about a spec, compared field by field with what rpm ${rpm.rpmVersion} itself parses (python3-rpm, run sandboxed: no network, bash as /bin/sh, scratch HOME, 30 s timeout; see scripts/oracle/README.md). Only specs that plain rpm ${rpm.rpmVersion} accepts are compared (no distribution macro packages, no extra defines). Dependencies rpm adds itself (\`rpmlib(…)\`, interpreters, names starting with \`/\`) are left out on both sides.`, '');
lines.push('- **equal**: Specwright gives rpm\'s value. **certain but wrong**: the value differs and Specwright does not list it in `uncertain`.');
lines.push('- Fields: main name, epoch, version, release; the set of package names; global build sections (%prep, %conf, %generate_buildrequires, %build, %install, %check, %clean); sources and patches (kind, number, value); BuildRequires names; Requires names per package.', '');
lines.push(`Run: ${new Date().toISOString().slice(0, 10)}, Specwright ${label}, rpm ${rpm.rpmVersion}, ${files.length} specs.`, '');
for (const r of results) {
  lines.push(`## ${r.title}`, '');
  lines.push(`${r.files.length} specs; rpm accepts ${r.accepted}, rejects ${r.rejected.length}.`, '');
  if (r.totals) {
    lines.push('| field | compared | equal | certain but wrong | uncertain and wrong |', '|---|---:|---:|---:|---:|');
    for (const f of FIELDS) {
      const t = r.totals[f];
      lines.push(`| ${f} | ${t.compared} | ${t.equal} (${pct(t.equal, t.compared)}) | ${t.certainWrong} (${pct(t.certainWrong, t.compared)}) | ${t.uncertainWrong} |`);
    }
    lines.push('');
    if (r.missing.length) lines.push(`Specs query gave no result for: ${r.missing.length}.`, '');
  } else {
    lines.push('`specwright query` was not available for this run: rpm side only.', '');
  }
  lines.push('<details><summary>Why rpm rejects specs (first error, count)</summary>', '');
  for (const [why, n] of [...r.reasons].sort((a, b) => b[1] - a[1])) lines.push(`- ${n} × ${why.replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'))}`);
  lines.push('', '</details>', '');
}
if (ours) {
  lines.push('## Certain but wrong, every value', '');
  lines.push('For lists, the elements only rpm has and only Specwright has.', '');
  lines.push('| set | spec | field | rpm | Specwright |', '|---|---|---|---|---|');
  for (const r of results) {
    for (const w of r.certainWrong) lines.push(`| ${r.id} | ${rel(w.file)} | ${w.field} | ${show(w.rpm)} | ${show(w.ours)} |`);
  }
  lines.push('');
}
fs.writeFileSync(reportFile, lines.join('\n'));
fs.mkdirSync(path.dirname(jsonFile), { recursive: true });
fs.writeFileSync(jsonFile, JSON.stringify(results.map((r) => ({ id: r.id, files: r.files.length, accepted: r.accepted, rejected: r.rejected, totals: r.totals, certainWrong: r.certainWrong })), null, 1));
console.error(`oracle: wrote ${path.relative(process.cwd(), reportFile)} and ${jsonFile} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
