// The Specwright language server in a Web Worker (VS Code for the Web): same features as the
// Node server, over postMessage. There is no file system and no process here: the web build
// (scripts/build.mjs) stubs Node's built-in modules, so related files, specwright.json and
// rpmlintrc are not read (documents are linted on their own) and external tools are absent.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { formatError } from './serverCore/runSafe';
import { startServer } from './serverCore/startServer';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// Worker console output is invisible to the user: send it to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
self.addEventListener('unhandledrejection', (e) => connection.console.error(formatError('unhandled rejection', e.reason)));

startServer(connection);
