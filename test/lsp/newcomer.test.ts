// What a newcomer meets in the editor (newcomer-run-2026-12.md): the Output channel says what the
// server does, "Show documentation for <rule>" is a code action where the client can open the
// page, and Source/Patch links exist only for files that are there (or URLs).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, defaultCapabilities, ensureBuilt } from '../helpers/lsp';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string;
  source?: string;
}

const SPEC = [
  'Name: demo', 'Version: 1', 'Release: 1', 'Summary: Demo', 'License: MIT',
  'Source0: https://example.org/demo-%{version}.tar.gz',
  'Source1: demo.conf',
  'Source2: missing.conf',
  'Patch0: fix.patch',
  '', '%description', 'Demo.', '', '%prep', '%autosetup -p1', '', '%build', '', '%install', 'mkdir -p %{buildroot}/usr/lib64/demo', '', '%files', '/usr/lib64/demo', '',
].join('\n');

describe('what a newcomer meets', () => {
  let dir: string;
  let file: string;
  let uri: string;
  before(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-newcomer-'));
    file = path.join(dir, 'demo.spec');
    fs.writeFileSync(file, SPEC);
    fs.writeFileSync(path.join(dir, 'demo.conf'), 'x\n');
    fs.writeFileSync(path.join(dir, 'fix.patch'), '');
    uri = pathToFileURL(file).toString();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function opened(options: Record<string, unknown>): Promise<{ client: LspClient; diagnostics: Diagnostic[] }> {
    const client = new LspClient();
    await client.initialize(defaultCapabilities(), options);
    const published = client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
    return { client, diagnostics: (await published).diagnostics };
  }

  it('logs the start and the profile of an opened document (info, not error)', async () => {
    const { client } = await opened({});
    try {
      const logged = (re: RegExp) => client.notifications.map((n) => n.params as { type: number; message: string }).find((p) => re.test(p?.message ?? ''));
      for (let i = 0; i < 50 && !logged(/^demo\.spec: profile/); i++) await new Promise((r) => setTimeout(r, 100));
      const profile = logged(/^demo\.spec: profile/);
      assert.equal(profile?.message, 'demo.spec: profile fedora (editor setting specwright.distro)');
      assert.equal(profile?.type, 3);
      const started = client.notifications.map((n) => n.params as { type: number; message: string }).find((p) => /language server started/.test(p?.message ?? ''));
      assert.match(started?.message ?? '', /^Specwright \d+\.\d+\.\d+\S* language server started \(Node [\d.]+\); no external tools \(workspace not trusted\)$/);
      assert.equal(started?.type, 3);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('offers "Show documentation for <rule>" only to a client that has the command', async () => {
    for (const [options, expected] of [[{ explainRuleCommand: true }, true], [{}, false]] as const) {
      const { client, diagnostics } = await opened(options);
      try {
        const d = diagnostics.find((x) => x.code === 'hardcoded-library-path');
        assert.ok(d, JSON.stringify(diagnostics.map((x) => x.code)));
        const actions = await client.request<{ title: string; command?: { command: string; arguments?: unknown[] } }[]>('textDocument/codeAction', {
          textDocument: { uri },
          range: d.range,
          context: { diagnostics: [d] },
        });
        const explain = actions.find((a) => a.title === 'Show documentation for hardcoded-library-path');
        assert.equal(Boolean(explain), expected, actions.map((a) => a.title).join(', '));
        if (explain) assert.deepEqual(explain.command, { title: explain.title, command: 'specwright.explainRule', arguments: ['hardcoded-library-path'] });
        await client.shutdown();
      } finally {
        client.close();
      }
    }
  });

  it('links Source/Patch values only to files that exist, and URLs', async () => {
    const { client } = await opened({});
    try {
      const links = await client.request<{ target: string; range: Diagnostic['range'] }[]>('textDocument/documentLink', { textDocument: { uri } });
      const targets = links.map((l) => l.target).sort();
      assert.deepEqual(targets, [pathToFileURL(path.join(dir, 'demo.conf')).toString(), pathToFileURL(path.join(dir, 'fix.patch')).toString(), 'https://example.org/demo-1.tar.gz'].sort());
      await client.shutdown();
    } finally {
      client.close();
    }
  });
});
