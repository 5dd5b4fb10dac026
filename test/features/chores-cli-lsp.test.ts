// `specwright bump` and the chores over workspace/executeCommand, against the bundled CLI and server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspClient, ensureBuilt } from '../helpers/lsp';
import { cli, tempDir } from '../cli/helpers';

const SPEC = 'Name: a\nVersion: 1.0\nRelease: 3%{?dist}\nSummary: s\nLicense: MIT\n%description\nx\n%files\n\n%changelog\n* Mon Jan 05 2026 Old <o@x> - 1.0-2\n- old\n';
const WEEKDAY_DATE = /^\* (Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{2} \d{4} /;

describe('specwright bump', () => {
  before(() => ensureBuilt());

  it('bumps Release and adds an entry by --author with the comment escaped', () => {
    const t = tempDir();
    try {
      const f = path.join(t.dir, 'a.spec');
      fs.writeFileSync(f, SPEC);
      const r = cli(['bump', '--comment', 'Rebuilt 100%', '--author', 'Jane <j@x.org>', 'a.spec'], t.dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stderr, /a\.spec: Bumped the release: Release \(line 3\): 3 → 4; changelog entry added\./);
      const lines = fs.readFileSync(f, 'utf8').split('\n');
      assert.equal(lines[2], 'Release: 4%{?dist}');
      assert.match(lines[10], WEEKDAY_DATE);
      assert.match(lines[10], / Jane <j@x\.org> - 1\.0-4$/);
      assert.equal(lines[11], '- Rebuilt 100%%');
      assert.equal(lines[13], '* Mon Jan 05 2026 Old <o@x> - 1.0-2');
    } finally { t.cleanup(); }
  });

  it('--new-version sets Version and resets Release; the author comes from ~/.rpmmacros %packager, else git config', (t) => {
    const d = tempDir();
    try {
      // A scratch HOME: no ~/.gitconfig or ~/.rpmmacros of whoever runs the tests.
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: d.dir, GIT_CONFIG_NOSYSTEM: '1' };
      fs.writeFileSync(path.join(d.dir, 'a.spec'), SPEC);
      if (spawnSync('git', ['init', '-q'], { cwd: d.dir, env }).status !== 0) { t.skip('git is not installed'); return; }
      spawnSync('git', ['config', 'user.name', 'Git User'], { cwd: d.dir, env });
      spawnSync('git', ['config', 'user.email', 'git@example.org'], { cwd: d.dir, env });
      fs.writeFileSync(path.join(d.dir, '.rpmmacros'), '%packager Macro Packager <macro@example.org>\n');
      const r = cli(['bump', '--new-version', '1.1', 'a.spec'], d.dir, env);
      assert.equal(r.status, 0, r.stderr);
      const text = fs.readFileSync(path.join(d.dir, 'a.spec'), 'utf8');
      assert.match(text, /Version: 1\.1\nRelease: 1%\{\?dist\}/);
      assert.match(text, / Macro Packager <macro@example\.org> - 1\.1-1\n- Update to 1\.1\n/);
      fs.rmSync(path.join(d.dir, '.rpmmacros'));
      const again = cli(['bump', 'a.spec'], d.dir, env);
      assert.equal(again.status, 0, again.stderr);
      assert.match(fs.readFileSync(path.join(d.dir, 'a.spec'), 'utf8'), /Release: 2%\{\?dist\}[\s\S]*%changelog\n\* \w{3} \w{3} \d{2} \d{4} Git User <git@example\.org> - 1\.1-2\n- \n\n\* /);
    } finally { d.cleanup(); }
  });

  it('without any packager name it writes nothing and says where to set one (exit 2)', () => {
    const d = tempDir();
    try {
      const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: d.dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: path.dirname(d.dir) };
      fs.writeFileSync(path.join(d.dir, 'a.spec'), SPEC);
      const r = cli(['bump', 'a.spec'], d.dir, env);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /a\.spec: no packager name: set one with --author 'Name <email>' .*%packager in ~\/\.rpmmacros, or git config/);
      assert.equal(fs.readFileSync(path.join(d.dir, 'a.spec'), 'utf8'), SPEC);
    } finally { d.cleanup(); }
  });

  it('leaves an rpmautospec spec alone (exit 0) and refuses a macro Release (exit 1)', () => {
    const t = tempDir();
    try {
      const auto = SPEC.replace('3%{?dist}', '%autorelease').replace(/%changelog[\s\S]*/, '%changelog\n%autochangelog\n');
      fs.writeFileSync(path.join(t.dir, 'auto.spec'), auto);
      const r = cli(['bump', '--author', 'J <j@x>', 'auto.spec'], t.dir);
      assert.equal(r.status, 0);
      assert.match(r.stderr, /rpmautospec computes the release/);
      assert.equal(fs.readFileSync(path.join(t.dir, 'auto.spec'), 'utf8'), auto);
      fs.writeFileSync(path.join(t.dir, 'm.spec'), SPEC.replace('3%{?dist}', '%{rel}%{?dist}'));
      const m = cli(['bump', '--author', 'J <j@x>', 'm.spec'], t.dir);
      assert.equal(m.status, 1);
      assert.match(m.stderr, /no number of its own to bump/);
    } finally { t.cleanup(); }
  });
});

