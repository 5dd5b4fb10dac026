// The safe writer (server/src/node/safeWrite.ts) that --fix and every later writer use: the
// original is never truncated, a file changed since it was read is not overwritten, a failed
// write leaves it untouched, mode and owner are kept, two writers cannot both replace a file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { readTextFile, type FileSnapshot } from '../../server/src/node/readText';
import { lockPathFor, writeFileSafely } from '../../server/src/node/safeWrite';
import { tempDir } from './helpers';

function setup(text = 'Name: foo\n%prep\n%setup\n'): { dir: string; file: string; snapshot: FileSnapshot; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'foo.spec');
  fs.writeFileSync(file, text);
  const read = readTextFile(file);
  assert.ok(read.ok && read.snapshot);
  return { dir, file, snapshot: read.snapshot, cleanup };
}

/** Files other than the target left in the folder (temporary or lock files). */
function leftovers(dir: string): string[] {
  return fs.readdirSync(dir).filter((n) => n !== 'foo.spec');
}

function errno(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

describe('writeFileSafely', () => {
  it('replaces the contents through a renamed temporary file, keeping mode and owner', () => {
    const { dir, file, snapshot, cleanup } = setup();
    try {
      fs.chmodSync(file, 0o640);
      const canChown = process.getuid?.() === 0;
      if (canChown) fs.chownSync(file, 4321, 4322);
      const inodeBefore = fs.statSync(file).ino;
      const r = writeFileSafely(file, 'Name: foo\n%prep\n%setup -q\n', snapshot);
      assert.deepEqual(r, { ok: true, written: true });
      assert.equal(fs.readFileSync(file, 'utf8'), 'Name: foo\n%prep\n%setup -q\n');
      const st = fs.statSync(file);
      assert.equal(st.mode & 0o7777, 0o640);
      if (canChown) assert.deepEqual([st.uid, st.gid], [4321, 4322]);
      assert.notEqual(st.ino, inodeBefore, 'a new inode: the file was renamed over, not rewritten in place');
      assert.deepEqual(leftovers(dir), []);
    } finally {
      cleanup();
    }
  });

  it('writes through a symbolic link to its target and keeps the link', () => {
    const { dir, file, cleanup } = setup();
    try {
      const link = path.join(dir, 'link.spec');
      fs.symlinkSync('foo.spec', link);
      const read = readTextFile(link);
      assert.ok(read.ok && read.snapshot);
      assert.equal(writeFileSafely(link, 'new\n', read.snapshot).ok, true);
      assert.ok(fs.lstatSync(link).isSymbolicLink());
      assert.equal(fs.readFileSync(file, 'utf8'), 'new\n');
    } finally {
      cleanup();
    }
  });

  it('does not overwrite a file that changed since it was read', () => {
    const { dir, file, snapshot, cleanup } = setup();
    try {
      fs.appendFileSync(file, '# added by an editor\n');
      const r = writeFileSafely(file, 'fixed\n', snapshot);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.reason, 'changed');
      assert.match(!r.ok ? r.message : '', /changed on disk since it was read/);
      assert.equal(fs.readFileSync(file, 'utf8'), 'Name: foo\n%prep\n%setup\n# added by an editor\n');
      assert.deepEqual(leftovers(dir), []);
    } finally {
      cleanup();
    }
  });

  it('does not overwrite a file saved by another program while the new text is written', () => {
    const { dir, file, snapshot, cleanup } = setup();
    try {
      const r = writeFileSafely(file, 'fixed\n', snapshot, {
        fs: {
          fsyncSync: (fd) => {
            fs.fsyncSync(fd);
            fs.writeFileSync(file, 'saved by an editor meanwhile\n');
          },
        },
      });
      assert.equal(!r.ok && r.reason, 'changed');
      assert.equal(fs.readFileSync(file, 'utf8'), 'saved by an editor meanwhile\n');
      assert.deepEqual(leftovers(dir), []);
    } finally {
      cleanup();
    }
  });

  it('leaves the original untouched when the disk fills up mid-write (injected ENOSPC)', () => {
    const original = 'Name: foo\n' + '# line\n'.repeat(5000);
    const { dir, file, snapshot, cleanup } = setup(original);
    try {
      let calls = 0;
      const r = writeFileSafely(file, original.replace(/line/g, 'LINE'), snapshot, {
        fs: {
          writeSync: (fd, data, offset, length) => {
            if (calls++ > 0) throw errno('ENOSPC');
            return fs.writeSync(fd, data, offset, Math.min(length, 4096));
          },
        },
      });
      assert.equal(r.ok, false);
      assert.deepEqual(!r.ok && [r.reason, r.code], ['io', 'ENOSPC']);
      assert.match(!r.ok ? r.message : '', /no space left on device.*left unchanged/);
      assert.equal(fs.readFileSync(file, 'utf8'), original);
      assert.deepEqual(leftovers(dir), [], 'the temporary file and the lock are removed');
    } finally {
      cleanup();
    }
  });

  it('leaves the original untouched when fsync or rename fails (injected EIO)', () => {
    for (const failing of ['fsyncSync', 'renameSync'] as const) {
      const { dir, file, snapshot, cleanup } = setup();
      try {
        const r = writeFileSafely(file, 'fixed\n', snapshot, { fs: { [failing]: () => { throw errno('EIO'); } } });
        assert.deepEqual(!r.ok && [r.reason, r.code], ['io', 'EIO'], failing);
        assert.equal(fs.readFileSync(file, 'utf8'), 'Name: foo\n%prep\n%setup\n');
        assert.deepEqual(leftovers(dir), [], failing);
      } finally {
        cleanup();
      }
    }
  });

  it('refuses a read-only file (no write bit), also as root', () => {
    const { file, snapshot, cleanup } = setup();
    try {
      fs.chmodSync(file, 0o444);
      const r = writeFileSafely(file, 'fixed\n', snapshot);
      assert.deepEqual(!r.ok && [r.reason, r.code], ['io', 'EACCES']);
      assert.match(!r.ok ? r.message : '', /read-only/);
      assert.equal(fs.readFileSync(file, 'utf8'), 'Name: foo\n%prep\n%setup\n');
    } finally {
      cleanup();
    }
  });

  it('waits for another writer\'s lock, and gives up with "locked" when it is held', () => {
    const { file, snapshot, cleanup } = setup();
    try {
      const lock = lockPathFor(fs.realpathSync(file));
      fs.writeFileSync(lock, `${process.pid}\n${os.hostname()}\n`);
      const r = writeFileSafely(file, 'fixed\n', snapshot, { lockWaitMs: 100 });
      assert.equal(!r.ok && r.reason, 'locked');
      assert.equal(fs.readFileSync(file, 'utf8'), 'Name: foo\n%prep\n%setup\n');
      assert.ok(fs.existsSync(lock), 'another process\'s lock is left alone');
      fs.unlinkSync(lock);
    } finally {
      cleanup();
    }
  });

  it('takes over a stale lock whose process is gone', () => {
    const { file, snapshot, cleanup } = setup();
    try {
      const lock = lockPathFor(fs.realpathSync(file));
      // A pid above the kernel's pid_max (4194304) cannot be alive.
      fs.writeFileSync(lock, `9999999\n${os.hostname()}\n`);
      const r = writeFileSafely(file, 'fixed\n', snapshot, { lockWaitMs: 100 });
      assert.deepEqual(r, { ok: true, written: true });
      assert.equal(fs.existsSync(lock), false);
    } finally {
      cleanup();
    }
  });

  it('a second writer with the same result succeeds without writing; with another result it is refused', () => {
    const { file, snapshot, cleanup } = setup();
    try {
      assert.deepEqual(writeFileSafely(file, 'fixed\n', snapshot), { ok: true, written: true });
      assert.deepEqual(writeFileSafely(file, 'fixed\n', snapshot), { ok: true, written: false });
      const r = writeFileSafely(file, 'other\n', snapshot);
      assert.equal(!r.ok && r.reason, 'changed');
      assert.equal(fs.readFileSync(file, 'utf8'), 'fixed\n');
    } finally {
      cleanup();
    }
  });
});
