// The web build's language server (dist/web/server.js, built by scripts/build.mjs) runs in a
// sandbox that has only what a Web Worker has — no require, no process, no Node built-ins —
// and answers initialize, publishes diagnostics and code actions over postMessage.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import vm from 'node:vm';

const root = path.resolve(__dirname, '../../..');
const bundle = path.join(root, 'dist', 'web', 'server.js');
const clientBundle = path.join(root, 'dist', 'web', 'extension.js');

interface Message {
  id?: number;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: unknown;
}

/** A worker-like global: postMessage both ways, timers, and the web platform's text codecs. */
function startWorker(code: string) {
  const received: Message[] = [];
  const waiters: Array<() => void> = [];
  const listeners = new Map<string, Array<(e: unknown) => void>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const self: Record<string, unknown> = {
    onmessage: null as null | ((e: { data: unknown }) => void),
    postMessage: (data: Message) => {
      received.push(data);
      for (const w of waiters.splice(0)) w();
    },
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, [...(listeners.get(type) ?? []), fn]),
    removeEventListener: () => undefined,
    close: () => undefined,
  };
  const track = <T extends ReturnType<typeof setTimeout>>(t: T) => (timers.add(t), t);
  const sandbox = {
    self,
    console: { log() {}, info() {}, warn() {}, error() {}, debug() {} },
    setTimeout: (fn: () => void, ms?: number) => track(setTimeout(fn, ms)),
    clearTimeout: (t: ReturnType<typeof setTimeout>) => clearTimeout(t),
    setInterval: (fn: () => void, ms?: number) => track(setInterval(fn, ms)),
    clearInterval: (t: ReturnType<typeof setInterval>) => clearInterval(t),
    queueMicrotask,
    TextEncoder,
    TextDecoder,
    URL,
    Promise,
  };
  (sandbox.self as Record<string, unknown>).self = self;
  const context = vm.createContext(sandbox);
  vm.runInContext(code, context, { filename: 'dist/web/server.js' });
  let nextId = 1;
  const send = (m: Message) => {
    const onmessage = self.onmessage as ((e: { data: unknown }) => void) | null;
    assert.ok(onmessage, 'the worker listens on self.onmessage');
    onmessage({ data: { jsonrpc: '2.0', ...m } });
  };
  const waitFor = async (pred: (m: Message) => boolean, what: string, ms = 10_000): Promise<Message> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const hit = received.find(pred);
      if (hit) return hit;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(received.map((m) => m.method ?? m.id))}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  };
  const request = async (method: string, params: unknown): Promise<Message> => {
    const id = nextId++;
    send({ id, method, params });
    return waitFor((m) => m.id === id && m.method === undefined, method);
  };
  const notify = (method: string, params: unknown) => send({ method, params });
  // Answer the server's own requests (workspace/configuration, registrations) like a client would.
  const answered = new Set<Message>();
  const answerer = setInterval(() => {
    for (const m of received) {
      if (m.method && m.id !== undefined && !answered.has(m)) {
        answered.add(m);
        const result = m.method === 'workspace/configuration' ? ((m.params as { items: unknown[] }).items.map(() => ({ distro: 'fedora', rules: {} }))) : m.method === 'workspace/applyEdit' ? { applied: true } : null;
        send({ id: m.id, result });
      }
    }
  }, 10);
  const dispose = () => {
    clearInterval(answerer);
    for (const t of timers) clearTimeout(t);
  };
  return { request, notify, waitFor, received, dispose };
}

