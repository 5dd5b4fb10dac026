// Reading a spec or dkms.conf from disk. The text is returned exactly as stored (a UTF-8 BOM
// stays in the string, the service handles it) so that offsets and fixes match the file.
import fs from 'node:fs';

export type ReadFailure = 'unreadable' | 'binary' | 'encoding';

export type ReadResult =
  | { ok: true; text: string }
  | { ok: false; reason: ReadFailure; message: string };

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

export function readTextFile(file: string): ReadResult {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const detail = err.code === 'EISDIR' ? 'is a directory' : err.code === 'ENOENT' ? 'no such file' : (err.code ?? err.message);
    return { ok: false, reason: 'unreadable', message: `cannot read file (${detail})` };
  }
  return decodeText(bytes);
}
