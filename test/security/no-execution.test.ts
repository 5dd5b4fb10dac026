// Security: spec content is data. Nothing in a spec or dkms.conf (shell `%( )`, Lua `%{lua: }`,
// expressions `%[ ]`, dkms `$( )` / backticks) may ever be executed by the language service, the
// language server or the CLI. Each case writes a unique marker path; the marker must never appear.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { ALL_RULES, createLanguageService, type DocumentInput, type SeverityOrOff } from '../../server/src/service/index';
import { applyFixes } from '../helpers/fixtures';
import { CLI_JS, LspClient, defaultCapabilities, ensureBuilt } from '../helpers/lsp';
import { callFeature, discoverFeatures } from '../fuzz/fuzzer';

const id = crypto.randomBytes(6).toString('hex');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `specwright-sec-${id}-`));
const marker = (n: string) => path.join(os.tmpdir(), `pwned-${id}-${n}`);
const MARKERS = ['shell', 'lua', 'expr', 'luaio', 'global', 'dkms', 'backtick', 'expand', 'define', 'sources', 'bcond'];

function hostileSpec(): string {
  return [
    `%global evil %(touch ${marker('global')})`,
    `%define payload %{lua: os.execute("touch ${marker('lua')}")}`,
    `%{lua: io.open("${marker('luaio')}", "w"):close()}`,
    `%{expand:%%(touch ${marker('expand')})}`,
    `Name: pwn%(touch ${marker('shell')})`,
    `Version: %[ 1 + %(touch ${marker('expr')}) ]`,
    'Release: 1%{?dist}',
    'Summary: %{evil} %{payload}',
    'License: MIT',
    `Source0: https://example.com/%(touch ${marker('sources')}).tar.gz`,
    `%bcond_without %(touch ${marker('bcond')})`,
    '%description',
    'x',
    '%prep',
    `%setup -q -n %(touch ${marker('define')})`,
    `%if %(touch ${marker('shell')}; echo 1)`,
    'Requires: foo',
    '%endif',
    '%build',
    `touch ${marker('shell')}`,
    '%files',
    `%{_bindir}/%(touch ${marker('shell')})`,
    '%changelog',
    '',
  ].join('\n');
}

function hostileDkms(): string {
  return [
    `PACKAGE_NAME="$(touch ${marker('dkms')})"`,
    `PACKAGE_VERSION=\`touch ${marker('backtick')}\``,
    'BUILT_MODULE_NAME[0]="x"',
    'DEST_MODULE_LOCATION[0]="/updates"',
    `MAKE[0]="touch ${marker('dkms')}; make"`,
    `PRE_BUILD="$(touch ${marker('dkms')})"`,
    '',
  ].join('\n');
}

function assertNoMarkers(stage: string): void {
  const found = MARKERS.map(marker).filter((m) => fs.existsSync(m));
  assert.deepEqual(found, [], `spec content was executed during: ${stage}`);
}

const ALL_WARNING: Record<string, SeverityOrOff> = Object.fromEntries(ALL_RULES.map((r) => [r.id, 'warning' as SeverityOrOff]));

after(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const m of MARKERS) fs.rmSync(marker(m), { force: true });
});

