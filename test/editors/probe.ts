// Runs a headless editor (Neovim's built-in LSP client, Emacs + eglot) against the built server
// (`node dist/server.js --stdio`) on a temporary copy of the example spec, and returns the one
// JSON line its probe script prints. The probes are lsp-probe.lua and eglot-probe.el next to this.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER = path.join(ROOT, 'dist', 'server.js');
const HERE = path.join(ROOT, 'test', 'editors');

export interface ProbeResult {
  ok: boolean;
  client?: string;
  error?: string;
  diagnostics_received?: boolean;
  diagnostics?: Array<{ code?: string | number; source?: string; message: string; severity?: number }>;
  completion_offered?: boolean;
  completion_labels?: string[];
  completion_error?: string;
  flymake?: string[];
  formatting_edits?: number;
  formatting_edits_after?: number;
  formatting_changed_buffer?: boolean;
  formatting_error?: string;
  codelenses?: { line: number; title: string | null }[];
  codelens_error?: string;
  signature_label?: string | null;
  signature_parameters?: number;
  signature_error?: string;
  workspace_symbols?: { name: string; kind: number; file: string }[];
  workspace_symbols_error?: string;
  call_hierarchy_item?: string | null;
  call_hierarchy_error?: string;
  incoming_calls?: { from: string; count: number }[];
  execute_result?: { applied: boolean; message: string } | null;
  execute_error?: string;
  release_after_command?: string | null;
  changelog_after_command?: string[] | null;
  range_formatting?: { line: number; edit_lines: number[]; new_texts: string[] };
  range_formatting_error?: string;
  references?: { file: string; line: number }[];
  references_error?: string;
  code_actions?: { line: number | null; titles: string[]; applied?: string; line_after?: string; error?: string }[];
  more_commands?: { command: string; error: string | null; result: { applied: boolean; message: string } | null; version: string | null; release: string | null; changelog: string[] | null }[];
  line_completion?: string[];
  line_completion_error?: string;
  timings_ms?: Record<string, number>;
}

export function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** A temp folder with a copy of the example spec (no rpmlintrc, no specwright.json around it). */
export function exampleCopy(): { dir: string; file: string; blankLine: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-editor-'));
  const file = path.join(dir, 'acme-wifi-dkms.spec');
  const text = fs.readFileSync(path.join(ROOT, 'examples', 'acme-wifi-dkms', 'acme-wifi-dkms.spec'), 'utf8');
  fs.writeFileSync(file, text);
  // completion is asked on the first blank line of the preamble (tags are expected there)
  const blankLine = text.split('\n').findIndex((l, i) => i > 5 && l.trim() === '');
  return { dir, file, blankLine };
}

export function runProbe(editor: 'nvim' | 'emacs', file: string, line: number, extraEnv: Record<string, string> = {}): ProbeResult {
  assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run node scripts/build.mjs first`);
  const env = {
    ...process.env,
    LSP_CMD_JSON: JSON.stringify([process.execPath, SERVER, '--stdio']),
    LSP_FILE: file,
    LSP_LINE: String(line),
    LSP_COL: '0',
    LSP_TIMEOUT_MS: '20000',
    LSP_TIMEOUT: '20',
    HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-editor-home-')),
    ...extraEnv,
  };
  const r =
    editor === 'nvim'
      ? spawnSync('timeout', ['90', 'nvim', '--headless', '-n', '-i', 'NONE', '-u', 'NONE', '-c', `luafile ${path.join(HERE, 'lsp-probe.lua')}`], {
          env: { ...env, LSP_FILETYPE: 'spec' },
          encoding: 'utf8',
        })
      : spawnSync('timeout', ['120', 'emacs', '--batch', '-l', path.join(HERE, 'eglot-probe.el')], { env: { ...env, LSP_LANGUAGE_ID: 'rpm-spec' }, encoding: 'utf8' });
  fs.rmSync(env.HOME, { recursive: true, force: true });
  const line1 = r.stdout.split('\n').find((l) => l.startsWith('{'));
  assert.ok(line1, `${editor} printed no JSON (exit ${r.status}, signal ${r.signal}):\n${r.stdout}\n${r.stderr.slice(-3000)}`);
  return JSON.parse(line1) as ProbeResult;
}

/** The assertions both editors share. Returns a note for the test log. */
export function assertProbe(result: ProbeResult): string {
  assert.equal(result.error, undefined, `probe error: ${result.error}`);
  assert.equal(result.diagnostics_received, true, 'diagnostics arrived');
  const codes = new Set((result.diagnostics ?? []).map((d) => String(d.code)));
  // Specwright's own findings, plus (where installed) the external tools' it merges in
  for (const d of result.diagnostics ?? []) assert.ok(['specwright', 'rpmlint', 'shellcheck', 'rpmspec'].includes(String(d.source)), `source ${d.source}`);
  // the example's known flaws (see examples/acme-wifi-dkms)
  assert.ok(codes.has('setup-not-quiet'), `setup-not-quiet among ${[...codes].join(', ')}`);
  assert.ok(codes.has('hardcoded-library-path'), `hardcoded-library-path among ${[...codes].join(', ')}`);
  let note = `${result.client}: ${result.diagnostics?.length} diagnostics`;
  if (result.completion_offered) {
    assert.equal(result.completion_error, undefined, `completion failed: ${result.completion_error}`);
    assert.ok((result.completion_labels ?? []).length > 0, 'completion returned items');
    note += `, ${result.completion_labels!.length} completion items (${result.completion_labels!.slice(0, 5).join(', ')}…)`;
  } else note += '; the server offers no completion yet: completion not checked';
  assert.equal(result.ok, true, JSON.stringify(result).slice(0, 2000));
  return note;
}
