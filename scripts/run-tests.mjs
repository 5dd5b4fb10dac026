// Compiles the TypeScript sources and tests to out/ (transpile only: type-checking is `npm run typecheck`)
// and runs every test/**/*.test.ts with Node's built-in test runner.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'fixtures') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

// out/ is not wiped: several test runs may share it; the test list comes from the sources.
const sources = [...walk('server/src'), ...walk('test')];
await esbuild.build({
  entryPoints: sources,
  outdir: 'out',
  outbase: '.',
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
});

const filter = process.argv.slice(2);
const tests = sources
  .filter((f) => f.startsWith('test') && f.endsWith('.test.ts'))
  .filter((f) => filter.length === 0 || filter.some((x) => f.includes(x)))
  .map((f) => join('out', f.replace(/\.ts$/, '.js')))
  .sort();
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', '--test-concurrency=2', ...tests], { stdio: 'inherit' });
process.exit(result.status ?? 1);
