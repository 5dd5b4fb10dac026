// The Specwright language server in a Web Worker (VS Code for the Web): same features as the
// Node server, over postMessage. There is no file system and no process here: the web build
// (scripts/build.mjs) stubs Node's built-in modules, so related files, specwright.json and
// rpmlintrc are not read (documents are linted on their own) and the external tools feature is
// left out.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { formatError } from './serverCore/runSafe';
import { FEATURES } from './serverCore/features/index';
import { startServer } from './serverCore/startServer';
import { createInitializeGuard } from './serverCore/protocolGuards';

/** Features that run programs (rpmlint, shellcheck, rpmspec) or walk the file system: neither exists in a browser. */
const NODE_ONLY_FEATURES = new Set(['externalTools', 'workspaceDiagnostics']);

declare const self: DedicatedWorkerGlobalScope;

const guard = createInitializeGuard();
const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self), { messageStrategy: guard.messageStrategy });
// Worker console output is invisible to the user: send it to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
self.addEventListener('unhandledrejection', (e) => connection.console.error(formatError('unhandled rejection', e.reason)));

// Without externalTools, `specwright/expandedSpec` is answered with MethodNotFound, which the
// client reports as "not available here".
startServer(connection, FEATURES.filter((f) => !NODE_ONLY_FEATURES.has(f.name)), guard);
