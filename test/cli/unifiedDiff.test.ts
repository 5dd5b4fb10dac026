// The unified diff of --fix-dry-run: applying it with patch(1) turns the old text into the new one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { unifiedDiff } from '../../server/src/node/unifiedDiff';
import { tempDir } from './helpers';

/** A small deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('unifiedDiff', () => {
  it('is empty for equal texts and shows a missing final newline', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'f'), '');
    assert.equal(unifiedDiff('a\nb', 'a\nc', 'f'), '--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
    assert.equal(unifiedDiff('x\n', '', 'f'), '--- a/f\n+++ b/f\n@@ -1,1 +0,0 @@\n-x\n');
  });

  it('round-trips through patch(1) on 300 random pairs of texts', (t) => {
    if (spawnSync('patch', ['--version']).error) {
      t.skip('patch is not installed');
      return;
    }
    const { dir, cleanup } = tempDir();
    try {
      const rnd = random(42);
      const text = () => Array.from({ length: Math.floor(rnd() * 14) }, () => 'abc'[Math.floor(rnd() * 3)] + '\n').join('') + (rnd() < 0.3 ? 'z' : '');
      const file = path.join(dir, 'f');
      for (let i = 0; i < 300; i++) {
        const a = text();
        const b = text();
        const diff = unifiedDiff(a, b, 'f', Math.floor(rnd() * 4));
        if (a === b) {
          assert.equal(diff, '');
          continue;
        }
        fs.writeFileSync(file, a);
        const r = spawnSync('patch', ['-p1', '-s', '--no-backup-if-mismatch'], { cwd: dir, input: diff, encoding: 'utf8' });
        assert.equal(r.status, 0, `${JSON.stringify({ a, b, diff })}: ${r.stdout}${r.stderr}`);
        assert.equal(fs.readFileSync(file, 'utf8'), b, JSON.stringify({ a, b, diff }));
      }
    } finally {
      cleanup();
    }
  });

  it('stays fast on a large change (past the edit-distance bound it shows one replacement)', () => {
    const a = Array.from({ length: 20000 }, (_, i) => `line ${i}\n`).join('');
    const b = Array.from({ length: 20000 }, (_, i) => `line ${i % 2 ? i : -i}\n`).join('');
    const diff = unifiedDiff(a, b, 'f');
    // 9,999 changed lines between line 3 and line 19,999: the middle (19,997 lines) is replaced whole.
    assert.equal(diff.split('\n').filter((l) => l.startsWith('-line')).length, 19997);
    assert.equal(diff.split('\n').filter((l) => l.startsWith('+line')).length, 19997);
    assert.match(diff, /^@@ -1,20000 \+1,20000 @@$/m);
  });
});