describe('web language server (dist/web/server.js)', () => {
  const workers: Array<{ dispose(): void }> = [];
  after(() => workers.forEach((w) => w.dispose()));

  it('is built, as an IIFE without require() or Node built-ins at load time', () => {
    assert.ok(fs.existsSync(bundle), `${bundle} is missing: run node scripts/build.mjs first`);
    const code = fs.readFileSync(bundle, 'utf8');
    assert.doesNotMatch(code, /\brequire\(["'](node:)?(fs|path|child_process|os)["']\)/);
    assert.ok(fs.existsSync(clientBundle), `${clientBundle} is missing`);
    assert.doesNotMatch(fs.readFileSync(clientBundle, 'utf8'), /\brequire\(["'](node:)?(fs|path|child_process|os|net)["']\)/, 'the web client needs no Node');
  });

  it('initializes, publishes diagnostics and offers the quick fix over postMessage', async () => {
    const w = startWorker(fs.readFileSync(bundle, 'utf8'));
    workers.push(w);
    const init = await w.request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } }, initializationOptions: { trusted: false } });
    const caps = (init.result as { capabilities: Record<string, unknown>; serverInfo: { name: string } });
    assert.equal(caps.serverInfo.name, 'specwright');
    assert.ok(caps.capabilities.textDocumentSync, 'text document sync');
    w.notify('initialized', {});
    const text = fs.readFileSync(path.join(root, 'examples', 'acme-wifi-dkms', 'acme-wifi-dkms.spec'), 'utf8');
    // a virtual-workspace URI, as VS Code for the Web has (no file system behind it)
    const uri = 'vscode-vfs://github/acme/acme-wifi-dkms/acme-wifi-dkms.spec';
    w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text } });
    const diag = await w.waitFor((m) => m.method === 'textDocument/publishDiagnostics' && (m.params as { uri: string }).uri === uri && (m.params as { diagnostics: unknown[] }).diagnostics.length > 0, 'diagnostics');
    const diagnostics = (diag.params as { diagnostics: Array<{ code: string; range: unknown }> }).diagnostics;
    assert.ok(diagnostics.length >= 3, `expected several findings on the flawed example, got ${diagnostics.length}`);
    if (caps.capabilities.codeActionProvider) {
      const actions = await w.request('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
      assert.ok(Array.isArray(actions.result), `codeAction answered: ${JSON.stringify(actions.error ?? actions.result)}`);
    }
    // no processes in a browser: the external tools feature is left out, so no expandedSpec
    const expanded = await w.request('specwright/expandedSpec', { uri });
    assert.equal((expanded.error as { code: number } | undefined)?.code, -32601, `expandedSpec: ${JSON.stringify(expanded)}`);
    await w.request('shutdown', null);
  });

  it('Bump Release works without a file system, environment or git (author from the argument)', async () => {
    const w = startWorker(fs.readFileSync(bundle, 'utf8'));
    workers.push(w);
    await w.request('initialize', { processId: null, rootUri: null, capabilities: { workspace: { configuration: true, applyEdit: true } } });
    w.notify('initialized', {});
    for (const uri of ['vscode-vfs://github/acme/hello.spec', 'file:///web/hello.spec']) {
      w.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: 'Name: hello\nVersion: 1\nRelease: 3%{?dist}\nSummary: s\nLicense: MIT\n%description\nd\n%changelog\n* Mon Dec 01 2025 A <a@example.org> - 1-3\n- old\n' } });
      const r = await w.request('workspace/executeCommand', { command: 'specwright.server.bumpRelease', arguments: [{ uri, comment: 'Web bump', author: 'Web Packager <web@example.org>' }] });
      assert.equal((r.result as { applied: boolean } | null)?.applied, true, `${uri}: ${JSON.stringify(r)}`);
      const edits = w.received
        .filter((m) => m.method === 'workspace/applyEdit')
        .map((m) => (m.params as { edit: { changes: Record<string, { range: { start: { line: number } }; newText: string }[]> } }).edit.changes[uri])
        .find(Boolean);
      // (objects from the worker's realm: compare their JSON)
      assert.equal(JSON.stringify(edits?.map((e) => e.range.start.line)), '[2,8]');
      assert.equal(edits![0].newText, '4');
      assert.match(edits![1].newText, /^\* \w{3} \w{3} \d{2} \d{4} Web Packager <web@example\.org> - 1-4\n- Web bump\n\n$/);
    }
    await w.request('shutdown', null);
  });
});
