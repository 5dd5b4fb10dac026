// How rpmlint's findings and ours overlap on a corpus of specs, per rpmlint id:
// both (same id, same line; for rpmlint's line-less messages: anywhere in the file),
// only rpmlint, only us. Ours = rules with an rpmlintId.
// Usage: node scripts/run-tests.mjs __none__ (compiles out/), then
//        node scripts/overlap-rpmlint.mjs [DIR=/work/shared/corpus/spec] [--sample N]
// rpmlint runs on 25 files per invocation (it parses each spec with rpm: ~0.1 s a file).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const { createLanguageService } = require('../out/server/src/service/languageService.js');
const { ALL_RULES } = require('../out/server/src/service/rules/registry.js');
const { parseRpmlintOutput } = require('../out/server/src/node/tools/rpmlint.js');

const args = process.argv.slice(2);
const sampleAt = args.indexOf('--sample');
const sample = sampleAt >= 0 ? Number(args[sampleAt + 1]) : 0;
const dir = resolve(args.find((a, i) => !a.startsWith('--') && (sampleAt < 0 || i !== sampleAt + 1)) ?? '/work/shared/corpus/spec');
let files = readdirSync(dir).filter((f) => f.endsWith('.spec')).sort().map((f) => join(dir, f));
if (sample > 0) files = files.filter((_, i) => i % Math.ceil(files.length / sample) === 0);

const rpmlintIdOf = new Map(ALL_RULES.filter((r) => r.rpmlintId).map((r) => [r.id, r.rpmlintId]));
const service = createLanguageService();
const stats = new Map(); // id → { both, onlyRpmlint, onlyUs }
const stat = (id) => stats.get(id) ?? (stats.set(id, { both: 0, onlyRpmlint: 0, onlyUs: 0 }), stats.get(id));

for (let i = 0; i < files.length; i += 25) {
  const batch = files.slice(i, i + 25);
  const r = spawnSync('rpmlint', ['--ignore-unused-rpmlintrc', ...batch], { encoding: 'utf8', maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
  if (r.error) throw r.error;
  const byFile = new Map(batch.map((f) => [f, []]));
  for (const line of r.stdout.split('\n')) {
    // rpmlint prints the file's base name.
    const file = batch.find((f) => line.startsWith(`${f}:`) || line.startsWith(`${basename(f)}:`));
    if (file) byFile.get(file).push(...parseRpmlintOutput(line));
  }
  for (const file of batch) {
    const text = readFileSync(file, 'utf8');
    const ours = service.lint({ uri: `file://${file}`, languageId: 'rpm-spec', version: 1, text }).findings
      .filter((f) => rpmlintIdOf.has(f.rule)).map((f) => ({ id: rpmlintIdOf.get(f.rule), line: f.range.start.line + 1, used: false }));
    for (const m of byFile.get(file)) {
      const match = ours.find((o) => !o.used && o.id === m.id && (m.line === undefined || o.line === m.line));
      if (match) { match.used = true; stat(m.id).both++; } else stat(m.id).onlyRpmlint++;
    }
    for (const o of ours) if (!o.used) stat(o.id).onlyUs++;
    service.forget(`file://${file}`);
  }
  process.stderr.write(`\r${Math.min(i + 25, files.length)}/${files.length}`);
}
process.stderr.write('\n');
const implemented = new Set(rpmlintIdOf.values());
const rows = [...stats].sort((a, b) => (b[1].both + b[1].onlyRpmlint + b[1].onlyUs) - (a[1].both + a[1].onlyRpmlint + a[1].onlyUs));
console.log(`${files.length} specs from ${dir}\n`);
console.log('rpmlint id'.padEnd(42) + 'both'.padStart(6) + 'rpmlint'.padStart(9) + 'us'.padStart(6) + '  (ours: a rule declares it)');
for (const [id, s] of rows) console.log(id.padEnd(42) + String(s.both).padStart(6) + String(s.onlyRpmlint).padStart(9) + String(s.onlyUs).padStart(6) + (implemented.has(id) ? '  ours' : ''));
