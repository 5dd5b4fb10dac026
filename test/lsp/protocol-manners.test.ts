// What an adversarial run broke in the server's protocol handling (reliability-attacks-2026-12.md
// F5, N3), each against the bundled server over stdio.
import assert from 'node:assert/strict';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { before, describe, it } from 'node:test';
import { LspClient, ensureBuilt } from '../helpers/lsp';
import { MAX_DOCUMENT_LENGTH } from '../../server/src/serverCore/context';
import { MAX_DIAGNOSTICS_PER_DOCUMENT } from '../../server/src/serverCore/features/validation';

const URI = 'file:///nonexistent-specwright-manners/a.spec';
const SPEC = ['Name: a', 'Version: 1', 'Release: 1', 'Summary: s', 'License: MIT', '', '%description', 'd', '', '%prep', '%autosetup', '', '%build', '', '%install', '', '%files', ''].join('\n');

interface Diagnostic {
  message: string;
  severity?: number;
  code?: string;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

function rawStdin(client: LspClient): ChildProcessWithoutNullStreams['stdin'] {
  return (client as unknown as { child: ChildProcessWithoutNullStreams }).child.stdin;
}

function open(client: LspClient, text: string, uri = URI): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text } });
}

describe('protocol manners', () => {
  before(() => ensureBuilt());

  it('answers a request before initialize with ServerNotInitialized (-32002), then works after it', async () => {
    const client = new LspClient();
    try {
      const early = await client.requestRaw('textDocument/hover', { textDocument: { uri: URI }, position: { line: 0, character: 0 } });
      assert.equal(early.error?.code, -32002, JSON.stringify(early));
      // A notification before initialize is dropped: this document is not open afterwards.
      open(client, SPEC);
      await client.initialize();
      const symbols = await client.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.deepEqual(symbols ?? [], []);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('refuses a didChange with a malformed range instead of corrupting its copy of the text', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      open(client, SPEC);
      const before = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      for (const range of [{ start: { line: 'a', character: null }, end: {} }, { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, { start: { line: 1.5, character: 0 }, end: { line: 2, character: 0 } }, null]) {
        client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 2 }, contentChanges: [{ range, text: '%package x\nSummary: y\n%description x\nz\n' }] });
      }
      const afterBad = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.deepEqual(afterBad, before);
      assert.match(client.notifications.map((n) => JSON.stringify(n.params)).join('\n'), /didChange for .* refused/);
      // A well-formed change still applies.
      client.notify('textDocument/didChange', { textDocument: { uri: URI, version: 3 }, contentChanges: [{ range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } }, text: '%package x\nSummary: y\n%description x\nz\n' }] });
      const afterGood = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
      assert.notDeepEqual(afterGood, before);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('resynchronises after a Content-Length longer than its body', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      open(client, SPEC);
      const body = JSON.stringify({ jsonrpc: '2.0', id: 9100, method: 'textDocument/documentSymbol', params: { textDocument: { uri: URI } } });
      rawStdin(client).write(`Content-Length: ${Buffer.byteLength(body) + 40}\r\n\r\n${body}`);
      // The next well-formed requests are answered: the long frame is cut where the next header starts.
      for (let i = 0; i < 3; i++) {
        const r = await client.requestRaw('textDocument/foldingRange', { textDocument: { uri: URI } }, 3000);
        assert.ok(Array.isArray(r.result), JSON.stringify(r));
      }
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it(`publishes at most ${MAX_DIAGNOSTICS_PER_DOCUMENT} diagnostics per document, and says how many it left out`, async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const lines = ['Name: a', 'Version: 1', 'Release: 1', 'Summary: s', 'License: MIT'];
      for (let i = 0; i < 1500; i++) lines.push(`Fooo${i}: bar`);
      const published = client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === URI, 20_000);
      open(client, [...lines, '%description', 'd', ''].join('\n'));
      const { diagnostics } = await published;
      assert.equal(diagnostics.length, MAX_DIAGNOSTICS_PER_DOCUMENT + 1);
      // The errors (unknown tags) are kept before warnings and hints.
      assert.equal(diagnostics.filter((d) => d.code === 'spec-unknown-tag').length, MAX_DIAGNOSTICS_PER_DOCUMENT);
      assert.match(diagnostics.at(-1)!.message, /^\d[\d,]* more problems in this file are not shown: Specwright shows at most 1,000 per file/);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('answers at once for a document too large to analyse, with one diagnostic saying so', async () => {
    const client = new LspClient();
    try {
      await client.initialize();
      const line = 'install -m0644 foo %{buildroot}/usr/lib64/foo\n';
      const text = `Name: a\n%install\n${line.repeat(Math.ceil(MAX_DOCUMENT_LENGTH / line.length) + 10)}`;
      const published = client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === URI, 30_000);
      open(client, text);
      const { diagnostics } = await published;
      assert.equal(diagnostics.length, 1);
      assert.match(diagnostics[0].message, /more than the 10\.0 million characters Specwright analyses in the editor/);
      const symbols = await client.request<unknown[] | null>('textDocument/documentSymbol', { textDocument: { uri: URI } }, 10_000);
      assert.deepEqual(symbols ?? [], []);
      await client.shutdown();
    } finally {
      client.close();
    }
  });
});
