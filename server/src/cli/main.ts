// The `specwright` command line. stdout carries the report, stderr everything else.
// First: V8's compiler setting must be in place before anything else runs (compilerFlags.ts).
import './compilerFlags';
import { HELP, parseArgs } from './args';
import { EXIT_USAGE, UsageError, processIo, type CliIo } from './io';
import { runBump } from './bumpCommand';
import { runNew } from './newCommand';
import { runFormat } from './formatCommand';
import { runLint } from './lintCommand';
import { runQuery } from './queryCommand';
import { runExplain, runRules } from './rulesCommand';
import { VERSION } from './version';
import { runWorkerIfAsked } from './workers';

export async function run(argv: string[], io: CliIo): Promise<number> {
  let command;
  try {
    command = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`specwright: ${e.message}\nRun 'specwright --help' for usage.\n`);
    return EXIT_USAGE;
  }
  switch (command.kind) {
    case 'help':
      io.stdout(HELP);
      return 0;
    case 'version':
      io.stdout(`${VERSION}\n`);
      return 0;
    case 'rules':
      return runRules(command.format, io);
    case 'explain':
      return runExplain(command.id, io);
    case 'lint':
      return runLint(command, io);
    case 'query':
      return runQuery(command, io);
    case 'bump':
      return runBump(command, io);
    case 'new':
      return runNew(command, io);
    case 'format':
      try {
        return runFormat(command, io);
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        io.stderr(`specwright: ${e.message}\n`);
        return EXIT_USAGE;
      }
  }
}

if (!runWorkerIfAsked() && require.main === module) {
  run(process.argv.slice(2), processIo()).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`specwright: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 3;
    },
  );
}
