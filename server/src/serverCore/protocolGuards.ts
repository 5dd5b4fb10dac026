// Protocol manners the library leaves to the server: requests before `initialize` are answered
// with ServerNotInitialized (-32002) and notifications before it are dropped (except `exit`), as
// the LSP specification says; a didChange whose ranges are not well-formed is refused instead of
// being applied (TextDocument would turn `{line: "a"}` into NaN offsets and corrupt the text).
import { ErrorCodes, ResponseError, type Connection, type Message, type MessageStrategy, type TextDocumentContentChangeEvent } from 'vscode-languageserver';

/** The method a request made before `initialize` is renamed to, so its answer is -32002. */
const NOT_INITIALIZED_METHOD = 'specwright/$notInitialized';

interface MutableMessage {
  id?: unknown;
  method?: unknown;
}

export interface InitializeGuard {
  /** Pass as `createConnection(…, { messageStrategy })`. */
  messageStrategy: MessageStrategy;
  /** Registers the -32002 answer (call once the connection exists). */
  register(connection: Connection): void;
}

export function createInitializeGuard(): InitializeGuard {
  let initializeSeen = false;
  return {
    messageStrategy: {
      handleMessage(message: Message, next: (message: Message) => void): void {
        const m = message as MutableMessage;
        if (initializeSeen || typeof m.method !== 'string') {
          next(message);
          return;
        }
        if (m.method === 'initialize') {
          initializeSeen = true;
          next(message);
        } else if (m.id !== undefined) {
          next({ ...message, method: NOT_INITIALIZED_METHOD } as Message);
        } else if (m.method === 'exit') {
          next(message);
        }
        // Other notifications before initialize are dropped.
      },
    },
    register(connection) {
      connection.onRequest(NOT_INITIALIZED_METHOD, () => {
        throw new ResponseError(ErrorCodes.ServerNotInitialized, 'The server is not initialized: send initialize first');
      });
    },
  };
}

function isPosition(p: unknown): boolean {
  if (typeof p !== 'object' || p === null) return false;
  const { line, character } = p as Record<string, unknown>;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0;
}

/** Whether every change is a whole text or a text with a well-formed range. */
export function wellFormedChanges(changes: unknown): changes is TextDocumentContentChangeEvent[] {
  if (!Array.isArray(changes)) return false;
  return changes.every((c: unknown) => {
    if (typeof c !== 'object' || c === null) return false;
    const change = c as Record<string, unknown>;
    if (typeof change.text !== 'string') return false;
    if (!('range' in change) || change.range === undefined) return true;
    const range = change.range as Record<string, unknown> | null;
    return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
  });
}

/**
 * The connection as TextDocuments should see it: a didChange with a malformed change is logged
 * and dropped, so the server's copy of the text is never corrupted.
 */
export function guardedDocumentConnection(connection: Connection, log: (message: string) => void): Connection {
  return new Proxy(connection, {
    get(target, key, receiver) {
      if (key !== 'onDidChangeTextDocument') return Reflect.get(target, key, receiver) as unknown;
      const on: Connection['onDidChangeTextDocument'] = (handler) =>
        target.onDidChangeTextDocument((params) => {
          const version = (params?.textDocument as { version?: unknown } | undefined)?.version;
          if (!wellFormedChanges(params?.contentChanges) || !Number.isInteger(version)) {
            log(`didChange for ${String(params?.textDocument?.uri)} refused: its version or a change range is not well-formed (the server keeps its text as it was)`);
            return;
          }
          return handler(params);
        });
      return on;
    },
  });
}
