// External tools add only what Specwright lacks (issue 13, point 1), over stdio with a stub
// rpmlint: ids Specwright implements or contradicts are dropped, rpmlint errors are warnings
// unless specwright.rpmlint.errorsAsErrors, tools run on the saved file only (open and save,
// never on unsaved text when the configuration changes), a finding goes away when the text it was
// about changes, and specwright.externalTools says which tools run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO_ROOT, defaultCapabilities, ensureBuilt } from '../helpers/lsp';
import { CONTRADICTED_RPMLINT_IDS, supersededBy } from '../../server/src/node/tools/rpmlint';
import { ALL_RULES } from '../../server/src/service/rules/registry';
import { loadClientModule } from '../client/loadClient';

interface Diagnostic {
  source?: string;
  code?: string;
  severity?: number;
  message: string;
  range: { start: { line: number; character: number } };
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

const SPEC = [
  'Name: demo', // 1
  'Version: 1', // 2
  'Release: 1', // 3
  'Summary: Demo', // 4
  'License: MIT', // 5
  'URL: https://example.org/demo', // 6
  '', // 7
  '%description', // 8
  'Demo.', // 9
  '', // 10
  '%prep', // 11
  '', // 12
  '%build', // 13
  '', // 14
  '%install', // 15
  'mkdir -p %{buildroot}/usr/lib/udev/rules.d', // 16
  '', // 17
  '%files', // 18
  '/usr/lib/udev/rules.d/*', // 19
  '', // 20
  '%changelog', // 21
  '* Mon Jan 01 2024 A <a@b.c> - 1-1', // 22
  '- init', // 23
  '',
].join('\n');

const rpmlintLines = (spec: string) => [
  `${spec}:16: E: hardcoded-library-path in %{buildroot}/usr/lib/udev/rules.d`, // implemented by Specwright: dropped
  `${spec}: W: no-buildroot-tag`, // contradicted by obsolete-buildroot-tag: dropped
  `${spec}:6: E: invalid-url URL: https://example.org/demo`, // not implemented: kept, as a warning
  `${spec}: W: specfile-error error: line 7: Unknown tag: Fooo: bar`, // kept, unless Specwright reports an error on line 7
];

describe('external tools add only what Specwright lacks', () => {
  let dir: string;
  let stub: string;
  let runs: string;
  before(() => {
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-reconcile-'));
    runs = path.join(dir, 'runs');
    stub = path.join(dir, 'rpmlint');
    const spec = '$last';
    const body = rpmlintLines(spec).map((l) => `echo "${l}"`).join('\n');
    fs.writeFileSync(stub, `#!/bin/sh\nfor last; do :; done\necho run >> '${runs}'\n${body}\nexit 64\n`, { mode: 0o755 });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const runCount = () => (fs.existsSync(runs) ? fs.readFileSync(runs, 'utf8').split('\n').filter(Boolean).length : 0);

  async function start(settings: Record<string, unknown>, file: string): Promise<{ client: LspClient; uri: string }> {
    const client = new LspClient();
    client.configuration = { distro: 'fedora', rules: {}, rpmlint: { path: stub }, shellcheck: { path: '' }, ...settings };
    await client.initialize(defaultCapabilities(), { trusted: true });
    fs.writeFileSync(file, SPEC);
    return { client, uri: pathToFileURL(file).toString() };
  }

  const withRpmlint = (client: LspClient, uri: string, predicate: (p: Published) => boolean = () => true) =>
    client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.some((d) => d.source === 'rpmlint') && predicate(p), 15_000);

  it('drops the ids Specwright implements or contradicts; rpmlint errors are warnings by default', async () => {
    const { client, uri } = await start({}, path.join(dir, 'demo.spec'));
    try {
      const published = withRpmlint(client, uri);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
      const { diagnostics } = await published;
      const rpmlint = diagnostics.filter((d) => d.source === 'rpmlint');
      assert.deepEqual(rpmlint.map((d) => d.code).sort(), ['invalid-url', 'specfile-error']);
      assert.equal(rpmlint.find((d) => d.code === 'invalid-url')!.severity, 2, 'E: is a warning');
      assert.ok(!diagnostics.some((d) => d.code === 'hardcoded-library-path' && d.source === 'rpmlint'));
      // The tool run is logged with its duration, and what was left to Specwright.
      const logs = client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
      assert.ok(logs.some((m) => /^rpmlint on demo\.spec: 2 findings \(2 more left to Specwright's own rules\) in \d+ ms$/.test(m)), logs.join('\n'));
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('reports rpmlint errors as errors when specwright.rpmlint.errorsAsErrors is true', async () => {
    const { client, uri } = await start({ rpmlint: { path: stub, errorsAsErrors: true } }, path.join(dir, 'demo.spec'));
    try {
      const published = withRpmlint(client, uri);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
      const { diagnostics } = await published;
      assert.equal(diagnostics.find((d) => d.code === 'invalid-url')!.severity, 1);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('never runs on unsaved text; its findings follow edits and go when their line changes', async () => {
    const { client, uri } = await start({}, path.join(dir, 'demo.spec'));
    try {
      const opened = withRpmlint(client, uri);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
      await opened;
      const before = runCount();
      // Insert a line at the top (unsaved): the invalid-url finding moves from line 6 to line 7.
      const moved = client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 2);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' }] });
      const afterInsert = (await moved).diagnostics.find((d) => d.code === 'invalid-url');
      assert.equal(afterInsert?.range.start.line, 6);
      // Any configuration notification: the unsaved buffer is not given to rpmlint.
      const revalidated = client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri);
      client.notify('workspace/didChangeConfiguration', { settings: null });
      await revalidated;
      await new Promise((r) => setTimeout(r, 700));
      assert.equal(runCount(), before, 'rpmlint ran on unsaved text');
      // Edit the URL line: the finding about it disappears at once.
      const edited = client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 3);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line: 6, character: 5 }, end: { line: 6, character: 36 } }, text: 'https://example.org/new' }] });
      const { diagnostics } = await edited;
      assert.ok(!diagnostics.some((d) => d.code === 'invalid-url'), JSON.stringify(diagnostics));
      // Replace the whole text: nothing from rpmlint stays on lines that no longer exist.
      const replaced = client.waitForNotification<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === 4);
      client.notify('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text: 'Name: x\n' }] });
      assert.deepEqual((await replaced).diagnostics.filter((d) => d.source === 'rpmlint'), []);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  it('drops rpm parse errors where Specwright reports an error on the same line', async () => {
    const file = path.join(dir, 'fooo.spec');
    const { client, uri } = await start({}, file);
    try {
      // `Fooo: bar` on line 7, saved: rpmlint's specfile-error says line 7, and spec-unknown-tag is there.
      const text = SPEC.replace('\n\n%description', '\nFooo: bar\n%description');
      fs.writeFileSync(file, text);
      const published = withRpmlint(client, uri, (p) => p.diagnostics.some((d) => d.code === 'spec-unknown-tag'));
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text } });
      const { diagnostics } = await published;
      assert.deepEqual(diagnostics.filter((d) => d.source === 'rpmlint').map((d) => d.code), ['invalid-url']);
      await client.shutdown();
    } finally {
      client.close();
    }
  });

  for (const [title, settings, runsRpmlint] of [
    ['externalTools "off" runs nothing', { externalTools: 'off' }, false],
    ['an externalTools list runs exactly the tools it names', { externalTools: ['rpmspec'], rpmspec: { path: '' } }, false],
    ['the older rpmlint.enable: false still turns rpmlint off under "auto"', { externalTools: 'auto', rpmlint: { enable: false } }, false],
    ['a list naming rpmlint runs it even with rpmlint.enable: false', { externalTools: ['rpmlint'], rpmlint: { enable: false } }, true],
  ] as const) {
    it(title, async () => {
      // The stub's path is known only once before() ran.
      const withStub = 'rpmlint' in settings ? { ...settings, rpmlint: { ...settings.rpmlint, path: stub } } : settings;
      const { client, uri } = await start(withStub, path.join(dir, 'demo.spec'));
      try {
        const before = runCount();
        const ran = client.waitForNotification<{ message: string }>('window/logMessage', (p) => /^rpmlint on demo\.spec: \d+ findings? /.test(p.message), runsRpmlint ? 15_000 : 1500);
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
        const logged = await ran.then(() => true, () => false);
        assert.equal(logged, runsRpmlint);
        assert.equal(runCount() > before, runsRpmlint);
        await client.shutdown();
      } finally {
        client.close();
      }
    });
  }

  it('says nothing about a missing tool under "auto", and tells when a listed one is missing', async () => {
    for (const [externalTools, shown] of [['auto', false], [['rpmlint'], true]] as const) {
      const { client, uri } = await start({ externalTools, rpmlint: { path: path.join(dir, 'no-such-rpmlint') } }, path.join(dir, 'demo.spec'));
      try {
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
        await new Promise((r) => setTimeout(r, 1500));
        const messages = client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
        assert.equal(messages.some((m) => /rpmlint was not found/.test(m)), shown, messages.join('\n'));
        await client.shutdown();
      } finally {
        client.close();
      }
    }
  });
});

describe('docs/external-tools.md', () => {
  it('lists exactly the rpmlint ids left to Specwright', () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs/external-tools.md'), 'utf8');
    const block = /<!-- superseded-rpmlint-ids:start[^>]*-->([\s\S]*?)<!-- superseded-rpmlint-ids:end -->/.exec(doc)?.[1] ?? '';
    const listed = [...block.matchAll(/`([^`]+)`(?: \(([^)]*)\))?/g)].map((m) => m[1]).sort();
    const expected = [...new Set([...ALL_RULES.flatMap((r) => (r.rpmlintId ? [r.rpmlintId] : [])), ...Object.keys(CONTRADICTED_RPMLINT_IDS)])].sort();
    assert.deepEqual(listed, expected);
    for (const id of expected) assert.ok(supersededBy(id), id);
  });
});

describe('the spec New DKMS Package writes', () => {
  const missing = ['rpmlint', 'shellcheck'].filter((t) => spawnSync(t, ['--version']).error);
  it('is clean with rpmlint and shellcheck through the server', { skip: missing.length ? `${missing.join(' and ')} not installed` : false }, async () => {
    ensureBuilt();
    const { generateDkmsPackage } = loadClientModule<typeof import('../../client/src/scaffold')>('scaffold');
    const pkg = generateDkmsPackage({ module: 'newbie-drv', version: '1.0.0', build: { kind: 'kbuild' } });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-scaffold-'));
    const client = new LspClient();
    try {
      for (const f of pkg.files) {
        fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
        fs.writeFileSync(path.join(dir, f.path), f.content);
      }
      const file = path.join(dir, pkg.specPath);
      const uri = pathToFileURL(file).toString();
      // generic: on the Fedora profile every DKMS spec gets dkms-distro-convention's note (Fedora's own
      // repositories take no DKMS packages), which is that rule's test, not a flaw of the template.
      client.configuration = { distro: 'generic', rules: {} };
      await client.initialize(defaultCapabilities(), { trusted: true });
      const name = path.basename(file).replace(/\./g, '\\.');
      const ran = (tool: string) => client.waitForNotification<{ message: string }>('window/logMessage', (p) => new RegExp(`^${tool} on ${name}: `).test(p.message), 30_000);
      const runs = Promise.all([ran('rpmlint'), ran('shellcheck')]);
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: fs.readFileSync(file, 'utf8') } });
      for (const log of await runs) assert.match(log.message, /: 0 findings/);
      await new Promise((r) => setTimeout(r, 300));
      const last = client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === uri).at(-1);
      assert.deepEqual((last?.params as Published | undefined)?.diagnostics ?? [], []);
      await client.shutdown();
    } finally {
      client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
