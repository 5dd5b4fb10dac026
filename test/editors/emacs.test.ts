// Emacs 28 + eglot (Debian `emacs-nox elpa-eglot`) in batch mode, against node dist/server.js --stdio.
import fs from 'node:fs';
import { it } from 'node:test';
import { assertProbe, exampleCopy, has, runProbe } from './probe';

it('Emacs + eglot: diagnostics reach flymake and completion answers', (t) => {
  if (!has('emacs')) {
    t.skip('emacs is not installed (apt-get install emacs-nox elpa-eglot)');
    return;
  }
  const { dir, file, blankLine } = exampleCopy();
  try {
    const result = runProbe('emacs', file, blankLine);
    t.diagnostic(assertProbe(result));
    if (!(result.flymake ?? []).some((m) => m.includes('setup-not-quiet'))) throw new Error(`flymake shows the diagnostics: ${JSON.stringify(result.flymake)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
