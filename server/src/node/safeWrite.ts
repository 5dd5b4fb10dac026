// Writing a file back without ever losing it: every writer (--fix, and later format and bump)
// goes through writeFileSafely.
//
// 1. A lock file next to the target (`.<name>.specwright-lock`, created with O_EXCL) keeps two
//    Specwright runs from replacing the same file at once; a stale lock (its process is gone, or
//    it is older than STALE_LOCK_MS) is taken over.
// 2. Under the lock the file is read again and compared with what the caller read: if anyone
//    changed it meanwhile, nothing is written and the caller is told ('changed').
// 3. The new text goes to a temporary file in the same folder (so the rename cannot cross file
//    systems), gets the original's mode and owner, is fsync'ed, and is renamed over the original.
//    A full disk, a quota or an I/O error therefore fails on the temporary file; the original is
//    untouched and the temporary file removed.
// A read-only file (no write bit) is refused like a failed write would be: replacing it by a
// rename would otherwise succeed where the user asked for the file to be left alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRegularFile, type FileSnapshot } from './readText';

export type SafeWriteFailure =
  /** The file changed since the caller read it; it was left as it is. */
  | 'changed'
  /** Another process holds the lock for longer than we wait. */
  | 'locked'
  /** The write failed (full disk, read-only file or folder, permission, …); the file is untouched. */
  | 'io';

export type SafeWriteResult =
  | { ok: true; written: boolean }
  | { ok: false; reason: SafeWriteFailure; code?: string; message: string };

/** The file-system calls the writer makes; tests replace some to inject failures. */
export interface SafeWriteFs {
  openSync: typeof fs.openSync;
  writeSync: (fd: number, data: Buffer, offset: number, length: number) => number;
  fsyncSync: typeof fs.fsyncSync;
  closeSync: typeof fs.closeSync;
  renameSync: typeof fs.renameSync;
  fchmodSync: typeof fs.fchmodSync;
  fchownSync: typeof fs.fchownSync;
}

export interface SafeWriteOptions {
  /** How long to wait for another process's lock (default 5 s). */
  lockWaitMs?: number;
  fs?: Partial<SafeWriteFs>;
}

const STALE_LOCK_MS = 60_000;
const realFs: SafeWriteFs = {
  openSync: fs.openSync,
  writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length),
  fsyncSync: fs.fsyncSync,
  closeSync: fs.closeSync,
  renameSync: fs.renameSync,
  fchmodSync: fs.fchmodSync,
  fchownSync: fs.fchownSync,
};

