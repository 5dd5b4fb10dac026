// Neovim 0.7+ (Debian `neovim`) headless, built-in vim.lsp client, against node dist/server.js --stdio.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { it } from 'node:test';
import { assertProbe, exampleCopy, has, runProbe } from './probe';

it('Neovim (vim.lsp): diagnostics, completion, formatting, code lens, signature help, workspace symbols, call hierarchy, references, code actions and the chores over LSP', (t) => {
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
    // A legacy licence name (the SPDX fix) and both patches applied with the same -p (the %autosetup rewrite).
    fs.writeFileSync(
      file,
      unformatted
        .replace(/^(Requires\(preun\): dkms)$/m, '$1\n%if 0%{?suse_version}\nRequires:       kmod-compat\n%endif')
        .replace(/^License:.*$/m, 'License:        GPLv2+')
        .replace(/^(%patch0 -p1)$/m, '$1\n%patch1 -p1'),
    );
    // A second spec of the workspace, never opened: workspace symbols find it on disk.
    fs.writeFileSync(`${dir}/acme-tools.spec`, 'Name: acme-tools\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%global acme_tools_data %{_datadir}/acme\n%description\nd\n%package extra\nSummary: e\n%description extra\ne\n');
    const result = runProbe('nvim', file, blankLine, {
      LSP_SYMBOL_QUERY: 'acme',
      LSP_EXECUTE_COMMAND: 'specwright.server.bumpRelease',
      LSP_EXECUTE_ARGS_JSON: JSON.stringify({ comment: 'Probe rebuild', author: 'Probe Packager <probe@example.org>' }),
      LSP_RANGE_FORMAT_PATTERN: '^Summary:',
      LSP_CODE_ACTIONS_JSON: JSON.stringify([{ line: '^%%setup', apply: '^Replace %%setup and 2 %%patch lines' }, { line: '^License:' }]),
      LSP_MORE_COMMANDS_JSON: JSON.stringify([
        { command: 'specwright.server.addChangelogEntry', args: { comment: 'Probe entry', author: 'Probe Packager <probe@example.org>' } },
        { command: 'specwright.server.newUpstreamVersion', args: { version: '2.5.0', author: 'Probe Packager <probe@example.org>' } },
        { command: 'specwright.server.convertToRpmautospec' },
        { command: 'specwright.server.bumpRelease', args: { author: 'Probe Packager <probe@example.org>' } },
      ]),
      LSP_COMPLETE_LINE_JSON: JSON.stringify({ line: '^License:', text: 'License:        GPL-2.0-o' }),
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

    // Range formatting of the Summary line (trailing blanks): one edit, on that line only.
    assert.equal(result.range_formatting_error, undefined, `rangeFormatting failed: ${result.range_formatting_error}`);
    assert.deepEqual(result.range_formatting?.edit_lines, [result.range_formatting?.line]);
    assert.match(result.range_formatting?.new_texts?.[0] ?? '', /^Summary: +DKMS source for the ACME 802\.11ax USB Wi-Fi driver$/);

    // Code actions: %setup + 2 %patch → %autosetup (applied by Neovim), the licence's SPDX fix.
    const [setupActions, licenseActions] = result.code_actions ?? [];
    assert.equal(setupActions?.error, undefined, `codeAction failed: ${setupActions?.error}`);
    assert.equal(setupActions?.applied, 'Replace %setup and 2 %patch lines with %autosetup -p1 -n %{module}-%{version}', JSON.stringify(setupActions));
    assert.equal(setupActions?.line_after, '%autosetup -p1 -n %{module}-%{version}');
    assert.ok(licenseActions?.titles.includes('Replace with GPL-2.0-or-later'), JSON.stringify(licenseActions));

    // The other chores, one after the other: Add Changelog Entry, New Upstream Version, Convert to
    // rpmautospec (the changelog file written beside the spec), then Bump Release refused.
    const more = result.more_commands ?? [];
    assert.deepEqual(more.map((c) => c.error), [null, null, null, null], JSON.stringify(more));
    const [entry2, upstream, convert, bumpAgain] = more;
    assert.equal(entry2.result?.applied, true, JSON.stringify(entry2));
    assert.match(entry2.changelog?.[0] ?? '', / Probe Packager <probe@example\.org> - 2\.4\.1-2$/);
    assert.equal(entry2.changelog?.[1], '- Probe entry');
    assert.equal(upstream.result?.applied, true, JSON.stringify(upstream));
    assert.match(upstream.version ?? '', /^Version:\s+2\.5\.0$/);
    assert.match(upstream.release ?? '', /^Release:\s+1%\{\?dist\}$/);
    assert.deepEqual([upstream.changelog?.[0].replace(/^\* \w{3} \w{3} \d{2} \d{4} /, ''), upstream.changelog?.[1]], ['Probe Packager <probe@example.org> - 2.5.0-1', '- Update to 2.5.0']);
    assert.equal(convert.result?.applied, true, JSON.stringify(convert));
    assert.match(convert.release ?? '', /^Release:\s+%autorelease$/);
    assert.deepEqual(convert.changelog, ['%autochangelog']);
    const changelogFile = fs.readFileSync(`${dir}/changelog`, 'utf8').split('\n');
    assert.match(changelogFile[0], / - 2\.5\.0-1$/);
    assert.equal(changelogFile[1], '- Update to 2.5.0');
    assert.equal(bumpAgain.result?.applied, false);
    assert.match(bumpAgain.result?.message ?? '', /rpmautospec computes the release and the changelog from git commits/);

    // SPDX ids completed after `License: GPL-2.0-o`.
    assert.equal(result.line_completion_error, undefined);
    for (const id of ['GPL-2.0-only', 'GPL-2.0-or-later']) assert.ok(result.line_completion?.includes(id), `${id} among ${result.line_completion?.slice(0, 20).join(', ')}`);

    t.diagnostic(`incoming calls of %module: ${callers.join(', ')}`);
    t.diagnostic(`code actions on %setup: ${setupActions.titles.join(' | ')}; on License: ${licenseActions.titles.join(' | ')}`);
    t.diagnostic(`chores: ${more.map((c) => `${c.command.replace('specwright.server.', '')}: ${c.result?.message}`).join(' / ')}`);
    t.diagnostic(`code lens "${lens.title}"; signature "${result.signature_label}"; ${symbols.length} workspace symbols; bump: ${result.execute_result?.message}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('Neovim (vim.lsp): references of a macro include its uses in an %include file', (t) => {
  if (!has('nvim')) {
    t.skip('nvim is not installed (apt-get install neovim)');
    return;
  }
  // Another copy: an %include makes the declared patches uncertain, so no %autosetup rewrite there.
  const { dir, file, blankLine } = exampleCopy();
  try {
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^(Requires\(preun\): dkms)$/m, '$1\n%include acme-extra.inc'));
    fs.writeFileSync(`${dir}/acme-extra.inc`, 'Provides:       %{module}-kmod-common = %{version}\n');
    const result = runProbe('nvim', file, blankLine, { LSP_REFERENCES: '1' });
    t.diagnostic(assertProbe(result));
    assert.equal(result.references_error, undefined, `references failed: ${result.references_error}`);
    const refs = (result.references ?? []).map((r) => `${r.file}:${r.line}`);
    assert.ok(refs.includes('acme-extra.inc:0'), refs.join(', '));
    assert.ok(refs.filter((f) => f.startsWith('acme-wifi-dkms.spec:')).length > 5, refs.join(', '));
    t.diagnostic(`references of %module: ${refs.join(', ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
