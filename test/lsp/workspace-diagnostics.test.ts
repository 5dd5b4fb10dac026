// Workspace-wide problems through LSP pull diagnostics (issue 13, point 5): `workspace/diagnostic`
// reports every spec and dkms.conf of the workspace that is not open, with progress, limited by
// specwright.workspaceDiagnostics.maxFiles; later requests wait for a change; open documents stay
// pushed (their document pull is empty, so nothing shows twice); clients without pull support get
// no diagnosticProvider and keep push diagnostics.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, defaultCapabilities, ensureBuilt } from '../helpers/lsp';

interface Report {
  kind: 'full' | 'unchanged';
  uri: string;
  resultId?: string;
  items?: { code?: string; message: string }[];
}

const PULL_CAPS = (() => {
  const caps = defaultCapabilities() as { textDocument: Record<string, unknown>; window?: unknown };
  caps.textDocument.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  caps.window = { workDoneProgress: true };
  return caps;
})();

describe('workspace diagnostics (pull)', () => {
  let dir: string;
  let specUri: string;
  let confUri: string;
  before(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-workspace-'));
    fs.writeFileSync(path.join(dir, 'a.spec'), 'Name: a\nVersion: 1\nRelease: 1\nSummary: A\nLicense: MIT\nFooo: bar\n%description\nA.\n');
    fs.mkdirSync(path.join(dir, 'drv'));
    fs.writeFileSync(path.join(dir, 'drv', 'dkms.conf'), 'PACKAGE_NAME="drv"\nPACKAGE_VERSION="1"\nBUILT_MODULE_NAME[0]="drv"\nDEST_MODULE_LOCATION[0]="/extra"\nCLEAN="make clean"\n');
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'skip.spec'), 'Fooo: bar\n');
    specUri = pathToFileURL(path.join(dir, 'a.spec')).toString();
    confUri = pathToFileURL(path.join(dir, 'drv', 'dkms.conf')).toString();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function start(configuration: Record<string, unknown> = {}, capabilities: unknown = PULL_CAPS): Promise<{ client: LspClient; caps: Record<string, unknown> }> {
    const client = new LspClient();
    client.configuration = { distro: 'fedora', rules: {}, ...configuration };
    const result = await client.request<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).toString(),
      capabilities,
      workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'ws' }],
    });
    client.notify('initialized', {});
    return { client, caps: result.capabilities };
  }

  it('reports the closed specs and dkms.conf files of the workspace, with progress', async () => {
    const { client, caps } = await start();
    try {
      assert.deepEqual(caps.diagnosticProvider, { identifier: 'specwright', interFileDependencies: true, workspaceDiagnostics: true });
      const { items } = await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [] }, 20_000);
      assert.deepEqual(items.map((i) => i.uri).sort(), [confUri, specUri].sort());
      const spec = items.find((i) => i.uri === specUri)!;
      assert.equal(spec.kind, 'full');
      assert.ok(spec.items!.some((d) => d.code === 'spec-unknown-tag'), JSON.stringify(spec.items));
      const progress = client.notifications.filter((n) => n.method === '$/progress').map((n) => (n.params as { value: { kind: string } }).value.kind);
      assert.equal(progress[0], 'begin');
      assert.equal(progress.at(-1), 'end');

      // The next request waits until something changes, then answers again.
      let answered = false;
      const next = client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: items.map((i) => ({ uri: i.uri, value: i.resultId })) }, 20_000).then((r) => ((answered = true), r));
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(answered, false, 'answered although nothing changed');
      fs.writeFileSync(path.join(dir, 'a.spec'), 'Name: a\nVersion: 1\nRelease: 1\nSummary: A\nLicense: MIT\n%description\nA.\n');
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: specUri, type: 2 }] });
      const again = await next;
      const fixed = again.items.find((i) => i.uri === specUri)!;
      assert.equal(fixed.kind, 'full');
      assert.ok(!fixed.items!.some((d) => d.code === 'spec-unknown-tag'));
      await client.shutdown();
    } finally {
      client.close();
      fs.writeFileSync(path.join(dir, 'a.spec'), 'Name: a\nVersion: 1\nRelease: 1\nSummary: A\nLicense: MIT\nFooo: bar\n%description\nA.\n');
    }
  });

  it('leaves open documents to push diagnostics (their document pull is empty)', async () => {
    const { client } = await start();
    try {
      const text = fs.readFileSync(path.join(dir, 'a.spec'), 'utf8');
      const pushed = client.waitForNotification<{ uri: string; diagnostics: { code?: string }[] }>('textDocument/publishDiagnostics', (p) => p.uri === specUri);
      client.notify('textDocument/didOpen', { textDocument: { uri: specUri, languageId: 'rpm-spec', version: 1, text } });
      assert.ok((await pushed).diagnostics.some((d) => d.code === 'spec-unknown-tag'));
      const pulled = await client.request<{ kind: string; items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri: specUri } });
      assert.deepEqual(pulled, { kind: 'full', items: [] });
      const { items } = await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [] }, 20_000);
      assert.deepEqual(items.map((i) => i.uri), [confUri]);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('checks at most specwright.workspaceDiagnostics.maxFiles files; 0 turns it off', async () => {
    for (const [maxFiles, count] of [[1, 1], [0, 0]] as const) {
      const { client } = await start({ workspaceDiagnostics: { maxFiles } });
      try {
        const { items } = await client.request<{ items: Report[] }>('workspace/diagnostic', { previousResultIds: [] }, 20_000);
        assert.equal(items.length, count);
        await client.shutdown();
      } finally {
        client.close();
      }
    }
  });

  it('offers no pull diagnostics to a client without pull support (push only)', async () => {
    const { client, caps } = await start({}, defaultCapabilities());
    try {
      assert.equal(caps.diagnosticProvider, undefined);
      await client.shutdown();
    } finally {
      client.close();
    }
  });
});
