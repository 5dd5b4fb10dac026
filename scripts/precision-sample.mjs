// Precision as a routine (docs/precision.md): lints the whole Fedora corpus with the built CLI and
// draws a reproducible random sample of findings per rule, each with its file, line, the spec
// lines around it and the message, into a Markdown file to classify by hand (right / debatable /
// wrong). Also writes every rule's finding count on Fedora.
//
// Usage: npm run precision:sample [-- --per-rule N] [--seed TEXT] [--rules a,b] [--distro ID]
//                                     [--out FILE] [--jobs N] [--findings FILE]
//   --per-rule  findings drawn per rule (default 10; all when a rule has fewer)
//   --seed      the sample is a function of the seed and the findings (default "specwright")
//   --rules     only these rules (comma-separated; every other rule is turned off, rules that are
//               off by default are turned on): default every rule
//   --out       default precision-sample.md in the current folder
//   --cli       the CLI to run (default dist/cli.js of this checkout)
//   --findings  reuse the findings JSON of an earlier run (written next to --out as *.findings.json)
//   --uniform W,I  instead of per rule: W warning/error findings and I information/hint findings,
//               drawn uniformly over all findings (issue 12's precision targets are per severity)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fedoraSpecs, fedoraSpecsDir, repoRoot } from './corpora.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const perRule = Number(option('--per-rule', '10'));
const seed = option('--seed', 'specwright');
const onlyRules = option('--rules', '')?.split(',').filter(Boolean) ?? [];
const distro = option('--distro', 'fedora');
const out = path.resolve(option('--out', 'precision-sample.md'));
const jobs = Number(option('--jobs', String(Math.max(1, Math.min(4, os.cpus().length)))));
const findingsFile = option('--findings', out.replace(/\.md$/, '') + '.findings.json');
const reuse = args.includes('--findings');
const uniform = option('--uniform', '')?.split(',').filter(Boolean).map(Number) ?? [];
const cli = path.resolve(option('--cli', path.join(repoRoot, 'dist', 'cli.js')));

// With --rules, every other rule is turned off: a quick count of a few rules on all of Fedora.
let ruleFlags = [];
if (onlyRules.length > 0) {
  const list = spawnSync(process.execPath, [cli, 'rules', '--format', 'json'], { encoding: 'utf8' });
  ruleFlags = JSON.parse(list.stdout).filter((r) => !onlyRules.includes(r.id)).flatMap((r) => ['--rule', `${r.id}=off`]);
  // rules that are off by default are turned on at their documented "on" level
  for (const r of JSON.parse(list.stdout)) if (onlyRules.includes(r.id) && r.defaultSeverity === 'off') ruleFlags.push('--rule', `${r.id}=hint`);
}
const crashed = [];

/** Lints files with the CLI; resolves to its JSON, or null when the CLI failed (crash, bad output). */
function runCli(files) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, 'lint', '--format', 'json', '--distro', distro, ...ruleFlags, ...files], { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    const errors = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => errors.push(d));
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      try {
        if (code !== 0 && code !== 1) throw new Error(`exit ${code}`);
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(null);
      }
    });
  });
}

/** A chunk the CLI fails on is linted file by file; files it still fails on are listed as crashes. */
async function lintChunk(files) {
  const whole = await runCli(files);
  if (whole) return whole;
  const out = [];
  for (const f of files) {
    const one = await runCli([f]);
    if (one) out.push(...one);
    else crashed.push(path.basename(f));
  }
  return out;
}

async function lintAll(files) {
  const chunks = [];
  for (let i = 0; i < files.length; i += 500) chunks.push(files.slice(i, i + 500));
  const findings = [];
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < chunks.length) {
      const chunk = chunks[next++];
      for (const f of await lintChunk(chunk)) {
        for (const d of f.diagnostics) findings.push({ file: path.basename(f.file), rule: d.rule, severity: d.severity, line: d.range.start.line, character: d.range.start.character, message: d.message });
      }
      done += chunk.length;
      process.stderr.write(`\rprecision-sample: linted ${done}/${files.length}`);
    }
  }
  await Promise.all(Array.from({ length: jobs }, worker));
  process.stderr.write('\n');
  return findings;
}

/** A deterministic order: findings sorted by a hash of (seed, file, line, character, rule, message). */
const rank = (f) => createHash('sha256').update(`${seed}\0${f.file}\0${f.line}\0${f.character}\0${f.rule}\0${f.message}`).digest('hex');

