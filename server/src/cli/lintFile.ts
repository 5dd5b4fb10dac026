// Linting one target of `specwright lint`: read it, load its context (specwright.json, related
// files, rpmlintrc), answer from the cache or lint (and fix), and format its part of the report.
// The same code runs on the main thread (--jobs 1) and on worker threads (workers.ts), so a
// parallel run prints exactly what a one-thread run prints.
import path from 'node:path';
import { URI } from 'vscode-uri';
import { createLanguageService, type LanguageService } from '../service/languageService';
import type { LintOptions } from '../service/lint';
import type { Finding, LanguageId, SeverityOrOff } from '../service/types';
import type { UserMacro } from '../service/catalog/profile';
import { projectProfile } from '../node/config';
import { FsCache } from '../node/fsCache';
import { fixAll } from '../node/fixes';
import { loadFileLintContext, type FileLintContext } from '../node/lintContext';
import { readTextFile, statFile, type FileSnapshot } from '../node/readText';
import { writeFileSafely } from '../node/safeWrite';
import { unifiedDiff } from '../node/unifiedDiff';
import { CliToolSession, type CliTool } from '../node/tools/cliTools';
import { cacheKey, fileMetadata, optionsJson, type CachedResult } from './lintCache';
import type { FileResult } from './lintCommand';
import { countFindings, emptyCounts, formatFilePart, type FindingCounts, type FormatSettings } from './output';

/** Settings of a run that every file shares; plain data (sent to worker threads). */
export interface LinterSettings extends FormatSettings {
  /** Profile name (family or release); absent: specwright.json's, else fedora. */
  distro?: string;
  /** `--define`: macros on top of the project's. */
  defines?: UserMacro[];
  rules: Record<string, SeverityOrOff>;
  /** `--with`: external tools to run on spec files too (main thread only). */
  with?: CliTool[];
  /** --cache: compute cache keys and accept cached results. */
  cache: boolean;
  /** --fix writes the fixed text; --fix-dry-run prints the fixes as a diff instead of the report. */
  fixMode: 'none' | 'write' | 'diff';
  /** --quiet: only error-level findings are reported. */
  quiet: boolean;
}

export interface LintJob {
  /** Position in the target list: parts are written in this order. */
  index: number;
  file: string;
  languageId: LanguageId;
  /** The text, when it does not come from the file (stdin). */
  text?: string;
  /** Why the text could not be read (stdin). */
  unreadable?: string;
  /** This file's entry in the cache of the previous run, if any. */
  cached?: CachedResult;
}

export interface LintOutcome {
  index: number;
  file: string;
  /** The file's part of the report. */
  output: string;
  /** Findings in the report (after --quiet). */
  counts: FindingCounts;
  /** Warnings before --quiet (for --max-warnings). */
  warnings: number;
  /** The file was read and linted (its findings are in the report). */
  linted: boolean;
  /** Read or write failure. */
  failure?: string;
  /** Problems in the specwright.json that applies (printed once per config file). */
  configErrors?: { file: string; errors: string[] };
  ruleErrors: { rule: string; error: string }[];
  /** Fixes applied by --fix. */
  fixed?: number;
  /** Lines for stderr (external tools' problems). */
  messages: string[];
  /** The entry to store for the next run (--cache, no rule error). */
  cacheEntry?: CachedResult;
  /** Answered from the cache. */
  fromCache?: boolean;
}

export class FileLinter {
  private readonly service: LanguageService = createLanguageService();
  private readonly fsCache = new FsCache();
  private readonly tools?: CliToolSession;
  private messages: string[] = [];

  constructor(private readonly settings: LinterSettings) {
    if (settings.with && settings.with.length > 0) this.tools = new CliToolSession(settings.with, (m) => this.messages.push(m));
  }

  /** Tools given with --with that were not found. */
  get missingTools(): number {
    return this.tools?.missing.size ?? 0;
  }

  lint(job: LintJob): LintOutcome {
    return this.run(job, false)!;
  }

  /**
   * The outcome when --cache can answer from the file's metadata alone (size, times, options),
   * without reading or linting it; undefined otherwise. A run whose files are all unchanged
   * needs no worker threads.
   */
  lintFromCache(job: LintJob): LintOutcome | undefined {
    return this.run(job, true);
  }

