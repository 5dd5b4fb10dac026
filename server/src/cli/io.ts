// What a CLI run touches outside the file system: output streams and the working directory.
// Tests pass their own to run the CLI in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** stderr is a terminal: progress may be shown. */
  stderrIsTTY: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    cwd: process.cwd(),
    stderrIsTTY: Boolean(process.stderr.isTTY),
  };
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** A usage error: printed with the help hint, exit code 2. */
export class UsageError extends Error {}
