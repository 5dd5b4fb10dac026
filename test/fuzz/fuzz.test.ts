// A short seeded fuzz run (part of npm test). The long runs are `npm run fuzz -- --iterations N`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sharedDir } from '../helpers/fixtures';
import { BUILTIN_SEEDS, checkInput, loadSeeds, runFuzz } from './fuzzer';

describe('fuzz (short seeded run)', () => {
  it('built-in seeds pass every invariant unmutated', () => {
    for (const s of BUILTIN_SEEDS) assert.equal(checkInput(s.languageId, s.text).failure, undefined, s.name);
  });

  it('150 mutated inputs: no exception, ranges inside the document, fixes apply, CPU within budget', (t) => {
    const shared = sharedDir();
    if (!shared) t.diagnostic('../shared/corpus absent: fuzzing the built-in seeds only');
    const seeds = loadSeeds(shared);
    // A fixed count, not a time limit, so a busy machine cannot make the run shorter or fail it; the
    // per-input budget is CPU time with a generous constant (it catches hangs, not slowness).
    const iterations = 150;
    const report = runFuzz({ iterations, seed: 20240601, seeds, constMs: 250, maxFailures: 3 });
    const summary = report.failures
      .map((f) => `seed ${f.seed} iteration ${f.iteration} [${f.kind}] ${f.input.source} (${f.input.mutations.join(', ')})\n${f.message.split('\n').slice(0, 4).join('\n')}\nminimized:\n${JSON.stringify(f.minimized.slice(0, 2000))}\nreproduce: node scripts/fuzz.mjs --seed ${f.seed} --only ${f.iteration}`)
      .join('\n\n');
    assert.equal(report.failures.length, 0, summary);
    assert.equal(report.iterations, iterations, 'every input ran');
  });
});