describe('no spec content is ever executed', () => {
  it('language service: parse, lint, fixes, every feature at every line', () => {
    const svc = createLanguageService();
    const features = discoverFeatures();
    for (const [languageId, text] of [['rpm-spec', hostileSpec()], ['dkms-conf', hostileDkms()]] as const) {
      const doc: DocumentInput = { uri: `file://${tmp}/${languageId === 'rpm-spec' ? 'pwn.spec' : 'dkms.conf'}`, languageId, version: 1, text };
      svc.parse(doc);
      const { findings } = svc.lint(doc, { rules: ALL_WARNING });
      const fixedAll = applyFixes(text, findings, 'first');
      const fixedSafe = applyFixes(text, findings, 'safe');
      svc.lint({ ...doc, version: 2, text: fixedAll }, { rules: ALL_WARNING });
      svc.lint({ ...doc, version: 3, text: fixedSafe }, { rules: ALL_WARNING });
      for (const f of features.document) callFeature(svc, f, doc);
      const lines = text.split('\n');
      for (const f of features.position) {
        for (let line = 0; line < lines.length; line++) {
          for (const character of [0, Math.floor(lines[line].length / 2), lines[line].length]) callFeature(svc, f, doc, { line, character });
        }
      }
    }
    assertNoMarkers('language service calls');
  });

  it('CLI: lint in every format', () => {
    ensureBuilt();
    fs.writeFileSync(path.join(tmp, 'pwn.spec'), hostileSpec());
    fs.mkdirSync(path.join(tmp, 'dkms'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'dkms', 'dkms.conf'), hostileDkms());
    for (const format of ['text', 'json', 'sarif']) {
      const r = spawnSync(process.execPath, [CLI_JS, 'lint', '--format', format, tmp], { encoding: 'utf8', timeout: 20_000 });
      assert.ok(r.status !== null && r.status < 3, `cli crashed (${r.status}): ${r.stderr}`);
    }
    assertNoMarkers('specwright lint');
  });

  // The server itself never executes spec content. External tools (rpmlint, rpmspec -P) do by
  // nature (rpm's spec parser expands %(…) and %{lua:…}), so the server runs them only in trusted
  // workspaces: this checks an untrusted one, where nothing may run at all.
  it('language server (untrusted workspace): open, diagnostics, code actions, completion/hover/definition/semantic tokens', async () => {
    ensureBuilt();
    const client = new LspClient();
    try {
      const init = await client.initialize(defaultCapabilities(), { trusted: false });
      const caps = init.capabilities;
      for (const [name, languageId, text] of [['pwn.spec', 'rpm-spec', hostileSpec()], ['dkms/dkms.conf', 'dkms-conf', hostileDkms()]] as const) {
        const uri = `file://${path.join(tmp, name)}`;
        const diags = client.waitForNotification<{ uri: string; diagnostics: { range: unknown }[] }>('textDocument/publishDiagnostics', (p) => p.uri === uri, 10_000);
        client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
        const { diagnostics } = await diags;
        const lines = text.split('\n');
        const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
        if (caps.codeActionProvider) await client.request('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end }, context: { diagnostics } });
        await client.request('textDocument/documentSymbol', { textDocument: { uri } });
        for (let line = 0; line < lines.length; line++) {
          const position = { line, character: Math.floor(lines[line].length / 2) };
          if (caps.completionProvider) await client.request('textDocument/completion', { textDocument: { uri }, position });
          if (caps.hoverProvider) await client.request('textDocument/hover', { textDocument: { uri }, position });
          if (caps.definitionProvider) await client.request('textDocument/definition', { textDocument: { uri }, position });
        }
        if (caps.semanticTokensProvider) await client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
      }
      await client.shutdown();
    } finally {
      client.close();
    }
    assertNoMarkers('language server requests');
  });
});

describe('the language service stays pure', () => {
  it('server/src/service/** imports no child_process, fs, net (or other process/IO modules) and never calls eval', () => {
    const root = path.resolve(__dirname, '../../../server/src/service');
    const srcRoot = fs.existsSync(root) ? root : path.resolve(process.cwd(), 'server/src/service');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of fs.readdirSync(d)) {
        const p = path.join(d, n);
        if (fs.statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(srcRoot);
    assert.ok(files.length > 10, `expected the service sources under ${srcRoot}`);
    const forbidden = /^(node:)?(child_process|fs|fs\/promises|net|tls|http|https|http2|dgram|dns|cluster|worker_threads|vm|os|process|inspector|module)$/;
    const importRe = /(?:\bimport\s+(?:type\s+)?(?:[^'"]*?\s+from\s+)?|\bexport\s+[^'"]*?\s+from\s+|\brequire\s*\(\s*|\bimport\s*\(\s*)['"]([^'"]+)['"]/g;
    const offences: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8');
      for (const m of src.matchAll(importRe)) if (forbidden.test(m[1])) offences.push(`${path.relative(srcRoot, f)}: imports ${m[1]}`);
      if (/\beval\s*\(|\bnew\s+Function\s*\(|\bprocess\.(binding|dlopen)|\bexecSync\b|\bspawn(Sync)?\s*\(/.test(src.replace(/\/\/.*$/gm, ''))) offences.push(`${path.relative(srcRoot, f)}: eval/Function/exec`);
    }
    assert.deepEqual(offences, []);
  });
});
