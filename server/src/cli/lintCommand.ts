// `specwright lint`: lint (and fix) every target and stream the report in the chosen format.
// One file's work is in lintFile.ts; it runs here (--jobs 1, --fix, --with, stdin, small runs)
// or on worker threads (workers.ts). Parts of the report are written in target order either way.
import fs from 'node:fs';
import type { UserMacro } from '../service/catalog/profile';
import type { Finding, LanguageId, SeverityOrOff } from '../service/types';
import { decodeText, type ReadResult } from '../node/readText';
import type { CliTool } from '../node/tools/cliTools';
import type { OutputFormat } from './args';
import { collectTargets, guessLanguage, type LintTarget } from './files';
import { summaryLine } from './formatText';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io';
import { LintCache, resolveCacheFile } from './lintCache';
import { FileLinter, type LintJob, type LintOutcome, type LinterSettings } from './lintFile';
import { addCounts, emptyCounts, ReportStream } from './output';
import { defaultJobs, lintInWorkers, tuneHeap } from './workers';

export interface LintCommandOptions {
  format: OutputFormat;
  /** Profile name: family or release (`fedora-44`). */
  distro?: string;
  /** `--define NAME=VALUE`: macros on top of the project's. */
  defines?: UserMacro[];
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
  /** `--jobs N`: worker threads (default: the number of cores). */
  jobs?: number;
  /** `--cache`, `--cache-location PATH`. */
  cache?: boolean;
  cacheLocation?: string;
  /** `--stdin-filename NAME`: the name of the text read from stdin (path `-`). */
  stdinFilename?: string;
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

/** Below this many files per thread, worker start-up costs more than it saves. */
const MIN_FILES_PER_WORKER = 25;
const PROGRESS_THRESHOLD = 200;
const PROGRESS_INTERVAL_MS = 100;

export const STDIN_PATH = '-';

export async function runLint(options: LintCommandOptions, io: CliIo): Promise<number> {
  const fromStdin = options.paths.includes(STDIN_PATH);
  const { targets, missing } = collectTargets(
    options.paths.filter((p) => p !== STDIN_PATH),
    options.language,
  );
  const stdinName = options.stdinFilename ?? '<stdin>';
  const stdinTarget: LintTarget | undefined = fromStdin ? { file: stdinName, languageId: options.language ?? guessLanguage(options.stdinFilename ?? 'stdin.spec') } : undefined;
  const all = stdinTarget ? [stdinTarget, ...targets] : targets;
  const stdinIndex = stdinTarget ? 0 : -1;
  const failures: FileFailure[] = missing.map((file) => ({ file, message: 'no such file or directory' }));

  const tools = options.with && options.with.length > 0 ? options.with : undefined;
  const settings: LinterSettings = {
    format: options.format,
    cwd: io.cwd,
    fix: options.fix,
    fixMode: options.fix ? 'write' : options.fixDryRun ? 'diff' : 'none',
    quiet: Boolean(options.quiet),
    distro: options.distro,
    ...(options.defines && options.defines.length > 0 ? { defines: options.defines } : {}),
    rules: options.rules,
    cache: Boolean(options.cache),
  };
  if (tools) settings.with = tools;

  const cache = options.cache ? new LintCache(resolveCacheFile(options.cacheLocation, io.cwd)) : undefined;
  const cacheProblem = cache?.problem;
  if (cacheProblem) io.stderr(`specwright: ${cacheProblem}\n`);

  const stdout = new BufferedOutput((t) => io.stdout(t));
  // stdout is buffered: what goes to stderr must not overtake the report parts before it.
  const stderr = (t: string) => {
    stdout.flush();
    io.stderr(t);
  };
  const report = new ReportStream(settings, (t) => stdout.write(t), settings.fixMode === 'diff');
  const counts = emptyCounts();
  const reportedConfigs = new Set<string>();
  let configError = false;
  let linted = 0;
  let warnings = 0;
  let delivered = 0;
  const progress = all.length > PROGRESS_THRESHOLD && io.stderrIsTTY;
  let progressShown = false;
  let lastProgress = 0;
  const clearProgress = () => {
    if (progressShown) stderr(`\r${' '.repeat(50)}\r`);
    progressShown = false;
  };

  const deliver = (o: LintOutcome) => {
    delivered++;
    const hasStderr = o.configErrors || o.messages.length > 0 || o.ruleErrors.length > 0 || o.fixed || o.failure;
    if (hasStderr) clearProgress();
    if (o.configErrors) {
      configError = true;
      if (!reportedConfigs.has(o.configErrors.file)) {
        reportedConfigs.add(o.configErrors.file);
        for (const e of o.configErrors.errors) stderr(`specwright: ${e}\n`);
      }
    }
    report.part(o.output);
    for (const m of o.messages) stderr(m);
    for (const e of o.ruleErrors) stderr(`${o.file}: internal error in rule ${e.rule}: ${e.error.split('\n')[0]}\n`);
    if (o.fixed && settings.fixMode === 'write') stderr(`${o.file}: fixed ${o.fixed} problem${o.fixed === 1 ? '' : 's'}\n`);
    if (o.fixed && settings.fixMode === 'diff') stderr(`${o.file}: would fix ${o.fixed} problem${o.fixed === 1 ? '' : 's'}\n`);
    if (o.failure) {
      failures.push({ file: o.file, message: o.failure });
      stderr(`${o.file}: error: ${o.failure}\n`);
    }
    if (o.linted) {
      linted++;
      warnings += o.warnings;
      addCounts(counts, o.counts);
    }
    if (cache && o.index !== stdinIndex) cache.record(o.file, o.cacheEntry);
    const now = Date.now();
    if (progress && (now - lastProgress >= PROGRESS_INTERVAL_MS || delivered === all.length)) {
      lastProgress = now;
      progressShown = true;
      stderr(`\rspecwright: ${delivered}/${all.length} files`);
    }
  };

  const makeJob = (index: number): LintJob => {
    const target = all[index];
    const job: LintJob = { index, file: target.file, languageId: target.languageId };
    if (index === stdinIndex) {
      const read = readStdin();
      if (read.ok) job.text = read.text;
      else job.unreadable = read.message;
    } else if (cache) {
      const cached = cache.lookup(target.file);
      if (cached) job.cached = cached;
    }
    return job;
  };

  // --fix rewrites files that other files are checked against (a spec and its dkms.conf), and
  // --with tools report through the main thread: both keep to one thread for a stable result.
  const requested = options.jobs ?? defaultJobs();
  const threads = settings.fixMode === 'write' || tools || fromStdin ? 1 : Math.max(1, Math.min(requested, Math.floor(all.length / MIN_FILES_PER_WORKER)));
  let missingTools = 0;
  if (threads <= 1) {
    if (all.length > PROGRESS_THRESHOLD) tuneHeap();
    const linter = new FileLinter(settings);
    for (let i = 0; i < all.length; i++) deliver(linter.lint(makeJob(i)));
    missingTools = linter.missingTools;
  } else {
    // --cache: the files at the start that the cache answers from their metadata alone are
    // answered here; workers start only for the first file that must be read (none when nothing
    // changed: starting them cost more than the whole answer).
    let first = 0;
    const local = new FileLinter(settings);
    if (cache) {
      while (first < all.length) {
        const o = local.lintFromCache(makeJob(first));
        if (!o) break;
        deliver(o);
        first++;
      }
    }
    await lintInWorkers(settings, threads, all.length, makeJob, deliver, first, local);
  }
  clearProgress();

  report.finish(failures);
  stdout.flush();
  for (const f of failures.slice(0, missing.length)) stderr(`${f.file}: error: ${f.message}\n`);
  if (cache) {
    cache.save();
    if (cache.problem && cache.problem !== cacheProblem) stderr(`specwright: ${cache.problem}\n`);
  }
  if (options.format === 'text' || options.format === 'github') stderr(summaryLine(linted, counts) + '\n');
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) stderr(`specwright: ${warnings} warning${warnings === 1 ? '' : 's'}, more than --max-warnings ${options.maxWarnings}\n`);
  if (all.length === 0 && missing.length === 0) stderr('specwright: no *.spec, *.spec.in or dkms.conf files found\n');

  if (failures.length > 0 || configError || (options.requireTools && missingTools > 0)) return EXIT_USAGE;
  return tooManyWarnings || counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * Collects report parts and writes them in blocks: one write per file (23,184 on the Fedora
 * corpus, each a system call on a pipe or file) was ~4% of a run. A block goes out when it is
 * large or has waited a while, so a long run's report still streams.
 */
class BufferedOutput {
  private chunks: string[] = [];
  private size = 0;
  private since = 0;

  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    if (text === '') return;
    if (this.chunks.length === 0) this.since = Date.now();
    this.chunks.push(text);
    this.size += text.length;
    if (this.size >= OUTPUT_BLOCK_CHARS || Date.now() - this.since >= OUTPUT_DELAY_MS) this.flush();
  }

  flush(): void {
    if (this.chunks.length === 0) return;
    const text = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.sink(text);
  }
}

const OUTPUT_BLOCK_CHARS = 64 * 1024;
const OUTPUT_DELAY_MS = 200;

function readStdin(): ReadResult {
  try {
    return decodeText(fs.readFileSync(0));
  } catch (e) {
    return { ok: false, reason: 'unreadable', message: `cannot read stdin (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
}
