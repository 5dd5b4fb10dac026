// Neovim 0.7+ (Debian `neovim`) headless, built-in vim.lsp client, against node dist/server.js --stdio.
import fs from 'node:fs';
import { it } from 'node:test';
import { assertProbe, exampleCopy, has, runProbe } from './probe';

it('Neovim (vim.lsp): diagnostics are pushed and completion answers', (t) => {
  if (!has('nvim')) {
    t.skip('nvim is not installed (apt-get install neovim)');
    return;
  }
  const { dir, file, blankLine } = exampleCopy();
  try {
    t.diagnostic(assertProbe(runProbe('nvim', file, blankLine)));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
