// The CLI over the whole shared corpus (~650 real spec and dkms.conf files): it must finish,
// print valid JSON with one entry per file, and exit 0 or 1.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { languageFromFileName } from '../../server/src/service/languageService';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';
import { ensureBuilt } from '../helpers/lsp';
import { cli, type JsonFileReport } from './helpers';

function countLintable(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...countLintable(p));
    else if (/\.spec(\.in)?$/.test(e.name) || e.name === 'dkms.conf' || languageFromFileName(e.name)) out.push(p);
  }
  return out;
}

describe('CLI on the shared corpus', () => {
  const shared = sharedDir();
  before(() => ensureBuilt());

  it('lints every corpus file to valid JSON', { skip: shared ? false : SHARED_MISSING, timeout: 120_000 }, () => {
    const corpus = path.join(shared!, 'corpus');
    const expected = countLintable(corpus).sort();
    assert.ok(expected.length > 500, `corpus has ${expected.length} files`);
    const r = cli(['lint', '--format', 'json', corpus]);
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}\n${r.stderr.slice(0, 4000)}`);
    const reports = JSON.parse(r.stdout) as JsonFileReport[];
    assert.deepEqual(reports.map((x) => x.file).sort(), expected);
    for (const report of reports) {
      assert.ok(report.language === 'rpm-spec' || report.language === 'dkms-conf');
      assert.ok(Array.isArray(report.diagnostics));
    }
    // No rule may throw on real files.
    assert.doesNotMatch(r.stderr, /internal error in rule/);
  });
});
