// The shared child-process runner: trust and empty-path refusal, ENOENT, stdin and temp files,
// output cap, timeout (process group), cancellation and one job per key.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { ToolRunner, runTool, runToolSync, type SpawnFunction } from '../../server/src/node/tools/run';

const FAKE = path.resolve(__dirname, '../../../test/fixtures/tools/fake-tool.js');
const node = process.execPath;

function countingSpawn(): { spawn: SpawnFunction; count: () => number } {
  let n = 0;
  return { spawn: (c, a, o) => { n++; return spawn(c, a, o) as ChildProcess; }, count: () => n };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // A killed process nobody reaped yet (PID 1 in a container may not) is a zombie: dead.
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return !/^State:\s+Z/m.test(status);
  } catch {
    return false;
  }
}

describe('runTool', () => {
  it('starts nothing in an untrusted workspace', async () => {
    const spy = countingSpawn();
    const r = await runTool({ command: node, args: [FAKE] }, { trusted: false, spawn: spy.spawn });
    assert.equal(r.status, 'refused');
    assert.equal(spy.count(), 0);
    assert.equal(runToolSync({ command: node, args: [FAKE] }, { trusted: false, spawnSync: () => assert.fail('spawned') }).status, 'refused');
  });

  it('starts nothing when the program path is empty', async () => {
    const spy = countingSpawn();
    assert.equal((await runTool({ command: '  ', args: [] }, { trusted: true, spawn: spy.spawn })).status, 'refused');
    assert.equal(spy.count(), 0);
  });

  it('reports a missing program as not-found', async () => {
    const r = await runTool({ command: '/nonexistent/specwright-tool', args: [] }, { trusted: true });
    assert.equal(r.status, 'not-found');
    assert.equal(runToolSync({ command: '/nonexistent/specwright-tool', args: [] }, { trusted: true }).status, 'not-found');
  });

  it('passes arguments without a shell and feeds stdin', async () => {
    const args = await runTool({ command: node, args: [FAKE, 'args', '$(touch /tmp/x); echo "a b"'] }, { trusted: true });
    assert.equal(args.status, 'exited');
    if (args.status === 'exited') assert.deepEqual(JSON.parse(args.stdout), ['args', '$(touch /tmp/x); echo "a b"']);
    const echo = await runTool({ command: node, args: [FAKE, 'echo-stdin'], stdin: 'hello\n' }, { trusted: true });
    assert.equal(echo.status === 'exited' && echo.stdout, 'hello\n');
  });

  it('writes temporary files named as asked and removes them afterwards', async () => {
    let dir = '';
    const r = await runTool(
      { command: node, tempFiles: [{ name: 'foo.spec', text: 'Name: foo\n' }], args: (d) => { dir = d!; return [FAKE, 'cat-file', path.join(d!, 'foo.spec')]; } },
      { trusted: true },
    );
    assert.equal(r.status === 'exited' && r.stdout, 'Name: foo\n');
    assert.match(path.basename(dir), /^specwright-/);
    assert.equal(fs.existsSync(dir), false);
  });

  it('stops a program that writes too much and says so', async () => {
    const r = await runTool({ command: node, args: [FAKE, 'flood'], maxOutputBytes: 100_000, timeoutMs: 10_000 }, { trusted: true });
    assert.equal(r.status, 'truncated');
    if (r.status === 'truncated') assert.ok(r.stdout.length <= 100_000);
    assert.equal(runToolSync({ command: node, args: [FAKE, 'flood'], maxOutputBytes: 100_000, timeoutMs: 10_000 }, { trusted: true }).status, 'truncated');
  });

  it('kills the whole process group on timeout', { skip: process.platform === 'win32' }, async () => {
    const pidFile = path.join(fs.mkdtempSync('/tmp/specwright-test-'), 'pid');
    const r = await runTool({ command: node, args: [FAKE, 'hang', pidFile], timeoutMs: 4000 }, { trusted: true });
    assert.equal(r.status, 'timeout');
    const grandchild = Number(fs.readFileSync(pidFile, 'utf8'));
    await new Promise((res) => setTimeout(res, 200));
    assert.equal(alive(grandchild), false, 'the grandchild survived the timeout');
  });

  it('treats any exit code as a result', async () => {
    const r = await runTool({ command: node, args: [FAKE, 'exit', '64'] }, { trusted: true });
    assert.equal(r.status === 'exited' && r.exitCode, 64);
  });
});

describe('ToolRunner', () => {
  it('never spawns while the workspace is untrusted', async () => {
    const spy = countingSpawn();
    const runner = new ToolRunner({ isTrusted: () => false, spawn: spy.spawn });
    const r = await runner.runOnce(ToolRunner.key('file:///a.spec', 'rpmlint'), { command: node, args: [FAKE] });
    assert.equal(r.status, 'refused');
    assert.equal(runner.spawnCount, 0);
    assert.equal(spy.count(), 0);
  });

  it('cancels the older job of the same key, and every job of a document', async () => {
    const runner = new ToolRunner({ isTrusted: () => true });
    const key = ToolRunner.key('file:///a.spec', 'rpmlint');
    const older = runner.runOnce(key, { command: node, args: [FAKE, 'hang', '/dev/null'], timeoutMs: 10_000 });
    const newer = runner.runOnce(key, { command: node, args: [FAKE, 'args'] });
    assert.equal((await older).status, 'cancelled');
    assert.equal((await newer).status, 'exited');
    const third = runner.runOnce(ToolRunner.key('file:///a.spec', 'shellcheck'), { command: node, args: [FAKE, 'hang', '/dev/null'], timeoutMs: 10_000 });
    setTimeout(() => runner.cancelDocument('file:///a.spec'), 100);
    assert.equal((await third).status, 'cancelled');
    assert.equal(runner.spawnCount, 3);
  });
});
