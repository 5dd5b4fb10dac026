// `specwright lint --fix` over every corpus spec: fixing must never break a file. After the fix,
// no file may have a syntax-level finding it did not have before, and a second --fix run must
// find nothing left to fix with the same rules (the fixes converge).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';
import { ensureBuilt } from '../helpers/lsp';
import { cli, tempDir, type JsonFileReport } from './helpers';

/** Findings that mean the file no longer parses the way rpm reads it. */
const SYNTAX_RULES = /^spec-(unclosed-if|stray-conditional|unclosed-macro|unknown-tag|unknown-section|malformed-definition|missing-required-tag|missing-description|duplicate-tag)$/;

function syntaxFindings(reports: JsonFileReport[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of reports) {
    const name = path.basename(r.file);
    out.set(name, r.diagnostics.filter((d) => SYNTAX_RULES.test(d.rule)).map((d) => `${d.rule}: ${d.message}`).sort());
  }
  return out;
}

describe('--fix on the shared corpus', () => {
  const shared = sharedDir();
  before(() => ensureBuilt());

  it('never introduces a syntax problem, and converges', { skip: shared ? false : SHARED_MISSING, timeout: 300_000 }, () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const sub of ['spec', 'rpmlint-tests']) {
        const from = path.join(shared!, 'corpus', sub);
        const to = path.join(dir, sub);
        fs.mkdirSync(to);
        for (const name of fs.readdirSync(from)) {
          fs.copyFileSync(path.join(from, name), path.join(to, name));
          // The shared corpus may be read-only, and --fix leaves read-only files alone (even as root).
          fs.chmodSync(path.join(to, name), 0o644);
        }
      }
      const lint = () => {
        const r = cli(['lint', '--format', 'json', dir]);
        assert.ok(r.status === 0 || r.status === 1, r.stderr.slice(0, 2000));
        return JSON.parse(r.stdout) as JsonFileReport[];
      };
      const before = syntaxFindings(lint());
      const fixRun = cli(['lint', '--fix', '--format', 'json', dir]);
      assert.ok(fixRun.status === 0 || fixRun.status === 1, fixRun.stderr.slice(0, 2000));
      const afterReports = lint();
      const after = syntaxFindings(afterReports);
      const broken: string[] = [];
      for (const [file, findings] of after) {
        const was = new Set(before.get(file) ?? []);
        for (const f of findings) if (!was.has(f)) broken.push(`${file}: ${f}`);
      }
      assert.deepEqual(broken, [], 'a fix broke the structure of a file');
      const changed = fs.readdirSync(path.join(dir, 'spec')).filter((n) => fs.readFileSync(path.join(dir, 'spec', n), 'utf8') !== fs.readFileSync(path.join(shared!, 'corpus', 'spec', n), 'utf8'));
      assert.ok(changed.length > 50, `expected --fix to change many corpus files, changed ${changed.length}`);
      // Safe fixes converge: after one --fix run, none is left to apply.
      const remaining = afterReports.flatMap((r) => r.diagnostics.filter((d) => d.fixes.some((f) => (f as { safety?: string }).safety === 'safe')).map((d) => `${path.basename(r.file)}: ${d.rule}`));
      assert.deepEqual(remaining.slice(0, 20), [], 'safe fixes left after --fix');
    } finally {
      cleanup();
    }
  });
});
