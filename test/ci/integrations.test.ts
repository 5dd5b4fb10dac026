// CI integrations as they run: the pre-commit hooks' entries on the files pre-commit would pass,
// and the GitHub Action's lint script on a sample repository (GitHub's environment variables set
// by hand). GitLab's Code Quality format is tested with the CLI (test/cli/scale.test.ts).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CLI_JS, REPO_ROOT, ensureBuilt } from '../helpers/lsp';

const HELLO = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'good', 'hello.spec'), 'utf8');
const UNCLOSED = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'cli', 'bad', 'unclosed.spec'), 'utf8');

interface Hook {
  id: string;
  entry: string;
  files: string;
  language: string;
}

/** The hooks of .pre-commit-hooks.yaml (a flat list of maps: enough YAML for this file). */
function readHooks(): Hook[] {
  const text = fs.readFileSync(path.join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8');
  const hooks: Record<string, string>[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const m = /^(- | {2})(\w+): (.*)$/.exec(line);
    assert.ok(m, `unexpected line in .pre-commit-hooks.yaml: ${line}`);
    if (m[1] === '- ') hooks.push({});
    hooks[hooks.length - 1][m[2]] = m[3].replace(/^'(.*)'$/, '$1');
  }
  return hooks as unknown as Hook[];
}

/** What pre-commit runs: the entry (with `specwright` as the built CLI) plus the matching files. */
function runHook(hook: Hook, files: string[], cwd: string) {
  const re = new RegExp(hook.files);
  const matched = files.filter((f) => re.test(f));
  const [command, ...args] = hook.entry.split(' ');
  assert.equal(command, 'specwright');
  const r = spawnSync(process.execPath, [CLI_JS, ...args, ...matched], { cwd, encoding: 'utf8' });
  return { ...r, matched };
}

let repo: string;
before(() => {
  ensureBuilt();
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-ci-'));
  fs.mkdirSync(path.join(repo, 'pkg', 'dkms'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'pkg', 'hello.spec'), HELLO);
  fs.writeFileSync(path.join(repo, 'pkg', 'broken.spec'), UNCLOSED);
  fs.writeFileSync(path.join(repo, 'pkg', 'dkms', 'dkms.conf'), 'PACKAGE_NAME="acme"\nPACKAGE_VERSION="1.0"\nBUILT_MODULE_NAME[0]="acme"\nDEST_MODULE_LOCATION[0]="/kernel/drivers/net"\nAUTOINSTALL="yes"\n');
  fs.writeFileSync(path.join(repo, 'README.md'), '# sample\n');
});
after(() => fs.rmSync(repo, { recursive: true, force: true }));

describe('pre-commit hooks', () => {
  it('declares a lint hook and a format-check hook, run through node', () => {
    const hooks = readHooks();
    assert.deepEqual(hooks.map((h) => h.id), ['specwright-lint', 'specwright-format-check']);
    for (const h of hooks) assert.equal(h.language, 'node');
    assert.equal(hooks[0].entry, 'specwright lint');
    assert.equal(hooks[1].entry, 'specwright format --check');
    // pre-commit installs the repository as a package: npm must build dist/ and put the CLI on the PATH.
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    assert.match(pkg.scripts.prepare, /scripts\/build\.mjs/);
    assert.equal(pkg.bin.specwright, 'dist/cli.js');
  });

  it('the lint hook matches specs, spec templates and dkms.conf files, nothing else', () => {
    const re = new RegExp(readHooks()[0].files);
    for (const yes of ['foo.spec', 'a/b/foo.spec.in', 'dkms.conf', 'src/dkms.conf', 'dkms-acme.conf', 'dkms.conf.in']) assert.ok(re.test(yes), yes);
    for (const no of ['foo.specs', 'foo.spec.bak', 'foo.conf', 'notdkms.conf', 'README.md', 'spec']) assert.ok(!re.test(no), no);
  });

  it('the lint hook fails on a spec with an error and passes on clean files', () => {
    const hook = readHooks()[0];
    const all = ['README.md', 'pkg/hello.spec', 'pkg/broken.spec', 'pkg/dkms/dkms.conf'];
    const bad = runHook(hook, all, repo);
    assert.deepEqual(bad.matched, ['pkg/hello.spec', 'pkg/broken.spec', 'pkg/dkms/dkms.conf']);
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stdout, /^pkg\/broken\.spec:\d+:\d+: error: .*\[spec-unclosed-if\]$/m);
    const good = runHook(hook, ['README.md', 'pkg/hello.spec'], repo);
    assert.equal(good.status, 0, good.stdout + good.stderr);
  });

  it('the format-check hook fails on an unformatted spec and passes on a formatted one', () => {
    const hook = readHooks()[1];
    const messy = HELLO.replace('Name:           hello', 'Name:   hello').replace('%build\n', '%build   \n');
    fs.writeFileSync(path.join(repo, 'pkg', 'messy.spec'), messy);
    try {
      const bad = runHook(hook, ['pkg/messy.spec', 'pkg/dkms/dkms.conf'], repo);
      assert.deepEqual(bad.matched, ['pkg/messy.spec']);
      assert.equal(bad.status, 1, bad.stderr);
      assert.match(bad.stdout + bad.stderr, /messy\.spec/);
      const formatted = spawnSync(process.execPath, [CLI_JS, 'format', 'pkg/messy.spec'], { cwd: repo, encoding: 'utf8' }).stdout;
      fs.writeFileSync(path.join(repo, 'pkg', 'messy.spec'), formatted);
      const good = runHook(hook, ['pkg/messy.spec'], repo);
      assert.equal(good.status, 0, good.stdout + good.stderr);
    } finally {
      fs.rmSync(path.join(repo, 'pkg', 'messy.spec'), { force: true });
    }
  });
});

