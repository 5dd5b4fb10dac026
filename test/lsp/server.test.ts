// Protocol tests against the bundled server (dist/server.js) over stdio.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { getRule } from '../../server/src/service/rules/registry';
import { LspClient, SERVER_JS, ensureBuilt } from '../helpers/lsp';
import { DOCUMENT_PROFILE_REQUEST, type DocumentProfileResult } from '../../server/src/protocol';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string;
  source?: string;
  message: string;
  codeDescription?: { href: string };
  data?: unknown;
}
interface PublishDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]> };
}

const SPEC_URI = 'file:///nonexistent-specwright-test/hello.spec';
const DKMS_URI = 'file:///nonexistent-specwright-test/dkms/dkms.conf';
const SPEC = ['Name: hello', 'Version: 1.0', 'Release: 1%{?dist}', 'Summary: Hello', 'License: MIT', '', '%description', 'Hello.', '', '%if 1', '%prep', '%setup -q', ''].join('\n');
const DKMS = ['PACKAGE_NAME="acme"', 'BUILD_MODULE_NAME[0]="acme"', 'DEST_MODULE_LOCATION[0]="/updates"', ''].join('\n');

const hasRule = (id: string) => getRule(id) !== undefined;

function diagnosticsFor(client: LspClient, uri: string, version?: number): Promise<PublishDiagnostics> {
  return client.waitForNotification<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === uri && (version === undefined || p.version === version));
}

function open(client: LspClient, uri: string, languageId: string, text: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}

