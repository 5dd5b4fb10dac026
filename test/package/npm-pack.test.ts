// The npm package as users get it: `npm pack` holds the CLI, the language server, the rule docs,
// README, LICENSE and package.json, nothing else; installed from the tarball into an empty folder
// without network (every runtime dependency is bundled into dist/), `npx specwright lint` works.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT, ensureBuilt } from '../helpers/lsp';

const npmMissing = spawnSync('npm', ['--version'], { encoding: 'utf8' }).status !== 0 ? 'npm is not on the PATH' : false;

let temp: string;
let tarball: string;
/** npm without network and without the user's cache or config. */
const npmEnv = () => ({ ...process.env, npm_config_cache: path.join(temp, 'npm-cache'), npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', npm_config_userconfig: path.join(temp, 'npmrc') });

before(() => {
  if (npmMissing) return;
  ensureBuilt();
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-pack-'));
  // --ignore-scripts: pack the bundles the test run built (prepare would rebuild them minified).
  const r = spawnSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', temp], { cwd: REPO_ROOT, encoding: 'utf8', env: npmEnv() });
  assert.equal(r.status, 0, r.stderr);
  tarball = path.join(temp, (JSON.parse(r.stdout) as { filename: string }[])[0].filename);
});
after(() => {
  if (temp) fs.rmSync(temp, { recursive: true, force: true });
});

describe('npm package', { skip: npmMissing }, () => {
  it('holds the CLI, the server, the rule docs, README, LICENSE and nothing else', () => {
    const r = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    const files = r.stdout.trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
    const docs = fs.readdirSync(path.join(REPO_ROOT, 'docs', 'rules')).filter((f) => f.endsWith('.md')).map((f) => `docs/rules/${f}`);
    assert.deepEqual(files, ['LICENSE', 'README.md', 'dist/cli.js', 'dist/server.js', ...docs, 'package.json'].sort());
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(pkg.private, undefined, 'a private package cannot be published');
    assert.deepEqual(pkg.dependencies ?? {}, {}, 'runtime dependencies are bundled into dist/: installing must need no registry');
  });

  it('installs offline into an empty folder; npx specwright lint and the server run', async () => {
    const project = path.join(temp, 'project');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "empty", "version": "1.0.0", "private": true }\n');
    const install = spawnSync('npm', ['install', tarball], { cwd: project, encoding: 'utf8', env: npmEnv() });
    assert.equal(install.status, 0, install.stderr);
    fs.writeFileSync(path.join(project, 'broken.spec'), fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'bad', 'unclosed.spec')));
    const lint = spawnSync('npx', ['specwright', 'lint', 'broken.spec'], { cwd: project, encoding: 'utf8', env: npmEnv() });
    assert.equal(lint.status, 1, lint.stderr);
    assert.match(lint.stdout, /^broken\.spec:\d+:\d+: error: .*\[spec-unclosed-if\]$/m);
    const version = spawnSync('npx', ['specwright', '--version'], { cwd: project, encoding: 'utf8', env: npmEnv() });
    assert.equal(version.stdout.trim(), (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    // The language server starts and answers `initialize` over stdio.
    const server = path.join(project, 'node_modules', '.bin', 'specwright-language-server');
    assert.ok(fs.existsSync(server));
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    const child = spawn(server, ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    const answered = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('"capabilities"')) {
          clearTimeout(timer);
          resolve(true);
        }
      });
      child.on('exit', () => resolve(out.includes('"capabilities"')));
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
    child.kill();
    assert.ok(answered, out);
  });
});
