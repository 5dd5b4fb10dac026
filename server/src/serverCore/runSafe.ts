// Every request handler runs through runSafe: an exception is logged and answered with an empty
// result, so one bad document or request never takes the server down.
import type { CancellationToken } from 'vscode-languageserver';

export type Logger = (message: string) => void;

export function formatError(message: string, error: unknown): string {
  if (error instanceof Error) return `${message}: ${error.message}\n${error.stack ?? ''}`;
  return `${message}: ${String(error)}`;
}

export function runSafe<P, R>(
  log: Logger,
  name: string,
  fallback: R,
  handler: (params: P, token: CancellationToken | undefined) => R | Promise<R>,
): (params: P, token?: CancellationToken) => Promise<R> {
  return async (params, token) => {
    if (token?.isCancellationRequested) return fallback;
    try {
      const result = await handler(params, token);
      return token?.isCancellationRequested ? fallback : result;
    } catch (e) {
      log(formatError(`${name} failed`, e));
      return fallback;
    }
  };
}

/** For notifications: logs and swallows errors. */
export function runSafeVoid<P>(log: Logger, name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
  return (params) => {
    try {
      const r = handler(params);
      if (r instanceof Promise) r.catch((e: unknown) => log(formatError(`${name} failed`, e)));
    } catch (e) {
      log(formatError(`${name} failed`, e));
    }
  };
}
