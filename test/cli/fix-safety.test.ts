// --fix never loses a file: full disk (a real 64 KiB tmpfs when the test may mount one), read-only
// file, concurrent runs (a file changed meanwhile: safeWrite.test.ts); --fix-dry-run writes nothing and prints a diff.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { CLI_JS, ensureBuilt } from '../helpers/lsp';
import { cli, fixableSpec, tempDir } from './helpers';

function canMountTmpfs(): boolean {
  const r = spawnSync('unshare', ['-m', 'sh', '-c', 'd=$(mktemp -d) && mount -t tmpfs -o size=64k tmpfs "$d" && umount "$d"; s=$?; rmdir "$d"; exit $s'], { encoding: 'utf8' });
  return r.status === 0;
}

before(() => ensureBuilt());

describe('--fix writes safely', () => {
  it('on a full disk the original stays intact and the run exits 2 (real tmpfs)', (t) => {
    if (!canMountTmpfs()) {
      t.skip('cannot mount a tmpfs in a private mount namespace (needs root and unshare); the injected-ENOSPC unit test covers the writer');
      return;
    }
    const { dir, cleanup } = tempDir();
    try {
      const spec = fixableSpec(2000);
      fs.writeFileSync(path.join(dir, 'foo.spec'), spec);
      // Inside a private mount namespace: mount a 64 KiB tmpfs, copy the spec in, fill the disk,
      // run --fix, and copy the result out (the tmpfs vanishes with the namespace).
      const script = `set -u
m="$1/mnt"; mkdir "$m"; mount -t tmpfs -o size=64k tmpfs "$m" || exit 99
cp "$1/foo.spec" "$m/foo.spec"
dd if=/dev/zero of="$m/fill" bs=4096 2>/dev/null
"$2" "$3" lint --fix "$m/foo.spec" >"$1/stdout" 2>"$1/stderr"; echo $? >"$1/rc"
cp "$m/foo.spec" "$1/after.spec"; ls -a "$m" >"$1/ls"; umount "$m"`;
      const r = spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', dir, process.execPath, CLI_JS], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const stderr = fs.readFileSync(path.join(dir, 'stderr'), 'utf8');
      assert.equal(fs.readFileSync(path.join(dir, 'rc'), 'utf8').trim(), '2', stderr);
      assert.match(stderr, /foo\.spec: error: fixes not written: .*ENOSPC: no space left on device.*left unchanged/);
      assert.equal(fs.readFileSync(path.join(dir, 'after.spec'), 'utf8'), spec, 'the spec is byte-identical');
      assert.deepEqual(fs.readFileSync(path.join(dir, 'ls'), 'utf8').trim().split('\n').sort(), ['.', '..', 'fill', 'foo.spec'], 'no temporary or lock file left');
    } finally {
      cleanup();
    }
  });

  it('a read-only file is reported with exit 2 and left unchanged', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'foo.spec');
      fs.writeFileSync(file, fixableSpec());
      fs.chmodSync(file, 0o444);
      const r = cli(['lint', '--fix', file]);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /foo\.spec: error: fixes not written: the file is read-only \(EACCES/);
      assert.equal(fs.readFileSync(file, 'utf8'), fixableSpec());
      assert.deepEqual(fs.readdirSync(dir), ['foo.spec']);
    } finally {
      cleanup();
    }
  });

  it('keeps the file mode and, as root, the owner', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'foo.spec');
      fs.writeFileSync(file, fixableSpec());
      fs.chmodSync(file, 0o604);
      const root = process.getuid?.() === 0;
      if (root) fs.chownSync(file, 1234, 1235);
      const r = cli(['lint', '--fix', file]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(fs.readFileSync(file, 'utf8'), /%setup -q/);
      const st = fs.statSync(file);
      assert.equal(st.mode & 0o7777, 0o604);
      if (root) assert.deepEqual([st.uid, st.gid], [1234, 1235]);
    } finally {
      cleanup();
    }
  });

  it('four concurrent --fix runs on the same files give the single-run result', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const names = Array.from({ length: 8 }, (_, i) => `p${i}.spec`);
      for (const [i, n] of names.entries()) fs.writeFileSync(path.join(dir, n), fixableSpec(i * 500));
      const single = tempDir();
      for (const n of names) fs.copyFileSync(path.join(dir, n), path.join(single.dir, n));
      assert.ok([0, 1].includes(cli(['lint', '--fix', single.dir]).status ?? -1));
      const runs = Array.from({ length: 4 }, () => new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const c = spawn(process.execPath, [CLI_JS, 'lint', '--fix', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        c.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        c.on('close', (status) => resolve({ status, stderr }));
      }));
      for (const r of await Promise.all(runs)) assert.ok(r.status === 0 || r.status === 1, r.stderr);
      for (const n of names) assert.equal(fs.readFileSync(path.join(dir, n), 'utf8'), fs.readFileSync(path.join(single.dir, n), 'utf8'), n);
      assert.deepEqual(fs.readdirSync(dir).sort(), [...names].sort(), 'no temporary or lock file left');
      single.cleanup();
    } finally {
      cleanup();
    }
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that patch applies, and writes nothing', (t) => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'foo.spec');
      fs.writeFileSync(file, fixableSpec());
      const r = cli(['lint', '--fix-dry-run', 'foo.spec'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), fixableSpec(), 'nothing written');
      assert.match(r.stdout, /^--- a\/foo\.spec\n\+\+\+ b\/foo\.spec\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
      assert.match(r.stdout, /^-%setup\n\+%setup -q$/m);
      assert.match(r.stderr, /foo\.spec: would fix 2 problems/);
      const fixed = cli(['lint', '--fix', file]);
      const expected = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, fixableSpec());
      assert.equal(fixed.status, 0);
      const patch = spawnSync('patch', ['-p1', '-s'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
      if (patch.error) {
        t.diagnostic('patch is not installed: the diff was not applied');
        return;
      }
      assert.equal(patch.status, 0, patch.stderr);
      assert.equal(fs.readFileSync(file, 'utf8'), expected, 'the diff applied gives what --fix writes');
    } finally {
      cleanup();
    }
  });

  it('is a usage error with --fix or a --format', () => {
    assert.equal(cli(['lint', '--fix', '--fix-dry-run', '.']).status, 2);
    assert.equal(cli(['lint', '--fix-dry-run', '--format', 'json', '.']).status, 2);
  });
});
