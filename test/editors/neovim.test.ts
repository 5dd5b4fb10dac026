// Neovim 0.7+ (Debian `neovim`) headless, built-in vim.lsp client, against node dist/server.js --stdio.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';
import { assertProbe, exampleCopy, has, runProbe } from './probe';

it('Neovim (vim.lsp): diagnostics, completion, formatting, code lens, signature help, workspace symbols, call hierarchy and Bump Release over LSP', (t) => {
  if (!has('nvim')) {
    t.skip('nvim is not installed (apt-get install neovim)');
    return;
  }
  const { dir, file, blankLine } = exampleCopy();
  try {
    // Unformatted on purpose: a squeezed tag value and trailing blanks (same number of lines).
    // A %if for the code lens, after the line the completion is asked on.
    const original = fs.readFileSync(file, 'utf8');
    const unformatted = original.replace(/^Version:[ \t]+/m, 'Version: ').replace(/^(Summary:.*)$/m, '$1   ');
    fs.writeFileSync(file, unformatted.replace(/^(Requires\(preun\): dkms)$/m, '$1\n%if 0%{?suse_version}\nRequires:       kmod-compat\n%endif'));
    // A second spec of the workspace, never opened: workspace symbols find it on disk.
    fs.writeFileSync(`${dir}/acme-tools.spec`, 'Name: acme-tools\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%global acme_tools_data %{_datadir}/acme\n%description\nd\n%package extra\nSummary: e\n%description extra\ne\n');
    const result = runProbe('nvim', file, blankLine, {
      LSP_SYMBOL_QUERY: 'acme',
      LSP_EXECUTE_COMMAND: 'specwright.server.bumpRelease',
      LSP_EXECUTE_ARGS_JSON: JSON.stringify({ comment: 'Probe rebuild', author: 'Probe Packager <probe@example.org>' }),
    });
    t.diagnostic(assertProbe(result));
    // The example spec is not formatted (tag values not aligned): Neovim applies the edits, and a
    // second request on the edited buffer finds nothing left to do.
    assert.equal(result.formatting_error, undefined, `formatting failed: ${result.formatting_error}`);
    assert.ok((result.formatting_edits ?? 0) > 0, `formatting edits: ${result.formatting_edits}`);
    assert.equal(result.formatting_changed_buffer, true);
    assert.equal(result.formatting_edits_after, 0);
    t.diagnostic(`formatting: ${result.formatting_edits} edits, then ${result.formatting_edits_after}`);

    // Code lens above the %if: dead on Fedora, live on openSUSE.
    assert.equal(result.codelens_error, undefined, `codeLens failed: ${result.codelens_error}`);
    const ifLine = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.startsWith('%if 0%{?suse_version}'));
    const lens = (result.codelenses ?? []).find((l) => l.line === ifLine);
    assert.ok(lens, `a lens on line ${ifLine}: ${JSON.stringify(result.codelenses)}`);
    assert.match(lens.title ?? '', /live: openSUSE/);
    assert.match(lens.title ?? '', /dead: Fedora, RHEL, Mageia, generic rpm/);

    // Signature help after `%setup `: %setup's options.
    assert.equal(result.signature_error, undefined, `signatureHelp failed: ${result.signature_error}`);
    assert.match(result.signature_label ?? '', /^%setup\b.*-n/);
    assert.ok((result.signature_parameters ?? 0) > 2, `parameters: ${result.signature_parameters}`);

    // Workspace symbols: the open spec and the one on disk, with its subpackage and global macro.
    assert.equal(result.workspace_symbols_error, undefined, `workspace/symbol failed: ${result.workspace_symbols_error}`);
    const symbols = (result.workspace_symbols ?? []).map((s) => `${s.name}@${s.file}`);
    for (const want of ['acme-tools@acme-tools.spec', 'acme-tools-extra@acme-tools.spec', '%acme_tools_data@acme-tools.spec']) assert.ok(symbols.includes(want), `${want} among ${symbols.join(', ')}`);
    assert.ok(symbols.some((s) => s.endsWith('@acme-wifi-dkms.spec')), symbols.join(', '));

    // Call hierarchy: %module (the first %global) and the sections that use it.
    assert.equal(result.call_hierarchy_error, undefined, `call hierarchy failed: ${result.call_hierarchy_error}`);
    assert.equal(result.call_hierarchy_item, '%module');
    const callers = (result.incoming_calls ?? []).map((c) => `${c.from}×${c.count}`);
    for (const want of ['preamble×2', '%prep×1', '%install×2', '%post×4', '%preun×1', '%files×1']) assert.ok(callers.includes(want), `${want} among ${callers.join(', ')}`);

    // Bump Release over workspace/executeCommand: Neovim applies the server's workspace/applyEdit.
    assert.equal(result.execute_error, undefined, `executeCommand failed: ${result.execute_error}`);
    assert.equal(result.execute_result?.applied, true, JSON.stringify(result.execute_result));
    assert.match(result.release_after_command ?? '', /^Release:\s+2%\{\?dist\}$/);
    const [header, entry, blank] = result.changelog_after_command ?? [];
    assert.match(header, /^\* (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \w{3} \d{2} \d{4} Probe Packager <probe@example\.org> - 2\.4\.1-2$/);
    assert.equal(entry, '- Probe rebuild');
    assert.equal(blank, '');
    t.diagnostic(`incoming calls of %module: ${callers.join(', ')}`);
    t.diagnostic(`code lens "${lens.title}"; signature "${result.signature_label}"; ${symbols.length} workspace symbols; bump: ${result.execute_result?.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
