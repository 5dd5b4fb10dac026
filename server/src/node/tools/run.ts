// The one way Specwright runs an external program (rpmlint, shellcheck, rpmspec).
//
// - No shell: the program and an argument array go to spawn(); file names are never
//   interpolated into a command line.
// - Nothing runs when the workspace is untrusted or the program path is empty.
// - A timeout kills the whole process group (rpmspec may start shells for `%(…)`).
// - Cancellation through an AbortSignal (the document changed, a newer run started).
// - Output is capped (stdout + stderr): past the cap the process is killed and the result
//   says `truncated`.
// - Input through stdin, or through files written into a fresh mkdtemp directory that is
//   removed afterwards.
// - A missing program is a result (`not-found`), never an exception.
//
// ToolRunner adds one running job per key (a document + a tool): a newer job cancels the older
// one. The CLI uses runToolSync, which shares the invocation format and the result type.
import { spawn as nodeSpawn, spawnSync as nodeSpawnSync, type ChildProcess, type SpawnOptions, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;

export interface TempFile {
  /** A plain file name (no directory part); written into the temporary directory. */
  name: string;
  text: string;
}

export interface ToolInvocation {
  /** Program name (looked up in PATH) or absolute path: from a machine-scoped setting only. */
  command: string;
  /** Arguments; a function receives the temporary directory when `tempFiles` are given. */
  args: string[] | ((tempDir: string | undefined) => string[]);
  stdin?: string;
  tempFiles?: TempFile[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  maxOutputBytes?: number;
}

interface Output {
  stdout: string;
  stderr: string;
}

export type ToolResult =
  | ({ status: 'exited'; exitCode: number | null; signal: string | null } & Output)
  /** The program was not found (ENOENT). */
  | { status: 'not-found'; message: string }
  /** Untrusted workspace or empty program path: nothing was started. */
  | { status: 'refused'; message: string }
  | ({ status: 'timeout'; message: string } & Output)
  | ({ status: 'truncated'; message: string } & Output)
  | { status: 'cancelled' }
  /** Could not start (permissions…) or could not write the temporary files. */
  | { status: 'failed'; message: string };

export type SpawnFunction = (command: string, args: string[], options: SpawnOptions) => ChildProcess;
export type SpawnSyncFunction = (command: string, args: string[], options: SpawnSyncOptions) => SpawnSyncReturns<Buffer>;

export interface RunOptions {
  /** false: refuse without starting anything. */
  trusted: boolean;
  signal?: AbortSignal;
  /** Injectable for tests (count spawns, fake programs). */
  spawn?: SpawnFunction;
}

function refusal(inv: ToolInvocation, trusted: boolean): ToolResult | undefined {
  if (!trusted) return { status: 'refused', message: 'the workspace is not trusted' };
  if (inv.command.trim() === '') return { status: 'refused', message: 'the program path is empty' };
  return undefined;
}

function safeName(name: string): string {
  const base = path.basename(name);
  return base === '' || base === '.' || base === '..' ? 'input' : base;
}

/** Creates the temporary directory and files; undefined when none are wanted. */
function writeTempFiles(files: TempFile[] | undefined): string | undefined {
  if (!files || files.length === 0) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-'));
  try {
    for (const f of files) fs.writeFileSync(path.join(dir, safeName(f.name)), f.text, 'utf8');
  } catch (e) {
    removeDir(dir);
    throw e;
  }
  return dir;
}

function removeDir(dir: string | undefined): void {
  if (!dir) return;
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // best effort: a leftover file in the temp directory is not worth failing for
  }
}

/** The working directory if it exists (else the temp directory: ENOENT must mean "no such program"). */
function workingDir(cwd: string | undefined): string | undefined {
  if (cwd === undefined) return undefined;
  try {
    if (fs.statSync(cwd).isDirectory()) return cwd;
  } catch {
    // gone or never there (an unsaved document's folder)
  }
  return os.tmpdir();
}

function notFound(command: string): ToolResult {
  return { status: 'not-found', message: `'${command}' was not found (install it or set its path in the settings)` };
}

/** Path of a temporary file of an invocation, for callers building `args`. */
export function tempPath(dir: string | undefined, name: string): string {
  return path.join(dir ?? os.tmpdir(), safeName(name));
}

/** Runs one program to completion (or timeout, cancellation, output cap). Never throws. */
export async function runTool(inv: ToolInvocation, options: RunOptions): Promise<ToolResult> {
  const refused = refusal(inv, options.trusted);
  if (refused) return refused;
  if (options.signal?.aborted) return { status: 'cancelled' };
  let dir: string | undefined;
  try {
    dir = writeTempFiles(inv.tempFiles);
  } catch (e) {
    return { status: 'failed', message: `cannot write a temporary file: ${(e as Error).message}` };
  }
  try {
    return await spawnAndCollect(inv, dir, options);
  } finally {
    removeDir(dir);
  }
}

function spawnAndCollect(inv: ToolInvocation, dir: string | undefined, options: RunOptions): Promise<ToolResult> {
  const args = typeof inv.args === 'function' ? inv.args(dir) : inv.args;
  const timeoutMs = inv.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = inv.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
  const spawn = options.spawn ?? nodeSpawn;
  const posix = process.platform !== 'win32';
  return new Promise<ToolResult>((resolve) => {
    let child: ChildProcess;
    try {
      child = spawn(inv.command, args, {
        cwd: workingDir(inv.cwd),
        env: inv.env ?? process.env,
        shell: false,
        windowsHide: true,
        // Own process group, so a timeout can kill the program and everything it started.
        detached: posix,
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      resolve(code === 'ENOENT' ? notFound(inv.command) : { status: 'failed', message: `cannot start '${inv.command}': ${(e as Error).message}` });
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    let ending: 'timeout' | 'truncated' | 'cancelled' | undefined;

    const kill = () => {
      try {
        if (posix && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        try {
          child.kill('SIGKILL');
        } catch {
          // already gone
        }
      }
    };
    const stop = (why: 'timeout' | 'truncated' | 'cancelled') => {
      if (ending || settled) return;
      ending = why;
      kill();
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    const onAbort = () => stop('cancelled');
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const collect = (into: Buffer[]) => (chunk: Buffer) => {
      if (ending) return;
      const room = maxBytes - bytes;
      if (chunk.length > room) {
        if (room > 0) into.push(chunk.subarray(0, room));
        bytes = maxBytes;
        stop('truncated');
        return;
      }
      bytes += chunk.length;
      into.push(chunk);
    };
    child.stdout?.on('data', collect(out));
    child.stderr?.on('data', collect(err));

    const finish = (result: ToolResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') finish(notFound(inv.command));
      else finish({ status: 'failed', message: `cannot run '${inv.command}': ${e.message}` });
    });
    child.on('close', (exitCode, signal) => {
      const output = { stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
      if (ending === 'cancelled') finish({ status: 'cancelled' });
      else if (ending === 'timeout') finish({ status: 'timeout', message: `'${inv.command}' did not finish within ${timeoutMs} ms and was stopped`, ...output });
      else if (ending === 'truncated') finish({ status: 'truncated', message: `'${inv.command}' wrote more than ${maxBytes} bytes and was stopped`, ...output });
      else finish({ status: 'exited', exitCode, signal, ...output });
    });
    // A program that does not read its stdin closes the pipe early: EPIPE is not our failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(inv.stdin ?? '');
  });
}

/**
 * The same run, blocking (for the CLI). Timeout and output cap kill the program itself
 * (spawnSync cannot signal a process group).
 */
export function runToolSync(inv: ToolInvocation, options: { trusted: boolean; spawnSync?: SpawnSyncFunction }): ToolResult {
  const refused = refusal(inv, options.trusted);
  if (refused) return refused;
  let dir: string | undefined;
  try {
    dir = writeTempFiles(inv.tempFiles);
  } catch (e) {
    return { status: 'failed', message: `cannot write a temporary file: ${(e as Error).message}` };
  }
  try {
    const args = typeof inv.args === 'function' ? inv.args(dir) : inv.args;
    const timeoutMs = inv.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const maxBytes = inv.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES;
    const r = (options.spawnSync ?? nodeSpawnSync)(inv.command, args, {
      cwd: workingDir(inv.cwd),
      env: inv.env ?? process.env,
      shell: false,
      windowsHide: true,
      input: inv.stdin ?? '',
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: maxBytes,
    });
    const output = { stdout: r.stdout ? r.stdout.toString('utf8') : '', stderr: r.stderr ? r.stderr.toString('utf8') : '' };
    const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ENOENT') return notFound(inv.command);
    if (code === 'ETIMEDOUT') return { status: 'timeout', message: `'${inv.command}' did not finish within ${timeoutMs} ms and was stopped`, ...output };
    if (code === 'ENOBUFS') return { status: 'truncated', message: `'${inv.command}' wrote more than ${maxBytes} bytes and was stopped`, ...output };
    if (r.error) return { status: 'failed', message: `cannot run '${inv.command}': ${r.error.message}` };
    return { status: 'exited', exitCode: r.status, signal: r.signal, ...output };
  } finally {
    removeDir(dir);
  }
}

/** A job started through ToolRunner: every run of the job shares its cancellation. */
export interface ToolJob {
  readonly signal: AbortSignal;
  run(inv: ToolInvocation): Promise<ToolResult>;
}

/**
 * Runs tools for the language server: at most one job per key (`<uri>\0<tool>`); starting a job
 * cancels the running one with the same key; cancel(uri) cancels every job of a document.
 */
export class ToolRunner {
  private readonly jobs = new Map<string, AbortController>();
  /** Programs started so far (tests check that untrusted workspaces start none). */
  spawnCount = 0;

  constructor(private readonly options: { isTrusted: () => boolean; spawn?: SpawnFunction }) {}

  static key(uri: string, tool: string): string {
    return `${uri}\u0000${tool}`;
  }

  /** Starts a job under `key`, cancelling the previous one. Call `finish(job)` when done. */
  start(key: string): ToolJob {
    this.jobs.get(key)?.abort();
    const controller = new AbortController();
    this.jobs.set(key, controller);
    const spawn: SpawnFunction = (command, args, opts) => {
      this.spawnCount++;
      return (this.options.spawn ?? nodeSpawn)(command, args, opts);
    };
    return {
      signal: controller.signal,
      run: (inv) => runTool(inv, { trusted: this.options.isTrusted(), signal: controller.signal, spawn }),
    };
  }

  /** Forgets the job if it is still the current one for its key. */
  finish(key: string, job: ToolJob): void {
    const current = this.jobs.get(key);
    if (current && current.signal === job.signal) this.jobs.delete(key);
  }

  /** Runs one invocation as a job of its own. */
  async runOnce(key: string, inv: ToolInvocation): Promise<ToolResult> {
    const job = this.start(key);
    try {
      return await job.run(inv);
    } finally {
      this.finish(key, job);
    }
  }

  /** Cancels every job of a document (all keys starting with `<uri>\0`). */
  cancelDocument(uri: string): void {
    const prefix = `${uri}\u0000`;
    for (const [key, controller] of this.jobs) {
      if (!key.startsWith(prefix)) continue;
      controller.abort();
      this.jobs.delete(key);
    }
  }

  cancelAll(): void {
    for (const controller of this.jobs.values()) controller.abort();
    this.jobs.clear();
  }
}