const dir = fedoraSpecsDir();
if (!dir) {
  console.error(`precision-sample: ${fedoraSpecsDir.reason}`);
  process.exit(2);
}
if (!fs.existsSync(cli)) {
  console.error(`precision-sample: ${cli} is missing: run npm run build first`);
  process.exit(2);
}
let findings;
if (reuse && fs.existsSync(findingsFile)) findings = JSON.parse(fs.readFileSync(findingsFile, 'utf8'));
else {
  findings = await lintAll(fedoraSpecs());
  fs.writeFileSync(findingsFile, JSON.stringify(findings));
  if (crashed.length) fs.writeFileSync(findingsFile.replace(/\.json$/, '.crashed.txt'), crashed.join('\n') + '\n');
}

const byRule = new Map();
for (const f of findings) {
  if (!byRule.has(f.rule)) byRule.set(f.rule, []);
  byRule.get(f.rule).push(f);
}
const rules = [...byRule.keys()].filter((r) => onlyRules.length === 0 || onlyRules.includes(r)).sort();
const lines = [
  `# Precision sample: ${findings.length} findings on ${fs.readdirSync(dir).length} Fedora specs (--distro ${distro}), seed "${seed}", ${uniform.length === 2 ? `${uniform[0]} warning/error and ${uniform[1]} information/hint drawn uniformly` : `${perRule} per rule`}`,
  '',
  ...(crashed.length ? [`**The CLI failed on ${crashed.length} specs:** ${crashed.join(', ')}`, ''] : []),
  'Classify each finding as a packager would: **right** (worth changing the spec), **debatable** (style, or right only in some readings), **wrong** (false: the spec is fine or the message is untrue). Write the verdict after `verdict:`.',
  '',
  '| rule | severity | findings on Fedora | specs |',
  '|---|---|---:|---:|',
  ...rules.map((r) => `| ${r} | ${byRule.get(r)[0].severity} | ${byRule.get(r).length} | ${new Set(byRule.get(r).map((f) => f.file)).size} |`),
  '',
];
const textOf = new Map();
const byRank = (list) => list.map((f) => ({ f, k: rank(f) })).sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)).map((x) => x.f);
const groups = [];
if (uniform.length === 2) {
  const inRules = findings.filter((f) => rules.includes(f.rule));
  const loud = inRules.filter((f) => f.severity === 'error' || f.severity === 'warning');
  const quiet = inRules.filter((f) => f.severity === 'information' || f.severity === 'hint');
  groups.push({ title: `warning and error, drawn uniformly (${loud.length} findings, ${Math.min(uniform[0], loud.length)} sampled)`, name: 'WE', sample: byRank(loud).slice(0, uniform[0]) });
  groups.push({ title: `information and hint, drawn uniformly (${quiet.length} findings, ${Math.min(uniform[1], quiet.length)} sampled)`, name: 'IH', sample: byRank(quiet).slice(0, uniform[1]) });
} else {
  for (const rule of rules) {
    const sample = byRank(byRule.get(rule)).slice(0, perRule);
    groups.push({ title: `${rule} (${byRule.get(rule).length} findings, ${sample.length} sampled)`, name: rule, sample });
  }
}
for (const { title, name, sample } of groups) {
  lines.push(`## ${title}`, '');
  sample.forEach((f, i) => {
    if (!textOf.has(f.file)) textOf.set(f.file, fs.readFileSync(path.join(dir, f.file), 'utf8').split(/\r?\n/));
    const text = textOf.get(f.file);
    const from = Math.max(0, f.line - 3);
    const to = Math.min(text.length, f.line + 4);
    lines.push(`### ${name} ${i + 1}: ${f.rule} (${f.severity}) ${f.file}:${f.line + 1}:${f.character + 1}`, '', `> ${f.message}`, '', '```spec');
    for (let l = from; l < to; l++) lines.push(`${l === f.line ? '>' : ' '}${String(l + 1).padStart(5)}  ${text[l]}`);
    lines.push('```', '', 'verdict: ', '');
  });
}
fs.writeFileSync(out, lines.join('\n'));
console.error(`precision-sample: ${findings.length} findings, ${rules.length} rules; wrote ${out} (findings in ${findingsFile})`);
