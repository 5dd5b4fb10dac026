// Re-synchronising LSP framing for stdio. vscode-jsonrpc trusts every Content-Length: one that is
// longer than its body makes it swallow the following messages, and the stream never realigns
// (the server stays up but answers nothing again). This transform sits between stdin and the
// reader and passes on only whole frames. A frame whose body (so far) contains a raw header line
// (`Content-Length: N` followed by CR LF, which cannot occur in JSON, where CR and LF in strings
// are escaped) is cut there: the next message starts at that header.
import { Transform, type TransformCallback } from 'node:stream';

const HEADER_END = Buffer.from('\r\n\r\n');
const LENGTH_KEY = Buffer.from('Content-Length:');
/** Where a header line names the length, in bytes of the buffer. */
const LENGTH_LINE = /^Content-Length:[ \t]*(\d+)[ \t]*\r\n/;

/** Larger bodies are refused as framing errors (a 200 MB notification is still accepted). */
const MAX_BODY_BYTES = 1024 * 1024 * 1024;

function hasHeader(bytes: Buffer): boolean {
  for (let at = bytes.indexOf(LENGTH_KEY); at >= 0; at = bytes.indexOf(LENGTH_KEY, at + 1)) {
    if (LENGTH_LINE.test(bytes.subarray(at, at + 64).toString('latin1'))) return true;
  }
  return false;
}

export class ResyncingFrameStream extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  /** The body bytes of the current frame already searched for an embedded header. */
  private scanned = 0;
  /**
   * While a long body arrives: its chunks, joined only once it is complete (joining on every
   * chunk would copy a 50 MB message hundreds of times), and the size the buffer must reach.
   */
  private queued: Buffer[] = [];
  private queuedBytes = 0;
  private waitingFor = 0;

  constructor(private readonly warn: (message: string) => void = () => undefined) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.waitingFor > 0) {
      // Queue the chunk unless it (with the end of what came before) holds a header.
      const before = this.queued.at(-1) ?? this.buffer;
      const probe = Buffer.concat([before.subarray(Math.max(0, before.length - 64)), chunk]);
      this.queued.push(chunk);
      this.queuedBytes += chunk.length;
      if (!hasHeader(probe) && this.buffer.length + this.queuedBytes < this.waitingFor) {
        done();
        return;
      }
      this.buffer = Buffer.concat([this.buffer, ...this.queued]);
      this.queued = [];
      this.queuedBytes = 0;
      this.waitingFor = 0;
    } else {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    }
    this.drain();
    done();
  }

  /**
   * The offset of the next `Content-Length: N` + CR LF at or after `from`. Inside a body this is
   * always a framing error: JSON has no raw CR LF after a number that follows `Content-Length:`.
   */
  private nextHeader(from: number): number {
    for (let at = this.buffer.indexOf(LENGTH_KEY, from); at >= 0; at = this.buffer.indexOf(LENGTH_KEY, at + 1)) {
      if (LENGTH_LINE.test(this.buffer.subarray(at, at + 64).toString('latin1'))) return at;
    }
    return -1;
  }

  private skip(count: number, why: string): void {
    this.warn(`LSP framing: skipped ${count} bytes (${why})`);
    this.buffer = this.buffer.subarray(count);
    this.scanned = 0;
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('latin1');
      const length = /(?:^|\r\n)Content-Length:[ \t]*(\d+)[ \t]*(?:\r\n|$)/i.exec(header);
      if (!length) {
        // No usable length: skip to the next header (or wait for one).
        const next = this.nextHeader(1);
        this.skip(next >= 0 ? next : headerEnd + HEADER_END.length, 'a header without a valid Content-Length');
        continue;
      }
      const bodyStart = headerEnd + HEADER_END.length;
      const bodyLength = Number(length[1]);
      if (bodyLength > MAX_BODY_BYTES) {
        const next = this.nextHeader(1);
        this.skip(next >= 0 ? next : bodyStart, `Content-Length ${bodyLength} is over the limit of ${MAX_BODY_BYTES} bytes`);
        continue;
      }
      const available = Math.min(this.buffer.length - bodyStart, bodyLength);
      // Search only what is new since the last chunk (plus a header's length of overlap).
      const from = bodyStart + Math.max(0, this.scanned - 64);
      const embedded = this.nextHeader(from);
      if (embedded >= 0 && embedded < bodyStart + available) {
        this.skip(embedded, `Content-Length ${bodyLength} is longer than the message`);
        continue;
      }
      if (this.buffer.length - bodyStart < bodyLength) {
        this.scanned = available;
        this.waitingFor = bodyStart + bodyLength;
        return;
      }
      this.push(this.buffer.subarray(0, bodyStart + bodyLength));
      this.buffer = this.buffer.subarray(bodyStart + bodyLength);
      this.scanned = 0;
    }
  }
}
