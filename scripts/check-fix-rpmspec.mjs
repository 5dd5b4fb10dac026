// Checks that `specwright lint --fix` never turns a spec rpm accepts into one it rejects: runs
// `rpmspec -P` on every corpus spec before and after the fixes. rpmspec EXECUTES the spec's
// %(…) and %{lua:} code, so this is a manual check on the reference corpus, not part of
// `npm test`. Usage: node scripts/check-fix-rpmspec.mjs [corpus-dir]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpus = process.argv[2] ?? process.env.SPECWRIGHT_SHARED ?? path.resolve(repo, '..', 'shared', 'corpus');
const specDir = fs.existsSync(path.join(corpus, 'spec')) ? path.join(corpus, 'spec') : corpus;
if (!fs.existsSync(specDir)) {
  console.log(`check-fix-rpmspec: no corpus at ${specDir}: nothing to check`);
  process.exit(0);
}
if (spawnSync('rpmspec', ['--version']).error) {
  console.log('check-fix-rpmspec: rpmspec is not installed (apt-get install rpm): nothing to check');
  process.exit(0);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-fixcheck-'));
const names = fs.readdirSync(specDir).filter((n) => n.endsWith('.spec'));
// The corpus may be read-only; --fix leaves read-only files alone.
for (const n of names) {
  fs.copyFileSync(path.join(specDir, n), path.join(work, n));
  fs.chmodSync(path.join(work, n), 0o644);
}

const accepts = (file) => spawnSync('rpmspec', ['-P', file], { encoding: 'utf8', timeout: 30_000, cwd: work }).status === 0;
const before = new Map(names.map((n) => [n, accepts(path.join(work, n))]));
const fix = spawnSync(process.execPath, [path.join(repo, 'dist', 'cli.js'), 'lint', '--fix', '--format', 'json', work], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (fix.status !== 0 && fix.status !== 1) {
  console.error(`check-fix-rpmspec: the CLI failed (exit ${fix.status}): ${fix.stderr.slice(0, 2000)}`);
  process.exit(2);
}
let changed = 0;
const regressions = [];
for (const n of names) {
  const edited = fs.readFileSync(path.join(work, n), 'utf8') !== fs.readFileSync(path.join(specDir, n), 'utf8');
  if (!edited) continue;
  changed++;
  if (before.get(n) && !accepts(path.join(work, n))) regressions.push(n);
}
const accepted = [...before.values()].filter(Boolean).length;
console.log(`${names.length} specs; rpmspec accepts ${accepted} of the originals; --fix changed ${changed}; accepted before but rejected after: ${regressions.length}`);
for (const n of regressions) console.log(`  ${n}`);
fs.rmSync(work, { recursive: true, force: true });
process.exit(regressions.length === 0 ? 0 : 1);
