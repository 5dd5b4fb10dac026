// `--jobs N`: lint files on N worker threads. Each worker runs this same bundle (dist/cli.js) with
// a FileLinter of its own; the main thread hands out jobs and writes the outcomes strictly in
// target order, so the report is the same as a one-thread run's. At most WINDOW jobs are
// handed out past the first unwritten one: a slow file holds back only a bounded number of
// finished parts, which keeps memory flat however many files there are.
import os from 'node:os';
import v8 from 'node:v8';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FileLinter, type LintJob, type LintOutcome, type LinterSettings } from './lintFile';
import { emptyCounts } from './output';

const WORKER_MARK = 'specwright-lint-worker';
/**
 * Jobs go out and outcomes come back in batches: one message per file made each worker and the
 * main thread wake each other 46,000 times on the Fedora corpus, a measurable share of the CPU
 * time. Two batches in flight per worker keep it busy while the main thread answers.
 */
const BATCH = 8;
const BATCHES_PER_WORKER = 2;
/**
 * Memory. A lint leaves ~35 MB live, but V8's defaults let each isolate's heap grow to several
 * times that between full collections and keep 16 MB semi-spaces: two workers plus the main
 * thread reached 520 MB on the Fedora corpus. A smaller young generation and 25% heap growth
 * steps (the language server's setting) keep each worker near its live size, at a few % of CPU.
 * SPECWRIGHT_HEAP_GROWING_PERCENT overrides the step (0 = V8's defaults), as for the server.
 */
const WORKER_YOUNG_GENERATION_MB = Number(process.env.SPECWRIGHT_WORKER_YOUNG_MB ?? '') || 12;
const HEAP_GROWING_PERCENT = 25;

/** Applies the heap growth step to the whole process (every isolate reads it at its next full collection). */
export function tuneHeap(): void {
  const env = process.env.SPECWRIGHT_HEAP_GROWING_PERCENT;
  const percent = env !== undefined && /^\d+$/.test(env) ? Number(env) : HEAP_GROWING_PERCENT;
  if (percent > 0) v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** True (and serving jobs) when this bundle was started as a lint worker. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || (workerData as { mark?: string } | null)?.mark !== WORKER_MARK) return false;
  const linter = new FileLinter((workerData as { settings: LinterSettings }).settings);
  const port = parentPort;
  port.on('message', (jobs: LintJob[]) => {
    const outcomes = jobs.map((job): LintOutcome => {
      try {
        return linter.lint(job);
      } catch (e) {
        return { index: job.index, file: job.file, output: '', linted: false, counts: emptyCounts(), warnings: 0, ruleErrors: [], messages: [], failure: `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
      }
    });
    port.postMessage(outcomes);
  });
  return true;
}

/**
 * Lints `count` jobs (made on demand by `makeJob`) on `threads` workers and calls `deliver` with
 * each outcome in index order (from `first` on). Resolves when every outcome is delivered.
 */
export function lintInWorkers(
  settings: LinterSettings,
  threads: number,
  count: number,
  makeJob: (index: number) => LintJob,
  deliver: (outcome: LintOutcome) => void,
  /** Jobs before this index are done already. */
  first = 0,
): Promise<void> {
  const window = threads * BATCH * BATCHES_PER_WORKER * 4;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    const finished = new Map<number, LintOutcome>();
    let nextJob = first;
    let nextDeliver = first;
    let failed = false;

    const stopAll = () => {
      for (const w of workers) void w.terminate();
    };
    const feed = (w: Worker) => {
      while (nextJob < count && (inFlight.get(w) ?? 0) < BATCHES_PER_WORKER && nextJob < nextDeliver + window) {
        const batch: LintJob[] = [];
        while (batch.length < BATCH && nextJob < count && nextJob < nextDeliver + window) batch.push(makeJob(nextJob++));
        w.postMessage(batch);
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      }
    };
    const onOutcomes = (w: Worker, outcomes: LintOutcome[]) => {
      inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
      for (const outcome of outcomes) finished.set(outcome.index, outcome);
      let progressed = false;
      for (let o = finished.get(nextDeliver); o !== undefined; o = finished.get(nextDeliver)) {
        finished.delete(nextDeliver++);
        deliver(o);
        progressed = true;
      }
      if (nextDeliver >= count) {
        stopAll();
        resolve();
        return;
      }
      // Finished parts free window slots for every worker, not just this one.
      if (progressed) for (const x of workers) feed(x);
      else feed(w);
    };

    if (first >= count) {
      resolve();
      return;
    }
    tuneHeap();
    for (let i = 0; i < threads; i++) {
      const w = new Worker(__filename, { workerData: { mark: WORKER_MARK, settings }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(w);
      w.on('message', (o: LintOutcome[]) => {
        try {
          onOutcomes(w, o);
        } catch (e) {
          failed = true;
          stopAll();
          reject(e as Error);
        }
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        stopAll();
        reject(e);
      });
      feed(w);
    }
  });
}