describe('GitHub Action', () => {
  const action = fs.readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8');

  it('action.yml is a composite action whose scripts exist', () => {
    assert.match(action, /^runs:\n {2}using: composite$/m);
    for (const m of action.matchAll(/\$GITHUB_ACTION_PATH\/([\w./-]+)/g)) assert.ok(fs.existsSync(path.join(REPO_ROOT, m[1])), m[1]);
    for (const m of action.matchAll(/\$\{\{ inputs\.([\w-]+) \}\}/g)) assert.match(action, new RegExp(`^ {2}${m[1]}:$`, 'm'), `input ${m[1]} is used but not declared`);
    assert.match(action, /uses: github\/codeql-action\/upload-sarif@v3/);
  });

  it('the lint script writes SARIF, prints annotations, sets the outputs and leaves failing to the last step', () => {
    const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-action-'));
    try {
      const output = path.join(temp, 'github-output');
      const env = {
        ...process.env,
        GITHUB_ACTION_PATH: REPO_ROOT,
        GITHUB_OUTPUT: output,
        RUNNER_TEMP: temp,
        INPUT_PATHS: 'pkg README.md',
        INPUT_ARGS: '--distro fedora',
        INPUT_SARIF_FILE: 'out/specwright.sarif',
        INPUT_ANNOTATIONS: 'true',
      };
      fs.mkdirSync(path.join(repo, 'out'), { recursive: true });
      const r = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'ci', 'action-lint.sh')], { cwd: repo, env, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const sarif = JSON.parse(fs.readFileSync(path.join(repo, 'out', 'specwright.sarif'), 'utf8'));
      assert.equal(sarif.version, '2.1.0');
      const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
      assert.ok(results.some((x) => x.ruleId === 'spec-unclosed-if' && x.locations[0].physicalLocation.artifactLocation.uri === 'pkg/broken.spec'));
      assert.match(r.stdout, /^::error file=pkg\/broken\.spec,line=\d+,col=\d+,.*title=Specwright spec-unclosed-if::/m);
      const outputs = fs.readFileSync(output, 'utf8');
      assert.match(outputs, /^sarif-file=out\/specwright\.sarif$/m);
      // README.md named explicitly is linted as a spec (exit 1 with errors, or 2): not 0.
      assert.match(outputs, /^exit-code=[12]$/m);
      assert.ok(fs.existsSync(path.join(temp, 'specwright-action.cache')));

      // Clean input: exit-code 0, and no annotations when turned off.
      fs.writeFileSync(output, '');
      const clean = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'ci', 'action-lint.sh')], {
        cwd: repo,
        env: { ...env, INPUT_PATHS: 'pkg/hello.spec', INPUT_ANNOTATIONS: 'false' },
        encoding: 'utf8',
      });
      assert.equal(clean.status, 0, clean.stderr);
      assert.doesNotMatch(clean.stdout, /^::/m);
      assert.match(fs.readFileSync(output, 'utf8'), /^exit-code=0$/m);
    } finally {
      fs.rmSync(temp, { recursive: true, force: true });
      fs.rmSync(path.join(repo, 'out'), { recursive: true, force: true });
    }
  });
});
