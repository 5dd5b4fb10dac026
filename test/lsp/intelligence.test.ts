// Protocol tests of the editor-intelligence features against the bundled server over stdio.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspClient, ensureBuilt } from '../helpers/lsp';

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}
interface CompletionItem {
  label: string;
  detail?: string;
  textEdit?: { range: Range; newText: string };
}
interface Diagnostic {
  range: Range;
  source?: string;
  severity?: number;
  tags?: number[];
  message: string;
}

const URI = 'file:///nonexistent-specwright-intelligence/hello.spec';
const DKMS_URI = 'file:///nonexistent-specwright-intelligence/dkms.conf';
const SPEC = [
  '%global commit abc123', // 0
  '%bcond_without docs', // 1
  'Name: hello', // 2
  'Version: 1.0', // 3
  'Release: 1%{?dist}', // 4
  'Summary: Hello', // 5
  'License: MIT', // 6
  'URL: https://example.org/hello', // 7
  'Source0: %{url}/archive/%{commit}.tar.gz', // 8
  'Patch0: fix.patch', // 9
  '%if 0%{?suse_version}', // 10
  'BuildRequires: suse-only', // 11
  '%endif', // 12
  '', // 13
  '%description', // 14
  'Hello.', // 15
  '', // 16
  '%prep', // 17
  '%autosetup -n hello-%{commit}', // 18
  '', // 19
  '%files', // 20
  '%{_libdir}/libhello.so.1', // 21
  '%{py_sitedir}/hello', // 22
  '%if %{with docs}', // 23
  '%doc README', // 24
  '%endif', // 25
  '%{_li', // 26
  '',
].join('\n');

const pos = (line: number, character: number) => ({ line, character });
const td = { uri: URI };

