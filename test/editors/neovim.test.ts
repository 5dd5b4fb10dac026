// Neovim 0.7+ (Debian `neovim`) headless, built-in vim.lsp client, against node dist/server.js --stdio.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';
import { assertProbe, exampleCopy, has, runProbe } from './probe';

it('Neovim (vim.lsp): diagnostics are pushed, completion answers, formatting applies and is stable', (t) => {
  if (!has('nvim')) {
    t.skip('nvim is not installed (apt-get install neovim)');
    return;
  }
  const { dir, file, blankLine } = exampleCopy();
  try {
    // Unformatted on purpose: a squeezed tag value and trailing blanks (same number of lines).
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^Version:[ \t]+/m, 'Version: ').replace(/^(Summary:.*)$/m, '$1   '));
    const result = runProbe('nvim', file, blankLine);
    t.diagnostic(assertProbe(result));
    // The example spec is not formatted (tag values not aligned): Neovim applies the edits, and a
    // second request on the edited buffer finds nothing left to do.
    assert.equal(result.formatting_error, undefined, `formatting failed: ${result.formatting_error}`);
    assert.ok((result.formatting_edits ?? 0) > 0, `formatting edits: ${result.formatting_edits}`);
    assert.equal(result.formatting_changed_buffer, true);
    assert.equal(result.formatting_edits_after, 0);
    t.diagnostic(`formatting: ${result.formatting_edits} edits, then ${result.formatting_edits_after}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
