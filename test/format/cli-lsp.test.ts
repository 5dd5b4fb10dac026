// `specwright format` and LSP formatting, against the bundled CLI and server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { LspClient, ensureBuilt } from '../helpers/lsp';
import { cli, tempDir } from '../cli/helpers';

const MESSY = 'Name:\thello  \nVersion: 1\n%description\nHi.\n%files\n/a\n\n\n';
const TIDY = 'Name:           hello\nVersion:        1\n\n%description\nHi.\n\n%files\n/a\n';

describe('specwright format', () => {
  before(() => ensureBuilt());

  it('prints the formatted text of one file', () => {
    const t = tempDir();
    try {
      fs.writeFileSync(path.join(t.dir, 'a.spec'), MESSY);
      const r = cli(['format', 'a.spec'], t.dir);
      assert.equal(r.status, 0);
      assert.equal(r.stdout, TIDY);
      assert.equal(fs.readFileSync(path.join(t.dir, 'a.spec'), 'utf8'), MESSY);
    } finally { t.cleanup(); }
  });

  it('--check lists the files that would change and exits 1; 0 when all are formatted', () => {
    const t = tempDir();
    try {
      fs.writeFileSync(path.join(t.dir, 'a.spec'), MESSY);
      fs.writeFileSync(path.join(t.dir, 'b.spec'), TIDY);
      const r = cli(['format', '--check', '.'], t.dir);
      assert.equal(r.status, 1);
      assert.equal(r.stdout, 'a.spec\n');
      assert.match(r.stderr, /1 of 2 specs would be reformatted/);
      const ok = cli(['format', '--check', 'b.spec'], t.dir);
      assert.equal(ok.status, 0);
      assert.equal(ok.stdout, '');
    } finally { t.cleanup(); }
  });

  it('--diff prints a unified diff that git apply accepts', () => {
    const t = tempDir();
    try {
      fs.writeFileSync(path.join(t.dir, 'a.spec'), MESSY);
      const r = cli(['format', '--diff', 'a.spec'], t.dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^--- a\/a\.spec\n\+\+\+ b\/a\.spec\n@@ -1,8 \+1,8 @@\n-Name:\thello {2}\n-Version: 1\n\+Name:\s{11}hello\n/);
      fs.writeFileSync(path.join(t.dir, 'p.diff'), r.stdout);
      const git = spawnSync('git', ['apply', 'p.diff'], { cwd: t.dir, encoding: 'utf8' });
      if (git.status === null) return; // git missing
      assert.equal(git.status, 0, git.stderr);
      assert.equal(fs.readFileSync(path.join(t.dir, 'a.spec'), 'utf8'), TIDY);
    } finally { t.cleanup(); }
  });

  it('--write writes changed files back and keeps the mode; a second run changes nothing', () => {
    const t = tempDir();
    try {
      const f = path.join(t.dir, 'a.spec');
      fs.writeFileSync(f, MESSY, { mode: 0o640 });
      const r = cli(['format', '--write', 'a.spec', '--mode', 'full'], t.dir);
      assert.equal(r.status, 0, r.stderr);
      assert.equal(fs.readFileSync(f, 'utf8'), TIDY);
      assert.equal(fs.statSync(f).mode & 0o777, 0o640);
      assert.deepEqual(fs.readdirSync(t.dir), ['a.spec']);
      assert.equal(cli(['format', '--check', 'a.spec'], t.dir).status, 0);
    } finally { t.cleanup(); }
  });

  it('--mode minimal and --tag-value-column', () => {
    const t = tempDir();
    try {
      fs.writeFileSync(path.join(t.dir, 'a.spec'), MESSY);
      assert.equal(cli(['format', '--mode', 'minimal', 'a.spec'], t.dir).stdout, 'Name:\thello\nVersion: 1\n%description\nHi.\n%files\n/a\n');
      assert.equal(cli(['format', '--tag-value-column=0', 'a.spec'], t.dir).stdout, TIDY.replace(/: +/g, ': '));
    } finally { t.cleanup(); }
  });

  it('specwright.json "format" applies; command-line options win; invalid entries are reported', () => {
    const t = tempDir();
    try {
      fs.mkdirSync(path.join(t.dir, 'pkg'));
      fs.writeFileSync(path.join(t.dir, 'pkg', 'a.spec'), MESSY);
      fs.writeFileSync(path.join(t.dir, 'specwright.json'), JSON.stringify({ distro: 'fedora', format: { tagValueColumn: 0 } }));
      assert.equal(cli(['format', 'pkg/a.spec'], t.dir).stdout, TIDY.replace(/: +/g, ': '));
      assert.equal(cli(['format', '--tag-value-column', '16', 'pkg/a.spec'], t.dir).stdout, TIDY);
      fs.writeFileSync(path.join(t.dir, 'specwright.json'), JSON.stringify({ format: { mode: 'minimal', tagValueColumn: 'wide', indent: true } }));
      const r = cli(['format', 'pkg/a.spec'], t.dir);
      assert.equal(r.stdout, 'Name:\thello\nVersion: 1\n%description\nHi.\n%files\n/a\n');
      assert.match(r.stderr, /specwright\.json: "format"\."tagValueColumn" must be a whole number from 0 to 80, not "wide"/);
      assert.match(r.stderr, /specwright\.json: "format": unknown setting "indent"/);
    } finally { t.cleanup(); }
  });

  it('--indent-conditionals and --indent-width', () => {
    const t = tempDir();
    try {
      fs.writeFileSync(path.join(t.dir, 'i.spec'), 'Name: a\n%if 0%{?fedora}\n%if 1\n%global x 1\n%endif\n%endif\n');
      assert.equal(cli(['format', '--indent-conditionals', '--indent-width', '4', 'i.spec'], t.dir).stdout, 'Name:           a\n%if 0%{?fedora}\n    %if 1\n        %global x 1\n    %endif\n%endif\n');
      // The same from specwright.json.
      fs.writeFileSync(path.join(t.dir, 'specwright.json'), JSON.stringify({ format: { indentConditionals: true } }));
      assert.match(cli(['format', 'i.spec'], t.dir).stdout, /\n {2}%if 1\n {4}%global x 1\n {2}%endif\n/);
      assert.match(cli(['format', '--indent-width', '9', 'i.spec'], t.dir).stderr, /--indent-width must be a whole number from 1 to 8/);
    } finally { t.cleanup(); }
  });

  it('usage errors and missing files', () => {
    assert.equal(cli(['format']).status, 2);
    const both = cli(['format', '--check', '--write', 'x.spec']);
    assert.equal(both.status, 2);
    assert.match(both.stderr, /choose one of --check, --write/);
    const bad = cli(['format', '--mode', 'tidy', 'x.spec']);
    assert.match(bad.stderr, /--mode must be full or minimal/);
    const missing = cli(['format', '--check', 'no/such.spec']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /no\/such\.spec: no such file or folder/);
  });
});

