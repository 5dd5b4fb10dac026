// Reading a spec or dkms.conf from disk. The text is returned exactly as stored (a UTF-8 BOM
// stays in the string, the service handles it) so that offsets and fixes match the file.
// Only regular files are read, and only up to MAX_TEXT_FILE_BYTES: a path named `x.spec` may be
// a FIFO (reading blocks forever) or a link to /dev/zero (reading never ends).
import fs from 'node:fs';

export type ReadFailure = 'unreadable' | 'binary' | 'encoding' | 'not-regular' | 'too-large';

/** What a file held when it was read: the safe writer compares it before replacing the file. */
export interface FileSnapshot {
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

export type ReadResult =
  | { ok: true; text: string; snapshot?: FileSnapshot }
  | { ok: false; reason: ReadFailure; message: string };

/** The largest file read: about 30 times the largest Fedora spec (texlive, 1.9 MB). */
export const MAX_TEXT_FILE_BYTES = 64 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file contents: refuses binary data (a NUL byte) and invalid UTF-8. */
export function decodeText(bytes: Uint8Array): ReadResult {
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary', message: 'binary file (contains a NUL byte)' };
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    return { ok: false, reason: 'encoding', message: 'not valid UTF-8' };
  }
}

/** What a non-regular file is, for the message. */
export function fileKind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function errnoDetail(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EISDIR') return 'is a directory';
  if (err.code === 'ENOENT') return 'no such file';
  if (err.code === 'ELOOP') return 'too many levels of symbolic links';
  return err.code ?? err.message;
}

/** Reads the bytes of a regular file of at most `maxBytes`, without ever blocking on a FIFO. */
export function readRegularFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): { ok: true; snapshot: FileSnapshot } | { ok: false; reason: ReadFailure; message: string } {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot read file (${errnoDetail(e)})` };
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: 'not-regular', message: `cannot read file (${fileKind(st)}; only regular files are linted)` };
    if (st.size > maxBytes) return { ok: false, reason: 'too-large', message: tooLarge(st.size, maxBytes) };
    // Read up to one byte more than allowed: a file growing while it is read is still bounded.
    // The first read asks for one byte more than the size, so an unchanged file takes one read
    // into one buffer (no 64 KB chunk per file to allocate and collect, no concatenation).
    const chunks: Buffer[] = [];
    let total = 0;
    let want = Math.min(st.size + 1, maxBytes + 1);
    for (;;) {
      if (want <= 0) break;
      const buf = Buffer.allocUnsafe(want);
      const n = fs.readSync(fd, buf, 0, want, null);
      if (n === 0) break;
      chunks.push(n === want ? buf : buf.subarray(0, n));
      total += n;
      if (n < want) break;
      want = Math.min(64 * 1024, maxBytes + 1 - total);
    }
    if (total > maxBytes) return { ok: false, reason: 'too-large', message: tooLarge(total, maxBytes) };
    const bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
    return { ok: true, snapshot: { bytes, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs } };
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot read file (${errnoDetail(e)})` };
  } finally {
    fs.closeSync(fd);
  }
}

function tooLarge(size: number, max: number): string {
  const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;
  return `file too large (${size > max ? 'over ' : ''}${mb(size)}; the limit is ${mb(max)})`;
}

/** Size and times of a regular file (following links), or undefined when it is not one or cannot be read. */
export function statFile(file: string): { size: number; mtimeMs: number; ctimeMs: number } | undefined {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    return st && st.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

export function readTextFile(file: string, maxBytes = MAX_TEXT_FILE_BYTES): ReadResult {
  const read = readRegularFile(file, maxBytes);
  if (!read.ok) return read;
  const decoded = decodeText(read.snapshot.bytes);
  return decoded.ok ? { ok: true, text: decoded.text, snapshot: read.snapshot } : decoded;
}
