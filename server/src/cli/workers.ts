// `--jobs N`: lint files on N threads: the main thread and N - 1 workers. Each worker runs this
// same bundle (dist/cli.js) with a FileLinter of its own; the main thread hands out jobs, lints
// its own share and writes the outcomes strictly in target order, so the report is the same as a
// one-thread run's. At most WINDOW_PER_THREAD jobs per thread are handed out past the first
// unwritten one: a slow file holds back only a bounded number of finished parts, which keeps
// memory flat however many files there are.
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
 * Jobs handed out per thread past the first unwritten one. A large spec (TeX Live's collections,
 * up to 1.9 MB, 0.4 s and more) holds back the report: the other threads go on up to this many
 * files (~0.2 s of work each), then wait. The parts kept meanwhile are small (~1 KB each).
 */
const WINDOW_PER_THREAD = 256;
/** Files the main thread lints between looking at the workers' messages. */
const MAIN_BATCH = 4;
/**
 * Memory. A lint leaves ~35 MB live, but V8's defaults let each isolate's heap grow to several
 * times that between full collections: two workers plus the main thread reached 520 MB on the
 * Fedora corpus. 25% heap growth steps (the language server's setting) keep each isolate near its
 * live size. The workers' young generation is 32 MB: with 12 MB (when there were two workers and
 * an idle main thread) a worker collected so often that all of Fedora with --jobs 2 took ~15%
 * more CPU (12.4 vs 10.6–10.9 s wall, 22.4 vs 19.5–19.8 s CPU; peak 270–280 vs ~300 MB; 48 and
 * 64 MB: no further gain). SPECWRIGHT_WORKER_YOUNG_MB overrides the size and
 * SPECWRIGHT_HEAP_GROWING_PERCENT the step (0 = V8's defaults), as for the server.
 */
const WORKER_YOUNG_GENERATION_MB = Number(process.env.SPECWRIGHT_WORKER_YOUNG_MB ?? '') || 32;
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

/** Lints one job; an exception becomes the file's failure instead of ending the run. */
function lintSafely(linter: FileLinter, job: LintJob): LintOutcome {
  try {
    return linter.lint(job);
  } catch (e) {
    return { index: job.index, file: job.file, output: '', linted: false, counts: emptyCounts(), warnings: 0, ruleErrors: [], messages: [], failure: `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
  }
}

/** True (and serving jobs) when this bundle was started as a lint worker. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || (workerData as { mark?: string } | null)?.mark !== WORKER_MARK) return false;
  const linter = new FileLinter((workerData as { settings: LinterSettings }).settings);
  const port = parentPort;
  port.on('message', (jobs: LintJob[]) => {
    port.postMessage(jobs.map((job) => lintSafely(linter, job)));
  });
  return true;
}

/**
 * Lints `count` jobs (made on demand by `makeJob`) on `threads` threads: this one and
 * `threads - 1` workers, and calls `deliver` with each outcome in index order (from `first` on).
 * Resolves when every outcome is delivered.
 *
 * The main thread lints too (with `local`), between answering the workers: an idle main thread
 * beside one worker per core left a core's share unused, and each worker pays its own start-up
 * and JIT warm-up. It takes small batches so that the workers' messages are answered soon; the
 * workers always have the next batch queued while it lints.
 */
export function lintInWorkers(
  settings: LinterSettings,
  threads: number,
  count: number,
  makeJob: (index: number) => LintJob,
  deliver: (outcome: LintOutcome) => void,
  /** Jobs before this index are done already. */
  first: number,
  /** This thread's linter (the caller's, which may have answered the first jobs from the cache). */
  local: FileLinter,
): Promise<void> {
  const window = threads * WINDOW_PER_THREAD;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    const finished = new Map<number, LintOutcome>();
    let nextJob = first;
    let nextDeliver = first;
    let done = false;
    /** The main thread's next step, when it waits for a worker's outcomes. */
    let waiting = false;

    const stop = (error?: Error) => {
      if (done) return;
      done = true;
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const open = () => nextJob < count && nextJob < nextDeliver + window;
    const feed = (w: Worker) => {
      while (open() && (inFlight.get(w) ?? 0) < BATCHES_PER_WORKER) {
        const batch: LintJob[] = [];
        while (batch.length < BATCH && open()) batch.push(makeJob(nextJob++));
        w.postMessage(batch);
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      }
    };
    /** Delivers what is finished in order; true when everything is. */
    const deliverReady = (): boolean => {
      for (let o = finished.get(nextDeliver); o !== undefined; o = finished.get(nextDeliver)) {
        finished.delete(nextDeliver++);
        deliver(o);
      }
      return nextDeliver >= count;
    };
    const step = () => {
      waiting = false;
      if (done) return;
      try {
        // The workers first: they get their next batch before this thread starts on its own.
        for (const w of workers) feed(w);
        if (!open()) {
          // Everything handed out (or the window is full): wait for outcomes.
          waiting = true;
          return;
        }
        for (let k = 0; k < MAIN_BATCH && open(); k++) {
          const job = makeJob(nextJob++);
          finished.set(job.index, lintSafely(local, job));
        }
        if (deliverReady()) stop();
        else setImmediate(step);
      } catch (e) {
        stop(e as Error);
      }
    };
    const onOutcomes = (w: Worker, outcomes: LintOutcome[]) => {
      inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
      for (const outcome of outcomes) finished.set(outcome.index, outcome);
      if (deliverReady()) {
        stop();
        return;
      }
      // Finished parts free window slots for every worker and for this thread.
      for (const x of workers) feed(x);
      if (waiting) {
        waiting = false;
        setImmediate(step);
      }
    };

    if (first >= count) {
      resolve();
      return;
    }
    tuneHeap();
    for (let i = 0; i < threads - 1; i++) {
      const w = new Worker(__filename, { workerData: { mark: WORKER_MARK, settings }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
      workers.push(w);
      w.on('message', (o: LintOutcome[]) => {
        try {
          onOutcomes(w, o);
        } catch (e) {
          stop(e as Error);
        }
      });
      w.on('error', (e) => stop(e));
      feed(w);
    }
    setImmediate(step);
  });
}
