// `specwright lint`: read, lint (and fix) every target, then print in the chosen format.
import path from 'node:path';
import { URI } from 'vscode-uri';
import { createLanguageService, type LanguageService } from '../service/languageService';
import type { LintOptions } from '../service/lint';
import type { DistroId, Finding, LanguageId, SeverityOrOff } from '../service/types';
import { FsCache } from '../node/fsCache';
import { fixAll } from '../node/fixes';
import { loadFileLintContext } from '../node/lintContext';
import { readTextFile, type FileSnapshot } from '../node/readText';
import { writeFileSafely } from '../node/safeWrite';
import { unifiedDiff } from '../node/unifiedDiff';
import { CliToolSession, type CliTool } from '../node/tools/cliTools';
import type { OutputFormat } from './args';
import { collectTargets } from './files';
import { formatJson } from './formatJson';
import { formatGithub } from './formatGithub';
import { formatSarif } from './formatSarif';
import { formatText, summaryLine } from './formatText';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';

export interface LintCommandOptions {
  format: OutputFormat;
  distro?: DistroId;
  rules: Record<string, SeverityOrOff>;
  fix: boolean;
  paths: string[];
  /** `--with`: external tools to run on spec files too. */
  with?: CliTool[];
  /** `--require-tools`: a missing tool is a usage error (exit 2). */
  requireTools?: boolean;
  /** `--fix-dry-run`: print the fixes as a unified diff on stdout, write nothing. */
  fixDryRun?: boolean;
  /** `--language`: the language of the files named on the command line. */
  language?: LanguageId;
  /** `--quiet`: only error-level findings are reported. */
  quiet?: boolean;
  /** `--max-warnings N`: exit 1 when more than N warnings were found (counted before --quiet). */
  maxWarnings?: number;
}

export interface FileResult {
  /** As given on the command line or found in a given folder. */
  file: string;
  languageId: LanguageId;
  findings: Finding[];
  /** Fixes applied by --fix. */
  fixed?: number;
  ruleErrors: { rule: string; error: string }[];
}

/** A file that could not be linted (read or write failure). */
export interface FileFailure {
  file: string;
  message: string;
}

const PROGRESS_THRESHOLD = 200;