  private run(job: LintJob, onlyFromCache: boolean): LintOutcome | undefined {
    this.messages = [];
    const outcome: LintOutcome = { index: job.index, file: job.file, output: '', linted: false, counts: emptyCounts(), warnings: 0, ruleErrors: [], messages: this.messages };
    let options: { context: FileLintContext; lintOptions: LintOptions } | undefined;
    const optionsOf = () => (options ??= this.optionsFor(job));
    let json: string | undefined;
    const jsonOf = () => (json ??= optionsJson(optionsOf().lintOptions));
    const fixing = this.settings.fixMode !== 'none';
    const fromDisk = job.text === undefined && job.unreadable === undefined;

    // --cache: a file whose size, times and options are those of its entry is not read again.
    if (this.settings.cache && !fixing && fromDisk && job.cached && job.cached.meta !== '') {
      const stat = statFile(job.file);
      if (stat && fileMetadata(stat, jsonOf()) === job.cached.meta) {
        const findings = JSON.parse(job.cached.findings) as Finding[];
        outcome.fromCache = true;
        outcome.cacheEntry = job.cached;
        return this.finish(outcome, { file: job.file, languageId: job.languageId, findings, ruleErrors: [] }, '', optionsOf().context);
      }
    }
    if (onlyFromCache) return undefined;

    const read =
      job.unreadable !== undefined
        ? { ok: false as const, message: job.unreadable }
        : job.text !== undefined
          ? { ok: true as const, text: job.text }
          : readTextFile(job.file);
    if (!read.ok) {
      outcome.failure = read.message;
      return outcome;
    }
    const { context, lintOptions } = optionsOf();

    let result: FileResult | undefined;
    let diff = '';
    const key = this.settings.cache ? cacheKey(read.text, jsonOf()) : undefined;
    // The metadata of what was read, for the next run's shortcut (none for stdin or after --fix).
    const meta = key !== undefined && read.snapshot && !fixing ? fileMetadata(read.snapshot, jsonOf()) : '';
    // When fixing, a cached result is good only when there was nothing to fix.
    if (key !== undefined && job.cached?.key === key) {
      const findings = JSON.parse(job.cached.findings) as Finding[];
      if (!fixing || !findings.some((f) => f.fixes.some((x) => x.safety === 'safe'))) {
        result = { file: job.file, languageId: job.languageId, findings, ruleErrors: [], ...(fixing ? { fixed: 0 } : {}) };
        outcome.fromCache = true;
        outcome.cacheEntry = { ...job.cached, meta };
      }
    }
    if (!result) {
      const linted = this.lintText(job, read, lintOptions);
      if (linted.failure) outcome.failure = linted.failure;
      if (linted.diff) diff = linted.diff;
      result = { file: job.file, languageId: job.languageId, ...linted.result };
      if (this.tools && job.languageId === 'rpm-spec') {
        const external = this.tools.findings(job.file, linted.finalText, result.findings);
        if (external.length > 0) {
          result.findings = [...result.findings, ...external].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        }
      }
      if (key !== undefined && result.ruleErrors.length === 0 && !this.tools && this.settings.fixMode !== 'diff') {
        // After --fix the file holds the fixed text: the entry is keyed by that.
        const finalKey = linted.finalText !== read.text ? cacheKey(linted.finalText, jsonOf()) : key;
        outcome.cacheEntry = { key: finalKey, meta: linted.finalText !== read.text ? '' : meta, findings: JSON.stringify(result.findings) };
      }
    }
    return this.finish(outcome, result, diff, context);
  }

  /** The file's context (specwright.json, related files, rpmlintrc) and the options it gives. */
  private optionsFor(job: LintJob): { context: FileLintContext; lintOptions: LintOptions } {
    const context = loadFileLintContext(job.file, job.languageId, { cache: this.fsCache });
    const lintOptions: LintOptions = {
      distro: projectProfile(context.config?.config, this.settings.distro, 'fedora', this.settings.defines),
      rules: { ...context.config?.config.rules, ...this.settings.rules },
      related: context.related,
      rpmlintFilters: context.rpmlintFilters,
    };
    return { context, lintOptions };
  }

  /** Fills in the outcome of a linted (or cached) file and formats its part of the report. */
  private finish(outcome: LintOutcome, result: FileResult, diff: string, context: FileLintContext): LintOutcome {
    if (context.config && context.config.errors.length > 0) outcome.configErrors = { file: context.config.file, errors: context.config.errors };
    outcome.linted = true;
    outcome.ruleErrors = result.ruleErrors;
    if (result.fixed !== undefined) outcome.fixed = result.fixed;
    outcome.warnings = result.findings.filter((f) => f.severity === 'warning').length;
    if (this.settings.quiet) result.findings = result.findings.filter((f) => f.severity === 'error');
    outcome.counts = countFindings(result);
    outcome.output = this.settings.fixMode === 'diff' ? diff : formatFilePart(result, this.settings);
    return outcome;
  }

  private lintText(
    job: LintJob,
    read: { text: string; snapshot?: FileSnapshot },
    lintOptions: LintOptions,
  ): { result: Omit<FileResult, 'file' | 'languageId'>; finalText: string; failure?: string; diff?: string } {
    const text = read.text;
    const uri = URI.file(path.resolve(job.file)).toString();
    let version = 1;
    const lint = (t: string) => this.service.lint({ uri, languageId: job.languageId, version: version++, text: t }, lintOptions);
    try {
      if (this.settings.fixMode === 'none') {
        const r = lint(text);
        return { result: { findings: r.findings, ruleErrors: r.ruleErrors }, finalText: text };
      }
      const fixedResult = fixAll(text, (t) => lint(t).findings);
      if (this.settings.fixMode === 'diff') {
        const r = lint(fixedResult.text);
        return {
          result: { findings: r.findings, ruleErrors: r.ruleErrors, fixed: fixedResult.fixed },
          finalText: fixedResult.text,
          diff: unifiedDiff(text, fixedResult.text, job.file),
        };
      }
      let fixed = 0;
      let finalText = text;
      let failure: string | undefined;
      if (fixedResult.text !== text) {
        const written = read.snapshot
          ? writeFileSafely(job.file, fixedResult.text, read.snapshot)
          : ({ ok: false, reason: 'io', message: 'the file was not read from disk' } as const);
        if (written.ok) {
          fixed = fixedResult.fixed;
          finalText = fixedResult.text;
        } else {
          failure = `fixes not written: ${written.message}`;
        }
      }
      const r = lint(finalText);
      return { result: { findings: r.findings, ruleErrors: r.ruleErrors, fixed }, finalText, ...(failure ? { failure } : {}) };
    } finally {
      this.service.forget(uri);
    }
  }
}