/** The lock file guarding `file` (exported for tests and for the documentation). */
export function lockPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.specwright-lock`);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock that no live process holds: its owner died or it is very old. */
function isStale(lock: string): boolean {
  try {
    const st = fs.statSync(lock);
    if (Date.now() - st.mtimeMs > STALE_LOCK_MS) return true;
    const [pid, host] = fs.readFileSync(lock, 'utf8').split('\n');
    return host === os.hostname() && /^\d+$/.test(pid) && !processAlive(Number(pid));
  } catch {
    return false;
  }
}

function acquireLock(lock: string, waitMs: number): { ok: true } | { ok: false; code?: string; error?: unknown } {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = fs.openSync(lock, 'wx', 0o600);
      try {
        fs.writeSync(fd, `${process.pid}\n${os.hostname()}\n`);
      } catch {
        // A full disk: the empty lock still locks (it goes stale by age); the write itself reports.
      } finally {
        fs.closeSync(fd);
      }
      return { ok: true };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') return { ok: false, code, error: e };
      if (isStale(lock)) {
        try {
          fs.unlinkSync(lock);
        } catch {
          /* someone else took it over */
        }
        continue;
      }
      if (Date.now() >= deadline) return { ok: false, code: 'EEXIST' };
      sleepSync(25);
    }
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

const MESSAGES: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
};

function ioFailure(code: string, what: string): SafeWriteResult {
  return { ok: false, reason: 'io', code, message: `${what} (${code}${MESSAGES[code] ? `: ${MESSAGES[code]}` : ''}); the file was left unchanged` };
}

/**
 * Replaces the contents of `file` with `text` (UTF-8), provided the file still holds what
 * `expected` says it held when read. Never truncates the original: on any failure it is left as
 * it was. Symbolic links are followed (the link stays, its target gets the new text).
 */
export function writeFileSafely(file: string, text: string, expected: FileSnapshot, options: SafeWriteOptions = {}): SafeWriteResult {
  const ops: SafeWriteFs = { ...realFs, ...options.fs };
  let target: string;
  try {
    target = fs.realpathSync(file);
  } catch (e) {
    return ioFailure(errorCode(e), 'the file is gone');
  }
  const data = Buffer.from(text, 'utf8');
  const lock = lockPathFor(target);
  const locked = acquireLock(lock, options.lockWaitMs ?? 5000);
  if (!locked.ok) {
    if (locked.code === 'EEXIST') return { ok: false, reason: 'locked', code: 'EEXIST', message: `another process is writing the file (lock file ${lock}); the file was left unchanged` };
    return ioFailure(locked.code ?? errorCode(locked.error), 'cannot create a lock file in its folder');
  }
  let tmp: string | undefined;
  try {
    let st: fs.Stats;
    try {
      st = fs.statSync(target);
    } catch (e) {
      return ioFailure(errorCode(e), 'the file is gone');
    }
    const reread = readRegularFile(target);
    if (!reread.ok) return { ok: false, reason: 'changed', message: `the file changed on disk since it was read (${reread.message}); the file was left unchanged` };
    const current = reread.snapshot.bytes;
    if (!current.equals(expected.bytes)) {
      // Someone else already wrote exactly what we would: nothing to do, nothing lost.
      if (current.equals(data)) return { ok: true, written: false };
      return { ok: false, reason: 'changed', message: 'the file changed on disk since it was read; it was not overwritten' };
    }
    if ((st.mode & 0o222) === 0) return ioFailure('EACCES', 'the file is read-only');
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (e) {
      return ioFailure(errorCode(e), 'the file is not writable');
    }
    if (current.equals(data)) return { ok: true, written: false };

    tmp = path.join(path.dirname(target), `.${path.basename(target)}.specwright-${process.pid}-${Math.random().toString(36).slice(2, 10)}.tmp`);
    let fd: number;
    try {
      fd = ops.openSync(tmp, 'wx', 0o600);
    } catch (e) {
      tmp = undefined;
      return ioFailure(errorCode(e), 'cannot create a temporary file in its folder');
    }
    try {
      for (let off = 0; off < data.length; ) off += ops.writeSync(fd, data, off, data.length - off);
      ops.fchmodSync(fd, st.mode & 0o7777);
      if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || st.gid !== process.getgid?.())) {
        try {
          ops.fchownSync(fd, st.uid, st.gid);
        } catch (e) {
          return ioFailure(errorCode(e), 'cannot keep the file\'s owner and group');
        }
      }
      ops.fsyncSync(fd);
    } catch (e) {
      return ioFailure(errorCode(e), 'write failed');
    } finally {
      ops.closeSync(fd);
    }
    // Compare-and-rename: a writer that does not use the lock (an editor) may have saved meanwhile.
    try {
      const again = fs.statSync(target);
      if (again.size !== st.size || again.mtimeMs !== st.mtimeMs || again.ino !== st.ino) {
        return { ok: false, reason: 'changed', message: 'the file changed on disk while the new text was being written; it was not overwritten' };
      }
      ops.renameSync(tmp, target);
      tmp = undefined;
    } catch (e) {
      return ioFailure(errorCode(e), 'cannot rename the temporary file over it');
    }
    syncFolder(path.dirname(target));
    return { ok: true, written: true };
  } finally {
    if (tmp !== undefined) {
      try {
        fs.unlinkSync(tmp);
      } catch {
        /* already gone */
      }
    }
    try {
      fs.unlinkSync(lock);
    } catch {
      /* already gone */
    }
  }
}

/** Makes the rename durable; not every platform can fsync a folder. */
function syncFolder(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
