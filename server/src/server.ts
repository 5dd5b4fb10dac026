// The Specwright language server (node): `specwright-language-server --stdio` (or --node-ipc,
// --socket=N, --pipe=NAME). Without a transport argument it talks over stdio.
import fs from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ResyncingFrameStream } from './node/framing';
import { createInitializeGuard } from './serverCore/protocolGuards';
import { tuneHeap } from './node/heap';
import { VERSION } from './cli/version';
import { formatError } from './serverCore/runSafe';
import { startServer } from './serverCore/startServer';

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-v')) {
  process.stdout.write(`${VERSION}\n`);
  process.exit(0);
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write('Usage: specwright-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n');
  process.exit(0);
}
const stdio = argv.includes('--stdio') || (!argv.some((a) => /^--(node-ipc|socket|pipe)\b/.test(a)) && !process.send);

const heapWarning = tuneHeap(process.env, setFlagsFromString);
const guard = createInitializeGuard();
const connection = stdio ? stdioConnection() : createConnection(ProposedFeatures.all, { messageStrategy: guard.messageStrategy });

/** Over stdio the frames pass through a re-synchronising reader (a wrong Content-Length must not leave the server deaf). */
function stdioConnection() {
  // Warnings come with input, so after `connection` is set.
  const frames = new ResyncingFrameStream((m) => connection.console.warn(m));
  process.stdin.pipe(frames);
  // The library exits on the end of its input stream; that is now `frames`, which ends with stdin.
  return createConnection(ProposedFeatures.all, frames, process.stdout, { messageStrategy: guard.messageStrategy });
}
// stdout is the protocol channel: anything logged goes to the client's log instead.
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.info = console.log;
console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
process.on('unhandledRejection', (e) => connection.console.error(formatError('unhandled rejection', e)));
process.on('uncaughtException', (e) => connection.console.error(formatError('uncaught exception', e)));

startServer(connection, undefined, guard, {
  fileExists: (fsPath) => {
    try {
      return fs.statSync(fsPath).isFile();
    } catch {
      return false;
    }
  },
});
if (heapWarning) connection.console.warn(heapWarning);