describe('language server over stdio', () => {
  let client: LspClient;
  let initResult: Awaited<ReturnType<LspClient['initialize']>>;

  before(async () => {
    ensureBuilt();
    client = new LspClient();
    initResult = await client.initialize();
  });
  after(() => client?.close());

  it('advertises its capabilities', () => {
    const caps = initResult.capabilities;
    const sync = caps.textDocumentSync as { openClose: boolean; change: number };
    assert.equal(sync.openClose, true);
    assert.equal(sync.change, 2, 'incremental sync');
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
    const codeActions = caps.codeActionProvider as { codeActionKinds: string[] };
    assert.ok(codeActions.codeActionKinds.includes('quickfix'));
    assert.ok(codeActions.codeActionKinds.includes('source.fixAll.specwright'));
    assert.equal(initResult.serverInfo?.name, 'specwright');
  });

  it('publishes diagnostics for an opened spec', async () => {
    const published = diagnosticsFor(client, SPEC_URI, 1);
    open(client, SPEC_URI, 'rpm-spec', SPEC);
    const p = await published;
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'specwright');
      assert.equal(typeof d.code, 'string');
      // A valid URL whose last segment is the id, percent-encoded (ids may start with `%`).
      assert.equal(decodeURIComponent(new URL(d.codeDescription!.href).pathname.split('/').at(-1)!), `${d.code}.md`);
    }
    if (hasRule('spec-unclosed-if')) {
      const d = p.diagnostics.find((x) => x.code === 'spec-unclosed-if');
      assert.ok(d, `spec-unclosed-if expected, got ${p.diagnostics.map((x) => x.code).join(', ')}`);
      assert.equal(d.range.start.line, 9);
    }
  });

  it('publishes diagnostics for an opened dkms.conf', async () => {
    const published = diagnosticsFor(client, DKMS_URI, 1);
    open(client, DKMS_URI, 'dkms-conf', DKMS);
    const p = await published;
    const codes = p.diagnostics.map((d) => d.code);
    if (hasRule('dkms-missing-required')) assert.ok(codes.includes('dkms-missing-required'), codes.join(', '));
    if (hasRule('dkms-unknown-directive')) assert.ok(codes.includes('dkms-unknown-directive'), codes.join(', '));
  });

  it('answers documentSymbol and foldingRange', async () => {
    const symbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: SPEC_URI } });
    assert.ok(Array.isArray(symbols));
    const folds = await client.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri: SPEC_URI } });
    assert.ok(Array.isArray(folds));
    for (const f of folds) assert.ok(f.endLine >= f.startLine);
    const dkmsSymbols = await client.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: DKMS_URI } });
    assert.ok(Array.isArray(dkmsSymbols));
  });

  it('offers "Disable <id> for this line" for a diagnostic', async () => {
    const published = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics').map((n) => n.params as PublishDiagnostics);
    const real = published.filter((p) => p.uri === SPEC_URI).at(-1)?.diagnostics[0];
    // Before any rule exists, a diagnostic shaped like ours still gets the disable action.
    const diagnostic: Diagnostic = real ?? { range: { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } }, code: 'spec-unclosed-if', source: 'specwright', message: 'unclosed %if' };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SPEC_URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const disable = actions.find((a) => a.title === `Disable ${diagnostic.code} for this line`);
    assert.ok(disable, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(disable.kind, 'quickfix');
    const edits = disable.edit!.changes![SPEC_URI];
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range.start, { line: diagnostic.range.start.line, character: 0 });
    assert.equal(edits[0].newText, `# specwright: disable-next-line ${diagnostic.code}\n`);
  });

  it('publishes new diagnostics after an incremental change', async () => {
    const published = diagnosticsFor(client, SPEC_URI, 2);
    // Append %endif on the last (empty) line.
    client.notify('textDocument/didChange', {
      textDocument: { uri: SPEC_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 12, character: 0 }, end: { line: 12, character: 0 } }, text: '%endif\n' }],
    });
    const p = await published;
    assert.equal(p.version, 2);
    assert.ok(!p.diagnostics.some((d) => d.code === 'spec-unclosed-if'), 'the %if is closed now');
  });

  it('debounces: only the latest of quick changes is validated', async () => {
    const published = diagnosticsFor(client, SPEC_URI);
    for (let v = 3; v <= 6; v++) {
      client.notify('textDocument/didChange', {
        textDocument: { uri: SPEC_URI, version: v },
        contentChanges: [{ range: { start: { line: 0, character: 6 }, end: { line: 0, character: 11 } }, text: `hell${v}` }],
      });
    }
    const p = await published;
    assert.equal(p.version, 6);
  });

  it('returns empty results for a document that is not open', async () => {
    const uri = 'file:///nonexistent-specwright-test/never-opened.spec';
    const symbols = await client.requestRaw('textDocument/documentSymbol', { textDocument: { uri } });
    assert.equal(symbols.error, undefined);
    assert.deepEqual(symbols.result, []);
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri } });
    assert.deepEqual(folds, []);
    const actions = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 999, character: 999 }, end: { line: 1000, character: 0 } },
      context: { diagnostics: [] },
    });
    assert.deepEqual(actions, []);
  });

  it('survives a code action request past the end of a document', async () => {
    const past = { start: { line: 500, character: 3 }, end: { line: 501, character: 0 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SPEC_URI },
      range: past,
      context: { diagnostics: [{ range: past, code: 'spec-unclosed-if', source: 'specwright', message: 'x' }] },
    });
    assert.ok(Array.isArray(actions));
  });

  it('clears diagnostics on close', async () => {
    const cleared = diagnosticsFor(client, DKMS_URI);
    client.notify('textDocument/didClose', { textDocument: { uri: DKMS_URI } });
    const p = await cleared;
    assert.deepEqual(p.diagnostics, []);
  });

  it('re-validates with new settings (rule turned off)', async (t) => {
    if (!hasRule('spec-unclosed-if')) return t.skip('spec-unclosed-if is not registered yet');
    const uri = 'file:///nonexistent-specwright-test/settings.spec';
    let published = diagnosticsFor(client, uri, 1);
    open(client, uri, 'rpm-spec', SPEC);
    assert.ok((await published).diagnostics.some((d) => d.code === 'spec-unclosed-if'));
    client.configuration = { distro: 'fedora', rules: { 'spec-unclosed-if': 'off' } };
    published = diagnosticsFor(client, uri, 1);
    client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.ok(!(await published).diagnostics.some((d) => d.code === 'spec-unclosed-if'));
    client.configuration = { distro: 'fedora', rules: {} };
  });

  it('offers a rule\'s safe fix as preferred, "Fix all" per rule, and source.fixAll.specwright', async (t) => {
    const rule = 'dkms-deprecated-directive';
    if (getRule(rule)?.fixSafety !== 'safe') return t.skip(`${rule} with a safe fix is not registered yet`);
    const uri = 'file:///nonexistent-specwright-test/fixall/dkms.conf';
    const text = 'PACKAGE_NAME="a"\nPACKAGE_VERSION="1"\nBUILT_MODULE_NAME[0]="a"\nDEST_MODULE_LOCATION[0]="/updates"\nREMAKE_INITRD="yes"\nMODULES_CONF[0]="options a x=1"\n';
    const published = diagnosticsFor(client, uri, 1);
    open(client, uri, 'dkms-conf', text);
    const diagnostics = (await published).diagnostics.filter((d) => d.code === rule);
    assert.ok(diagnostics.length >= 1, 'deprecated directives are reported');
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] } });
    const quickFix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(quickFix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(quickFix.edit!.changes![uri].length > 0);
    if (diagnostics.filter((d) => (d.data as { fixes: { safety: string }[] }).fixes.some((f) => f.safety === 'safe')).length > 1) {
      assert.ok(actions.some((a) => a.title === `Fix all ${rule} problems in file`), actions.map((a) => a.title).join(' | '));
    }
    const source = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.equal(source.length, 1);
    assert.equal(source[0].kind, 'source.fixAll.specwright');
    assert.ok(source[0].edit!.changes![uri].length >= 1);
    client.notify('textDocument/didClose', { textDocument: { uri } });
  });

  it('reads specwright.json above a file: document (project config wins over editor settings)', async (t) => {
    if (!hasRule('spec-unclosed-if')) return t.skip('spec-unclosed-if is not registered yet');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-lsp-'));
    try {
      fs.mkdirSync(path.join(dir, 'pkg'));
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ rules: { 'spec-unclosed-if': 'off' } }));
      const uri = pathToFileURL(path.join(dir, 'pkg', 'x.spec')).toString();
      const published = diagnosticsFor(client, uri, 1);
      open(client, uri, 'rpm-spec', SPEC);
      assert.ok(!(await published).diagnostics.some((d) => d.code === 'spec-unclosed-if'));
      client.notify('textDocument/didClose', { textDocument: { uri } });

      fs.writeFileSync(path.join(dir, 'specwright.json'), '{"distro": "debian"}');
      const shown = client.waitForNotification<{ message: string }>('window/showMessage', (p) => p.message.includes('specwright.json'));
      const again = diagnosticsFor(client, uri, 1);
      open(client, uri, 'rpm-spec', SPEC);
      assert.ok((await again).diagnostics.some((d) => d.code === 'spec-unclosed-if'), 'the invalid file is ignored');
      assert.match((await shown).message, /"distro" must be one of/);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shuts down and exits cleanly', async () => {
    const code = await client.shutdown();
    assert.equal(code, 0);
  });
});