describe('editor intelligence over stdio', () => {
  let client: LspClient;
  let caps: Record<string, unknown>;

  before(async () => {
    ensureBuilt();
    client = new LspClient();
    client.configuration = { distro: 'fedora', rules: {}, inlayHints: { macroExpansion: true }, dimInactiveBranches: true };
    caps = (await client.initialize()).capabilities;
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'rpm-spec', version: 1, text: SPEC } });
    client.notify('textDocument/didOpen', { textDocument: { uri: DKMS_URI, languageId: 'dkms-conf', version: 1, text: 'PACKAGE_NAME="acme"\nAUTOINS\n' } });
  });
  after(() => client?.close());

  it('advertises the capabilities', () => {
    assert.ok(caps.completionProvider);
    assert.equal(caps.hoverProvider, true);
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.ok(caps.documentLinkProvider);
    const st = caps.semanticTokensProvider as { legend: { tokenTypes: string[] }; full: boolean };
    assert.ok(st.legend.tokenTypes.includes('macro'));
    assert.ok(caps.inlayHintProvider);
  });

  it('completes %{_li with the Fedora value and closes the brace', async () => {
    const list = await client.request<{ items: CompletionItem[] }>('textDocument/completion', { textDocument: td, position: pos(26, 5) });
    const item = list.items.find((i) => i.label === '_libdir')!;
    assert.equal(item.detail, '/usr/lib64');
    assert.deepEqual(item.textEdit, { range: { start: pos(26, 2), end: pos(26, 5) }, newText: '_libdir}' });
  });

  it('completes dkms.conf directives', async () => {
    const list = await client.request<{ items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri: DKMS_URI }, position: pos(1, 7) });
    assert.equal(list.items[0].label, 'AUTOINSTALL');
  });

  it('hovers py_sitedir with the Fedora advice', async () => {
    const h = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', { textDocument: td, position: pos(22, 4) });
    assert.equal(h.contents.kind, 'markdown');
    assert.match(h.contents.value, /python3_sitearch/);
    assert.deepEqual(h.range, { start: pos(22, 2), end: pos(22, 12) });
  });

  it('answers null on plain text', async () => {
    assert.equal(await client.request('textDocument/hover', { textDocument: td, position: pos(15, 2) }), null);
  });

  it('goes to the definition and finds references of a file macro', async () => {
    const defs = await client.request<{ uri: string; range: Range }[]>('textDocument/definition', { textDocument: td, position: pos(18, 23) });
    assert.deepEqual(defs, [{ uri: URI, range: { start: pos(0, 8), end: pos(0, 14) } }]);
    const refs = await client.request<{ range: Range }[]>('textDocument/references', { textDocument: td, position: pos(0, 10), context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => r.range.start.line), [0, 8, 18]);
    const hl = await client.request<{ kind: number }[]>('textDocument/documentHighlight', { textDocument: td, position: pos(0, 10) });
    assert.equal(hl.length, 3);
  });

  it('renames a macro and refuses a catalog macro with an error', async () => {
    const prep = await client.request<{ placeholder: string }>('textDocument/prepareRename', { textDocument: td, position: pos(0, 10) });
    assert.equal(prep.placeholder, 'commit');
    const edit = await client.request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { textDocument: td, position: pos(0, 10), newName: 'gitcommit' });
    assert.equal(edit.changes[URI].length, 3);
    const refused = await client.requestRaw('textDocument/rename', { textDocument: td, position: pos(0, 10), newName: '_libdir' });
    assert.ok(refused.error);
    assert.match(refused.error.message, /distribution or rpm macro/);
    const notOurs = await client.requestRaw('textDocument/prepareRename', { textDocument: td, position: pos(21, 4) });
    assert.ok(notOurs.error);
  });

  it('returns semantic tokens in the relative encoding', async () => {
    const r = await client.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: td });
    assert.equal(r.data.length % 5, 0);
    assert.ok(r.data.length >= 5 * 20);
    // First token: `%global` at 0:0.
    assert.deepEqual(r.data.slice(0, 3), [0, 0, 7]);
  });

  it('returns inlay hints when the setting is on', async () => {
    const hints = await client.request<{ position: { line: number; character: number }; label: string }[]>('textDocument/inlayHint', { textDocument: td, range: { start: pos(0, 0), end: pos(27, 0) } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[21, '= /usr/lib64']]);
  });

  it('links URLs; a local patch that does not exist is no link (test/lsp/newcomer.test.ts has one that does)', async () => {
    const links = await client.request<{ target: string }[]>('textDocument/documentLink', { textDocument: td });
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://example.org/hello'));
    assert.ok(targets.includes('https://example.org/hello/archive/abc123.tar.gz'));
    assert.ok(!targets.includes('file:///nonexistent-specwright-intelligence/fix.patch'));
  });

  it('publishes inactive %if arms as unnecessary hints when dimming is on', async () => {
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as { uri: string }).uri === URI);
    const p = published.length > 0
      ? (published[published.length - 1].params as { diagnostics: Diagnostic[] })
      : await client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (x) => x.uri === URI);
    const inactive = p.diagnostics.filter((d) => d.source === 'specwright-inactive');
    assert.equal(inactive.length, 1);
    assert.deepEqual(inactive[0].range, { start: pos(11, 0), end: pos(11, 24) });
    assert.equal(inactive[0].severity, 4);
    assert.deepEqual(inactive[0].tags, [1]);
  });
});

describe('editor intelligence settings off', () => {
  let client: LspClient;
  before(async () => {
    ensureBuilt();
    client = new LspClient();
    await client.initialize();
  });
  after(() => client?.close());

  it('sends no inlay hints and no inactive-branch diagnostics by default', async () => {
    const diagnostics = client.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>('textDocument/publishDiagnostics', (x) => x.uri === URI);
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'rpm-spec', version: 1, text: SPEC } });
    const p = await diagnostics;
    assert.equal(p.diagnostics.filter((d) => d.source === 'specwright-inactive').length, 0);
    const hints = await client.request<unknown[]>('textDocument/inlayHint', { textDocument: td, range: { start: pos(0, 0), end: pos(27, 0) } });
    assert.deepEqual(hints, []);
  });
});