describe('LSP formatting', () => {
  let client: LspClient;
  const URI = 'file:///nonexistent-specwright-format/a.spec';
  before(async () => {
    ensureBuilt();
    client = new LspClient();
    client.configuration = { distro: 'fedora', rules: {}, format: { tagValueColumn: 12 } };
    const caps = (await client.initialize()).capabilities as Record<string, unknown>;
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
    client.notify('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'rpm-spec', version: 1, text: MESSY } });
  });
  after(() => client?.close());

  it('formats a document with the specwright.format settings', async () => {
    const edits = await client.request<{ range: { start: { line: number } }; newText: string }[]>('textDocument/formatting', { textDocument: { uri: URI }, options: { tabSize: 4, insertSpaces: true } });
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[0, 'Name:       hello'], [1, 'Version:    1'], [2, '\n%description'], [4, '\n%files'], [6, ''], [7, '']]);
  });

  it('a project specwright.json "format" wins over the editor settings', async () => {
    const t = tempDir();
    try {
      fs.writeFileSync(path.join(t.dir, 'specwright.json'), JSON.stringify({ format: { tagValueColumn: 0 } }));
      const uri = `file://${path.join(t.dir, 'b.spec')}`;
      client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: MESSY } });
      const edits = await client.request<{ range: { start: { line: number } }; newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
      // tagValueColumn 0 from specwright.json, not 12 from the settings: `Version: 1` stays.
      assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[0, 'Name: hello'], [2, '\n%description'], [4, '\n%files'], [6, ''], [7, '']]);
      client.notify('textDocument/didClose', { textDocument: { uri } });
    } finally { t.cleanup(); }
  });

  it('formats a range', async () => {
    const edits = await client.request<{ range: { start: { line: number } }; newText: string }[]>('textDocument/rangeFormatting', {
      textDocument: { uri: URI }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, options: { tabSize: 4, insertSpaces: true },
    });
    assert.deepEqual(edits.map((e) => [e.range.start.line, e.newText]), [[1, 'Version:    1']]);
  });
});