describe('chores over workspace/executeCommand', () => {
  let client: LspClient;
  let dir: { dir: string; cleanup: () => void };
  let uri: string;
  before(async () => {
    ensureBuilt();
    dir = tempDir();
    const file = path.join(dir.dir, 'a.spec');
    fs.writeFileSync(file, SPEC);
    uri = pathToFileURL(file).toString();
    client = new LspClient();
    client.configuration = { distro: 'fedora', rules: {}, changelog: { author: 'Set Ting <s@x.org>' } };
    const caps = (await client.initialize()).capabilities as { executeCommandProvider?: { commands: string[] } };
    assert.deepEqual(caps.executeCommandProvider?.commands, ['specwright.server.bumpRelease', 'specwright.server.addChangelogEntry', 'specwright.server.newUpstreamVersion', 'specwright.server.convertToRpmautospec']);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'rpm-spec', version: 1, text: SPEC } });
  });
  after(() => { client?.close(); dir?.cleanup(); });

  it('bump release: applies the edit through workspace/applyEdit and returns the cursor', async () => {
    const applied: unknown[] = [];
    client.onRequest('workspace/applyEdit', (params) => { applied.push(params); return { applied: true }; });
    const r = await client.request<{ applied: boolean; message: string; cursor: { line: number; character: number } }>('workspace/executeCommand', { command: 'specwright.server.bumpRelease', arguments: [{ uri }] });
    assert.equal(r.applied, true);
    assert.deepEqual(r.cursor, { line: 11, character: 2 });
    const edit = (applied[0] as { edit: { changes: Record<string, { newText: string }[]> } }).edit.changes[uri];
    assert.equal(edit[0].newText, '4');
    assert.match(edit[1].newText, /^\* \w{3} \w{3} \d{2} \d{4} Set Ting <s@x\.org> - 1\.0-4\n- \n\n$/);
    const shown = client.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message);
    assert.ok(shown.some((m) => /Bumped the release/.test(m)), shown.join('\n'));
  });

  it('convert to rpmautospec writes the changelog file beside the spec, never over one', async () => {
    client.onRequest('workspace/applyEdit', () => ({ applied: true }));
    const r = await client.request<{ applied: boolean }>('workspace/executeCommand', { command: 'specwright.server.convertToRpmautospec', arguments: [uri] });
    assert.equal(r.applied, true);
    assert.equal(fs.readFileSync(path.join(dir.dir, 'changelog'), 'utf8'), '* Mon Jan 05 2026 Old <o@x> - 1.0-2\n- old\n');
    const again = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: 'specwright.server.convertToRpmautospec', arguments: [uri] });
    assert.equal(again.applied, false);
    assert.match(again.message, /exists already/);
  });

  it('new upstream version needs a version', async () => {
    const r = await client.request<{ applied: boolean; message: string }>('workspace/executeCommand', { command: 'specwright.server.newUpstreamVersion', arguments: [{ uri }] });
    assert.equal(r.applied, false);
    assert.match(r.message, /a new version is needed/);
  });
});
