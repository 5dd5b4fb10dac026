// Code lens, signature help, workspace symbols, include references and call hierarchy over stdio against the bundled server.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, ensureBuilt } from '../helpers/lsp';
import { tempDir } from '../cli/helpers';

const OPEN = 'Name: hello\nVersion: 1\nRelease: 1\n%global commit abc\n%if 0%{?fedora}\nRequires: x\n%endif\n%description\nx\n%prep\n%autosetup -n foo \n%package devel\nSummary: d\n%include common.inc\n';

describe('code lens, signature help and workspace symbols over stdio', () => {
  let client: LspClient;
  let dir: { dir: string; cleanup: () => void };
  let uri: string;
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    fs.mkdirSync(path.join(dir.dir, 'other'));
    fs.writeFileSync(path.join(dir.dir, 'other', 'world.spec'), 'Name: world\n%global world_api 3\n%package -n libworld\nSummary: l\n');
    fs.writeFileSync(path.join(dir.dir, 'common.inc'), 'Source9: %{commit}.tar.gz\n');
    fs.mkdirSync(path.join(dir.dir, 'node_modules'));
    fs.writeFileSync(path.join(dir.dir, 'node_modules', 'skip.spec'), 'Name: skipped\n');
    uri = pathToFileURL(path.join(dir.dir, 'hello.spec')).toString();
    client = new LspClient();
    const caps = (await client.initialize(undefined, undefined, [{ uri: pathToFileURL(dir.dir).toString(), name: 'w' }])).capabilities as Record<string, unknown>;
    assert.ok(caps.codeLensProvider);
    assert.ok(caps.signatureHelpProvider);
    assert.equal(caps.workspaceSymbolProvider, true);
    assert.equal(caps.callHierarchyProvider, true);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: OPEN } });
  });
  after(() => { client?.close(); dir?.cleanup(); });

  it('code lens above %if says where the arm is live', async () => {
    const lenses = await client.request<{ range: { start: { line: number } }; command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command.title]), [[4, 'live: Fedora · dead: RHEL, openSUSE, Mageia, generic rpm']]);
  });

  it('signature help for %autosetup', async () => {
    const h = await client.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 10, character: 18 } });
    assert.match(h.signatures[0].label, /^%autosetup \[-p N\]/);
  });

  it('workspace symbols: packages and macros of open and unopened specs, node_modules skipped', async () => {
    const all = await client.request<{ name: string; containerName?: string; location: { uri: string } }[]>('workspace/symbol', { query: '' });
    const names = all.map((s) => s.name).sort();
    assert.deepEqual(names, ['%commit', '%world_api', 'hello', 'hello-devel', 'libworld', 'world']);
    const lib = await client.request<{ name: string; location: { uri: string } }[]>('workspace/symbol', { query: 'libw' });
    assert.deepEqual(lib.map((s) => s.name), ['libworld']);
    assert.match(lib[0].location.uri, /other\/world\.spec$/);
  });

  it('references of a macro include its uses in %include files', async () => {
    const refs = await client.request<{ uri: string; range: { start: { line: number; character: number } } }[]>('textDocument/references', { textDocument: { uri }, position: { line: 3, character: 9 }, context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => [path.basename(r.uri), r.range.start.line, r.range.start.character]), [['hello.spec', 3, 8], ['common.inc', 0, 11]]);
  });

  it('call hierarchy of a macro: prepared at its definition, incoming calls from the %include file, outgoing back', async () => {
    type Item = { name: string; uri: string; range: { start: { line: number } }; data: unknown };
    const items = await client.request<Item[]>('textDocument/prepareCallHierarchy', { textDocument: { uri }, position: { line: 3, character: 10 } });
    assert.deepEqual(items.map((i) => [i.name, path.basename(i.uri), i.range.start.line]), [['%commit', 'hello.spec', 3]]);
    const incoming = await client.request<{ from: Item; fromRanges: { start: { line: number; character: number } }[] }[]>('callHierarchy/incomingCalls', { item: items[0] });
    assert.deepEqual(incoming.map((c) => [c.from.name, path.basename(c.from.uri), c.fromRanges.map((r) => [r.start.line, r.start.character])]), [['preamble', 'common.inc', [[0, 11]]]]);
    const outgoing = await client.request<{ to: Item }[]>('callHierarchy/outgoingCalls', { item: incoming[0].from });
    assert.deepEqual(outgoing.map((c) => [c.to.name, path.basename(c.to.uri), c.to.range.start.line]), [['%commit', 'hello.spec', 3]]);
    // Nothing on a line without a macro.
    assert.equal(await client.request('textDocument/prepareCallHierarchy', { textDocument: { uri }, position: { line: 8, character: 0 } }), null);
  });
});
