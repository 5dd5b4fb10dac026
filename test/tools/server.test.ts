// The server wiring over stdio: tools never start in an untrusted workspace; in a trusted one
// shellcheck's findings are published merged with ours; specwright/expandedSpec answers.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO_ROOT, ensureBuilt } from '../helpers/lsp';

const FIXTURE = path.join(REPO_ROOT, 'test/fixtures/tools/menable-dkms.spec');
const CAPS = { textDocument: { publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true } } };

interface Diagnostic {
  source?: string;
  code?: string;
  range: { start: { line: number } };
}

function open(client: LspClient, uri: string, text: string): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text } });
}

describe('external tools in the server', () => {
  let dir: string;
  let marker: string;
  let fakeTool: string;
  before(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-server-tools-'));
    marker = path.join(dir, 'ran');
    fakeTool = path.join(dir, 'fake-tool');
    fs.writeFileSync(fakeTool, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n`, { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  // An untrusted workspace, and a client that says nothing about trust (Neovim, Emacs), alike.
  for (const [title, trust] of [
    ['starts no tool in an untrusted workspace and refuses to expand', { trusted: false }],
    ['treats a client that says nothing about trust as untrusted (Neovim, Emacs)', {}],
  ] as const) {
    it(title, async () => {
      const client = new LspClient();
      try {
        const tools = { enable: true, path: fakeTool };
        await client.initialize(CAPS, { ...trust, rpmlint: tools, shellcheck: tools, rpmspec: tools });
        const uri = pathToFileURL(FIXTURE).toString();
        const published = client.waitForNotification<{ uri: string }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
        open(client, uri, fs.readFileSync(FIXTURE, 'utf8'));
        client.notify('textDocument/didSave', { textDocument: { uri } });
        await published;
        await assert.rejects(client.request('specwright/expandedSpec', { uri }), /not trusted/);
        await new Promise((r) => setTimeout(r, 500));
        assert.equal(fs.existsSync(marker), false, 'a tool was started');
        await client.shutdown();
      } finally {
        client.close();
      }
    });
  }

  it('grants trust only on specwright/trustChanged with trusted exactly true', async () => {
    const client = new LspClient();
    try {
      const tools = { enable: true, path: fakeTool };
      await client.initialize(CAPS, { trusted: false, rpmlint: tools, shellcheck: tools, rpmspec: tools });
      const uri = pathToFileURL(FIXTURE).toString();
      open(client, uri, fs.readFileSync(FIXTURE, 'utf8'));
      for (const params of [{}, null, { trusted: 0 }, { trusted: 'true' }, { trusted: 1 }, { trust: true }]) {
        client.notify('specwright/trustChanged', params);
        client.notify('textDocument/didSave', { textDocument: { uri } });
      }
      await assert.rejects(client.request('specwright/expandedSpec', { uri }), /not trusted/);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(fs.existsSync(marker), false, 'a tool was started');
      // Exactly true does grant it: the tools start.
      client.notify('specwright/trustChanged', { trusted: true });
      for (let i = 0; i < 50 && !fs.existsSync(marker); i++) await new Promise((r) => setTimeout(r, 100));
      assert.equal(fs.existsSync(marker), true, 'no tool started after trust was granted');
      await client.shutdown();
    } finally {
      client.close();
      fs.rmSync(marker, { force: true });
    }
  });

  it("offers shellcheck's own fix as a quick fix", { skip: spawnSync('shellcheck', ['--version']).error ? 'shellcheck is not installed' : false }, async () => {
    const client = new LspClient();
    try {
      await client.initialize(CAPS, { trusted: true, rpmlint: { enable: false } });
      const file = path.join(dir, 'quote.spec');
      const text = 'Name: quote\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n%build\necho $FOO\n';
      fs.writeFileSync(file, text);
      const uri = pathToFileURL(file).toString();
      const published = client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === uri && p.diagnostics.some((d) => d.source === 'shellcheck' && d.code === 'SC2086'),
        20_000,
      );
      open(client, uri, text);
      const { diagnostics } = await published;
      const sc2086 = diagnostics.find((d) => d.code === 'SC2086')!;
      const actions = await client.request<{ title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: sc2086.range,
        context: { diagnostics: [sc2086], only: ['quickfix'] },
      });
      const fix = actions.find((a) => a.edit?.changes[uri]?.some((e) => e.newText.includes('"')));
      assert.ok(fix, `a quoting fix among: ${actions.map((a) => a.title).join(', ')}`);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('publishes shellcheck findings with ours in a trusted workspace', { skip: spawnSync('shellcheck', ['--version']).error ? 'shellcheck is not installed' : false }, async () => {
    const client = new LspClient();
    try {
      await client.initialize(CAPS, { trusted: true, rpmlint: { enable: false } });
      const uri = pathToFileURL(FIXTURE).toString();
      const withShellcheck = client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>(
        'textDocument/publishDiagnostics',
        (p) => p.uri === uri && p.diagnostics.some((d) => d.source === 'shellcheck'),
        20_000,
      );
      open(client, uri, fs.readFileSync(FIXTURE, 'utf8'));
      const { diagnostics } = await withShellcheck;
      assert.ok(diagnostics.some((d) => d.source === 'specwright'), 'our findings are kept');
      assert.ok(diagnostics.some((d) => d.source === 'shellcheck' && d.code === 'SC1073' && d.range.start.line === 25));
      await client.shutdown();
    } finally {
      client.close();
    }
  });
});
