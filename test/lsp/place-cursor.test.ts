// unversioned-virtual-requires' quick fix inserts ` >= ` and leaves the version to type: a client
// that has the specwright.placeCursor command (initializationOptions.placeCursorCommand) gets it on
// the code action, with the position right after the inserted text; other clients get the edit only
// (LSP 3.17 has no snippet edits in a WorkspaceEdit).
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
}
interface Action {
  title: string;
  edit?: { changes: Record<string, { range: Diagnostic['range']; newText: string }[]> };
  command?: { title: string; command: string; arguments?: unknown[] };
}

const SPEC = ['Name: demo', 'Version: 1', 'Release: 1', 'Summary: Démo', 'License: MIT', 'Requires: java-headless', 'BuildRequires: java-devel >= 1:17', '', '%description', 'Demo.', '', '%files', ''].join('\n');

describe('quick fixes that leave something to type place the cursor there', () => {
  let dir: string;
  let uri: string;
  before(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-cursor-'));
    const file = path.join(dir, 'demo.spec');
    fs.writeFileSync(file, SPEC);
    uri = pathToFileURL(file).toString();
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('adds specwright.placeCursor after " >= " only for a client that has the command', async () => {
    for (const [options, expected] of [[{ placeCursorCommand: true }, true], [{}, false]] as const) {
      const client = new LspClient();
      try {
        await client.initialize(defaultCapabilities(), options);
        const published = client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri);
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
        const d = (await published).diagnostics.find((x) => x.code === 'unversioned-virtual-requires');
        assert.ok(d, 'unversioned-virtual-requires reports java-headless');
        const actions = await client.request<Action[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } });
        const fix = actions.find((a) => a.title.startsWith('Add a minimum version'));
        assert.ok(fix, actions.map((a) => a.title).join(', '));
        const [edit] = fix.edit!.changes[uri];
        assert.deepEqual(edit, { range: { start: { line: 5, character: 23 }, end: { line: 5, character: 23 } }, newText: ' >= ' });
        if (expected) assert.deepEqual(fix.command, { title: 'Place the cursor', command: 'specwright.placeCursor', arguments: [uri, { line: 5, character: 27 }] });
        else assert.equal(fix.command, undefined);
        // fixes that leave nothing to type get no command
        const disable = actions.find((a) => a.title.startsWith('Disable '));
        assert.equal(disable?.command, undefined);
        await client.shutdown();
      } finally {
        client.close();
      }
    }
  });
});