describe('language server command line', () => {
  before(() => ensureBuilt());

  it('prints its version', () => {
    const r = spawnSync(process.execPath, [SERVER_JS, '--version'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout.trim(), /^\d+\.\d+\.\d+/);
  });

  it('takes settings from initializationOptions when the client has no workspace/configuration', async () => {
    const c = new LspClient();
    try {
      await c.initialize({ textDocument: {} }, { distro: 'rhel', rules: { 'no-such-rule': 'off' } });
      const published = c.waitForNotification<PublishDiagnostics>('textDocument/publishDiagnostics', (p) => p.uri === SPEC_URI);
      c.notify('textDocument/didOpen', { textDocument: { uri: SPEC_URI, languageId: 'spec', version: 1, text: SPEC } });
      const p = await published;
      assert.ok(Array.isArray(p.diagnostics));
      // The unknown rule id is reported to the user, not fatal.
      const shown = c.notifications.find((n) => n.method === 'window/showMessage');
      assert.ok(shown && JSON.stringify(shown.params).includes('no-such-rule'));
      assert.equal(await c.shutdown(), 0);
    } finally {
      c.close();
    }
  });
});

describe('language server with a client that never answers workspace/configuration', () => {
  it('still publishes diagnostics, with the default settings', async () => {
    ensureBuilt();
    const client = new LspClient();
    client.answerConfiguration = false;
    try {
      await client.initialize();
      const published = diagnosticsFor(client, SPEC_URI);
      open(client, SPEC_URI, 'rpm-spec', SPEC);
      const result = await published;
      assert.ok(result.diagnostics.some((d) => d.code === 'spec-unclosed-if'), 'diagnostics arrive after the settings time-out');
    } finally {
      client.close();
    }
  });
});

describe('language server and a project specwright.json', () => {
  it('uses the distro of specwright.json for hover, as it does for linting', async () => {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-distro-'));
    const client = new LspClient();
    try {
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ distro: 'opensuse' }));
      const file = path.join(dir, 'x.spec');
      const text = 'Name: x\n%files\n%{_sbindir}/x\n';
      fs.writeFileSync(file, text);
      await client.initialize();
      const uri = pathToFileURL(file).toString();
      open(client, uri, 'rpm-spec', text);
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
      assert.ok(hover, 'a hover for %{_sbindir}');
      assert.match(hover.contents.value, /\/usr\/sbin`? on Tumbleweed/, 'opensuse is its newest release');
      // The project file changes on disk: once the client reports it, hover follows.
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ distro: 'mageia' }));
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'specwright.json')).toString(), type: 2 }] });
      const after = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 4 } });
      assert.ok(after, 'a hover for %{_sbindir} after the change');
      assert.match(after.contents.value, /on Mageia/);
      assert.doesNotMatch(after.contents.value, /on openSUSE/);
    } finally {
      client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads the release and the project macro files of specwright.json for hover', async () => {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-macros-'));
    const client = new LspClient();
    try {
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ distro: 'rhel-8', macroFiles: ['macros.acme'] }));
      fs.writeFileSync(path.join(dir, 'macros.acme'), '%acme_prefix /opt/acme\n');
      const file = path.join(dir, 'x.spec');
      const text = 'Name: x\nRelease: 1%{?dist}\n%files\n%{acme_prefix}/x\n';
      fs.writeFileSync(file, text);
      await client.initialize();
      const uri = pathToFileURL(file).toString();
      open(client, uri, 'rpm-spec', text);
      const project = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 4 } });
      assert.ok(project, 'a hover for %{acme_prefix}');
      assert.match(project.contents.value, /defined by the project: macros\.acme line 1/);
      const dist = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 14 } });
      assert.ok(dist, 'a hover for %{?dist}');
      assert.match(dist.contents.value, /`\.el8` on EL 8/);
    } finally {
      client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers specwright/documentProfile with the profile and where it comes from', async () => {
    ensureBuilt();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-profile-'));
    const client = new LspClient();
    try {
      const project = path.join(dir, 'project');
      fs.mkdirSync(path.join(project, 'sub'), { recursive: true });
      fs.writeFileSync(path.join(project, 'specwright.json'), JSON.stringify({ distro: 'mageia' }));
      const rulesOnly = path.join(dir, 'other');
      fs.mkdirSync(rulesOnly);
      fs.writeFileSync(path.join(rulesOnly, 'specwright.json'), JSON.stringify({ rules: {} }));
      client.configuration = { distro: 'rhel', rules: {} };
      await client.initialize();
      const ask = (file: string) => client.request<DocumentProfileResult | null>(DOCUMENT_PROFILE_REQUEST, { uri: pathToFileURL(file).toString() });
      // A specwright.json in a parent folder sets it, and says so.
      assert.deepEqual(await ask(path.join(project, 'sub', 'x.spec')), { distro: 'mageia', source: 'specwright.json', configFile: path.join(project, 'specwright.json') });
      // A specwright.json without "distro" leaves the editor setting in charge.
      assert.deepEqual(await ask(path.join(rulesOnly, 'y.spec')), { distro: 'rhel', source: 'settings' });
      // Not a file: URI (an unsaved editor): the setting.
      assert.deepEqual(await client.request(DOCUMENT_PROFILE_REQUEST, { uri: 'untitled:Untitled-1' }), { distro: 'rhel', source: 'settings' });
      // Malformed params get null, and the server carries on.
      assert.equal(await client.request(DOCUMENT_PROFILE_REQUEST, { uri: 42 }), null);
      assert.deepEqual(await ask(path.join(project, 'z.spec')), { distro: 'mageia', source: 'specwright.json', configFile: path.join(project, 'specwright.json') });
    } finally {
      client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
