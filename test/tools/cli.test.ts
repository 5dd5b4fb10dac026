// `specwright lint --with`: tool findings with rule <tool>/<id>; a missing tool is a message, not a failure.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { CLI_JS, REPO_ROOT, ensureBuilt } from '../helpers/lsp';
import { parseArgs } from '../../server/src/cli/args';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/tools/menable-dkms.spec');
const cli = (...args: string[]) => spawnSync(process.execPath, [CLI_JS, ...args], { encoding: 'utf8', cwd: REPO_ROOT });

describe('lint --with', () => {
  it('parses tool lists and paths, and rejects unknown tools', () => {
    const c = parseArgs(['lint', '--with', 'rpmlint,shellcheck=/opt/sc', '--with', 'rpmspec', 'x.spec']);
    assert.ok(c.kind === 'lint');
    assert.deepEqual(c.with, [{ tool: 'rpmlint', path: 'rpmlint' }, { tool: 'shellcheck', path: '/opt/sc' }, { tool: 'rpmspec', path: 'rpmspec' }]);
    assert.throws(() => parseArgs(['lint', '--with', 'rpmlnt', 'x.spec']), /did you mean 'rpmlint'/);
  });

  it('reports a missing tool on stderr and fails only with --require-tools', () => {
    ensureBuilt();
    const soft = cli('lint', '--format', 'json', '--with', 'rpmlint=/nonexistent/rpmlint', FIXTURE);
    assert.match(soft.stderr, /rpmlint was not found/);
    assert.notEqual(soft.status, 2);
    assert.equal(cli('lint', '--with', 'rpmlint=/nonexistent/rpmlint', '--require-tools', FIXTURE).status, 2);
  });

  it('adds shellcheck findings as shellcheck/SC####', { skip: spawnSync('shellcheck', ['--version']).error ? 'shellcheck is not installed' : false }, () => {
    ensureBuilt();
    const r = cli('lint', '--format', 'json', '--with', 'shellcheck', FIXTURE);
    assert.match(r.stdout, /"rule": ?"shellcheck\/SC1073"/);
  });
});
