// `npm start`: lints the example DKMS package with the freshly built CLI. The lint result is
// shown, not judged (exit 0 with or without findings); a crash of the CLI fails the demo.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `node scripts/build.mjs` first.');
  process.exit(2);
}

console.log('Specwright demo: linting examples/ (a DKMS driver package with typical mistakes)');
console.log('$ node dist/cli.js lint examples\n');
const result = spawnSync(process.execPath, [cli, 'lint', 'examples'], { cwd: root, stdio: 'inherit' });
if (result.error) {
  console.error(`could not run the CLI: ${result.error.message}`);
  process.exit(2);
}
if (result.status !== 0 && result.status !== 1) {
  console.error(`\nThe CLI failed (exit status ${result.status ?? result.signal}).`);
  process.exit(result.status || 2);
}
console.log('\nTry: node dist/cli.js lint --format sarif examples, node dist/cli.js rules, node dist/cli.js explain <rule-id>');
// examples/ is tracked and its flaws are the demo: --fix would rewrite it.
console.log('See what --fix would change without writing anything: node dist/cli.js lint --fix-dry-run examples');
console.log('Try --fix itself on a copy: cp -r examples /tmp/specwright-try && node dist/cli.js lint --fix /tmp/specwright-try');
