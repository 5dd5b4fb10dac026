// Running the bundled CLI (dist/cli.js) in tests.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLI_JS, REPO_ROOT } from '../helpers/lsp';

export const CLI_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'cli');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = REPO_ROOT, env?: NodeJS.ProcessEnv): CliRun {
  const r = spawnSync(process.execPath, [CLI_JS, ...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...(env ? { env } : {}) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary folder, removed by the returned cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-cli-'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A spec with two safe fixes (%setup -q, %{_bindir}) and `extra` lines of padding. */
export function fixableSpec(extra = 0): string {
  return (
    'Name: foo\nVersion: 1\nRelease: 1%{?dist}\nSummary: foo\nLicense: MIT\nURL: https://example.org\n' +
    'Source0: https://example.org/foo-1.tar.gz\n\n%description\nfoo\n' +
    '# padding\n'.repeat(extra) +
    '\n%prep\n%setup\n\n%build\n\n%install\n\n%files\n/usr/bin/foo\n\n%changelog\n'
  );
}

export interface JsonDiagnostic {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { title: string; safety?: string; edits: { range: JsonDiagnostic['range']; newText: string }[] }[];
}

export interface JsonFileReport {
  file: string;
  language: 'rpm-spec' | 'dkms-conf';
  diagnostics: JsonDiagnostic[];
  fixed?: number;
}

export interface RuleInfo {
  id: string;
  language: string;
  defaultSeverity: string;
  fixable: boolean;
  fixSafety: string;
  description: string;
  rpmlintId?: string;
  messages: Record<string, string>;
}