export function runLint(options: LintCommandOptions, io: CliIo): number {
  const { targets, missing } = collectTargets(options.paths, options.language);
  const failures: FileFailure[] = missing.map((file) => ({ file, message: 'no such file or directory' }));
  const service = createLanguageService();
  const cache = new FsCache();
  const results: FileResult[] = [];
  const diffs: string[] = [];
  const reportedConfigs = new Set<string>();
  let configError = false;
  const progress = targets.length > PROGRESS_THRESHOLD && io.stderrIsTTY;
  const tools = options.with && options.with.length > 0 ? new CliToolSession(options.with, (m) => io.stderr(m)) : undefined;

  targets.forEach((target, i) => {
    if (progress && i % 20 === 0) io.stderr(`\rspecwright: ${i}/${targets.length} files`);
    const read = readTextFile(target.file);
    if (!read.ok) {
      failures.push({ file: target.file, message: read.message });
      return;
    }
    const context = loadFileLintContext(target.file, target.languageId, { cache });
    if (context.config && context.config.errors.length > 0) {
      configError = true;
      if (!reportedConfigs.has(context.config.file)) {
        reportedConfigs.add(context.config.file);
        for (const e of context.config.errors) io.stderr(`specwright: ${e}\n`);
      }
    }
    const lintOptions: LintOptions = {
      distro: options.distro ?? context.config?.config.distro ?? 'fedora',
      rules: { ...context.config?.config.rules, ...options.rules },
      related: context.related,
      rpmlintFilters: context.rpmlintFilters,
    };
    const result = lintFile(service, target.file, target.languageId, read, lintOptions, options.fix ? 'write' : options.fixDryRun ? 'diff' : 'none', failures);
    if (result.diff) diffs.push(result.diff);
    if (tools && target.languageId === 'rpm-spec') {
      const external = tools.findings(target.file, result.text, result.findings);
      if (external.length > 0) {
        result.findings = [...result.findings, ...external].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      }
    }
    results.push({ file: target.file, languageId: target.languageId, findings: result.findings, ruleErrors: result.ruleErrors, fixed: result.fixed });
    service.forget(URI.file(path.resolve(target.file)).toString());
  });
  if (progress) io.stderr(`\r${' '.repeat(40)}\r`);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (options.quiet) for (const r of results) r.findings = r.findings.filter((f) => f.severity === 'error');

  if (options.fixDryRun) io.stdout(diffs.join(''));
  else switch (options.format) {
    case 'json':
      io.stdout(formatJson(results, options.fix) + '\n');
      break;
    case 'sarif':
      io.stdout(formatSarif(results, failures, io.cwd) + '\n');
      break;
    case 'github':
      io.stdout(formatGithub(results, failures, io.cwd));
      break;
    default:
      io.stdout(formatText(results));
  }
  for (const r of results) {
    for (const e of r.ruleErrors) io.stderr(`${r.file}: internal error in rule ${e.rule}: ${e.error.split('\n')[0]}\n`);
    if (options.fix && r.fixed) io.stderr(`${r.file}: fixed ${r.fixed} problem${r.fixed === 1 ? '' : 's'}\n`);
    if (options.fixDryRun && r.fixed) io.stderr(`${r.file}: would fix ${r.fixed} problem${r.fixed === 1 ? '' : 's'}\n`);
  }
  for (const f of failures) io.stderr(`${f.file}: error: ${f.message}\n`);
  if (options.format === 'text' || options.format === 'github') io.stderr(summaryLine(results) + '\n');
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.stderr(`specwright: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
  if (targets.length === 0 && missing.length === 0) io.stderr('specwright: no *.spec, *.spec.in or dkms.conf files found\n');

  if (failures.length > 0 || configError || (options.requireTools && tools && tools.missing.size > 0)) return EXIT_USAGE;
  return tooManyWarnings || results.some((r) => r.findings.some((f) => f.severity === 'error')) ? EXIT_FINDINGS : EXIT_OK;
}

function lintFile(
  service: LanguageService,
  file: string,
  languageId: LanguageId,
  read: { text: string; snapshot?: FileSnapshot },
  lintOptions: LintOptions,
  fix: 'none' | 'write' | 'diff',
  failures: FileFailure[],
): Omit<FileResult, 'file' | 'languageId'> & { text: string; diff?: string } {
  const text = read.text;
  const uri = URI.file(path.resolve(file)).toString();
  let version = 1;
  const lint = (t: string) => service.lint({ uri, languageId, version: version++, text: t }, lintOptions);
  if (fix === 'none') {
    const r = lint(text);
    return { findings: r.findings, ruleErrors: r.ruleErrors, text };
  }
  const fixedResult = fixAll(text, (t) => lint(t).findings);
  let fixed = 0;
  let finalText = text;
  if (fix === 'diff') {
    const r = lint(fixedResult.text);
    return { findings: r.findings, ruleErrors: r.ruleErrors, fixed: fixedResult.fixed, text: fixedResult.text, diff: unifiedDiff(text, fixedResult.text, file) };
  }
  if (fixedResult.text !== text) {
    const written = read.snapshot
      ? writeFileSafely(file, fixedResult.text, read.snapshot)
      : ({ ok: false, reason: 'io', message: 'the file was not read from disk' } as const);
    if (written.ok) {
      fixed = fixedResult.fixed;
      finalText = fixedResult.text;
    } else {
      failures.push({ file, message: `fixes not written: ${written.message}` });
    }
  }
  const r = lint(finalText);
  return { findings: r.findings, ruleErrors: r.ruleErrors, fixed, text: finalText };
}
