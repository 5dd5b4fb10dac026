// `--jobs N`: lint files on N worker threads. Each worker runs this same bundle (dist/cli.js) with
// a FileLinter of its own; the main thread hands out jobs and writes the outcomes strictly in
// target order, so the report is the same as a one-thread run's. At most WINDOW jobs are
// handed out past the first unwritten one: a slow file holds back only a bounded number of
// finished parts, which keeps memory flat however many files there are.
import os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { FileLinter, type LintJob, type LintOutcome, type LinterSettings } from './lintFile';
import { emptyCounts } from './output';

const WORKER_MARK = 'specwright-lint-worker';
/** Jobs in flight per worker (keeps it busy while the main thread answers). */
const PER_WORKER = 4;

export function defaultJobs(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

/** True (and serving jobs) when this bundle was started as a lint worker. */
export function runWorkerIfAsked(): boolean {
  if (isMainThread || !parentPort || (workerData as { mark?: string } | null)?.mark !== WORKER_MARK) return false;
  const linter = new FileLinter((workerData as { settings: LinterSettings }).settings);
  const port = parentPort;
  port.on('message', (job: LintJob) => {
    let outcome: LintOutcome;
    try {
      outcome = linter.lint(job);
    } catch (e) {
      outcome = { index: job.index, file: job.file, output: '', linted: false, counts: emptyCounts(), warnings: 0, ruleErrors: [], messages: [], failure: `internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
    }
    port.postMessage(outcome);
  });
  return true;
}

/**
 * Lints `count` jobs (made on demand by `makeJob`) on `threads` workers and calls `deliver` with
 * each outcome in index order. Resolves when every outcome is delivered.
 */
export function lintInWorkers(
  settings: LinterSettings,
  threads: number,
  count: number,
  makeJob: (index: number) => LintJob,
  deliver: (outcome: LintOutcome) => void,
): Promise<void> {
  const window = threads * PER_WORKER * 4;
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const inFlight = new Map<Worker, number>();
    const finished = new Map<number, LintOutcome>();
    let nextJob = 0;
    let nextDeliver = 0;
    let failed = false;

    const stopAll = () => {
      for (const w of workers) void w.terminate();
    };
    const feed = (w: Worker) => {
      while (nextJob < count && (inFlight.get(w) ?? 0) < PER_WORKER && nextJob < nextDeliver + window) {
        w.postMessage(makeJob(nextJob++));
        inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
      }
    };
    const onOutcome = (w: Worker, outcome: LintOutcome) => {
      inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
      finished.set(outcome.index, outcome);
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

    for (let i = 0; i < threads; i++) {
      const w = new Worker(__filename, { workerData: { mark: WORKER_MARK, settings } });
      workers.push(w);
      w.on('message', (o: LintOutcome) => {
        try {
          onOutcome(w, o);
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
    if (count === 0) {
      stopAll();
      resolve();
    }
  });
}
