// A small LSP client for protocol tests: spawns the bundled server over stdio and speaks
// JSON-RPC with Content-Length framing. Every wait has a timeout; close() always kills the child.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const CLI_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

/** Builds dist/ when a bundle is missing (tests may run before `npm run build`). */
export function ensureBuilt(): void {
  if (fs.existsSync(SERVER_JS) && fs.existsSync(CLI_JS)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node scripts/build.mjs failed');
}

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

interface Waiter {
  method: string;
  predicate: (params: unknown) => boolean;
  resolve: (params: unknown) => void;
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (m: Message) => void; method: string }>();
  private readonly waiters: Waiter[] = [];
  /** Every notification received, oldest first. */
  readonly notifications: { method: string; params: unknown }[] = [];
  stderr = '';
  exited: Promise<number | null>;

  constructor(args: string[] = ['--stdio'], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
    this.child = spawn(process.execPath, [SERVER_JS, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.stdin.on('error', () => undefined);
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const m = /Content-Length:\s*(\d+)/i.exec(header);
      if (!m) throw new Error(`bad header: ${header}`);
      const length = Number(m[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(msg: Message): void {
    if (msg.method !== undefined && msg.id !== undefined) {
      // A request from the server: answer the ones a test client can.
      let result: unknown = null;
      if (msg.method === 'workspace/configuration' && !this.answerConfiguration) return;
      if (msg.method === 'workspace/configuration') {
        const items = (msg.params as { items: unknown[] }).items;
        result = items.map(() => this.configuration);
      }
      const handler = this.requestHandlers.get(msg.method);
      if (handler) result = handler(msg.params);
      this.send({ jsonrpc: '2.0', id: msg.id, result });
      return;
    }
    if (msg.method !== undefined) {
      this.notifications.push({ method: msg.method, params: msg.params });
      for (let i = 0; i < this.waiters.length; i++) {
        const w = this.waiters[i];
        if (w.method === msg.method && w.predicate(msg.params)) {
          this.waiters.splice(i, 1);
          w.resolve(msg.params);
          return;
        }
      }
      return;
    }
    if (typeof msg.id === 'number') {
      const p = this.pending.get(msg.id);
      if (p) {
        this.pending.delete(msg.id);
        p.resolve(msg);
      }
    }
  }

  private readonly requestHandlers = new Map<string, (params: unknown) => unknown>();

  /** Answers the server's requests of this method (workspace/applyEdit…) with the handler's result. */
  onRequest(method: string, handler: (params: unknown) => unknown): void {
    this.requestHandlers.set(method, handler);
  }

  /** False: leave workspace/configuration requests unanswered (a broken client). */
  answerConfiguration = true;

  /** Answer to workspace/configuration requests (section `specwright`). */
  configuration: unknown = { distro: 'fedora', rules: {} };

  private send(msg: Message): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  /** Sends a request; resolves with the whole response (result or error). */
  requestRaw(method: string, params: unknown, timeoutMs = 5000): Promise<Message> {
    const id = this.nextId++;
    return new Promise<Message>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`timeout waiting for the response to ${method}\nserver stderr: ${this.stderr}`));
      }, timeoutMs);
      this.pending.set(id, { method, resolve: (m) => (clearTimeout(timer), resolve(m)) });
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  async request<T = unknown>(method: string, params: unknown, timeoutMs = 5000): Promise<T> {
    const msg = await this.requestRaw(method, params, timeoutMs);
    if (msg.error) throw new Error(`${method} failed: ${msg.error.message}`);
    return msg.result as T;
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the params of the next matching notification (already received ones are not considered). */
  waitForNotification<T = unknown>(method: string, predicate: (params: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        method,
        predicate: (p) => predicate(p as T),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p as T);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`timeout waiting for ${method}\nserver stderr: ${this.stderr}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  async initialize(capabilities: unknown = defaultCapabilities(), initializationOptions?: unknown, workspaceFolders: { uri: string; name: string }[] | null = null): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { name: string; version?: string } }> {
    const result = await this.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities,
      initializationOptions,
      workspaceFolders,
    });
    this.notify('initialized', {});
    return result;
  }

  /** shutdown + exit; resolves with the exit code. */
  async shutdown(): Promise<number | null> {
    await this.request('shutdown', null);
    this.notify('exit', null);
    return Promise.race([this.exited, new Promise<number | null>((r) => setTimeout(() => r(-1), 3000))]);
  }

  /** Always safe to call: kills the server if it still runs. */
  close(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

export function defaultCapabilities(): unknown {
  return {
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: {},
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true, dataSupport: true },
    },
  };
}
