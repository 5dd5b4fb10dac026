// `specwright bump [--comment TEXT] [--author 'Name <email>'] [--new-version V] PATH...`: like
// rpmdev-bumpspec, bumps Release by one (or sets a new Version and resets Release to 1) and adds
// a changelog entry; a spec that uses %autorelease/%autochangelog is left alone (rpmautospec's).
import path from 'node:path';
import { URI } from 'vscode-uri';
import { createLanguageService } from '../service/languageService';
import { applyEdits } from '../service/features/format';
import { readTextFile } from '../node/readText';
import { writeFileSafely } from '../node/safeWrite';
import { NO_PACKAGER, findPackager, localDate } from '../node/packager';
import { didYouMean } from '../node/suggest';
import { collectTargets } from './files';
import { EXIT_USAGE, UsageError, type CliIo } from './io';

export interface BumpCommand {
  kind: 'bump';
  comment?: string;
  author?: string;
  newVersion?: string;
  paths: string[];
}

const VALUE_OPTIONS = ['--comment', '--author', '--new-version'];

export function parseBumpArgs(argv: string[]): BumpCommand | { kind: 'help' } {
  const out: BumpCommand = { kind: 'bump', paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--') { out.paths.push(...argv.slice(i + 1)); break; }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.includes(name)) {
      const value = name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`option ${name} needs a value`);
      if (name === '--comment') out.comment = value;
      else if (name === '--author') out.author = value;
      else out.newVersion = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'${didYouMean(name, VALUE_OPTIONS)}`);
    out.paths.push(arg);
  }
  if (out.paths.length === 0) throw new UsageError("'bump' needs at least one spec file, e.g. specwright bump --comment 'Rebuilt' foo.spec");
  return out;
}

export function runBump(command: BumpCommand, io: CliIo): number {
  const { targets, missing } = collectTargets(command.paths);
  let status = 0;
  for (const m of missing) {
    io.stderr(`${m}: no such file or folder\n`);
    status = EXIT_USAGE;
  }
  const service = createLanguageService();
  const date = localDate();
  for (const t of targets.filter((x) => x.languageId === 'rpm-spec')) {
    const read = readTextFile(t.file);
    if (!read.ok) {
      io.stderr(`${t.file}: ${read.message}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const packager = findPackager(command.author, path.dirname(path.resolve(t.file)));
    const doc = { uri: URI.file(path.resolve(t.file)).toString(), languageId: 'rpm-spec' as const, version: 0, text: read.text };
    const input = { date, author: packager?.author ?? '', comment: command.comment };
    const needsAuthor = !service.chore(doc, command.newVersion ? 'newUpstreamVersion' : 'bumpRelease', { ...input, author: 'x' }, command.newVersion).rpmautospec;
    if (!packager && needsAuthor) {
      io.stderr(`${t.file}: ${NO_PACKAGER}\n`);
      status = EXIT_USAGE;
      continue;
    }
    const r = service.chore(doc, command.newVersion ? 'newUpstreamVersion' : 'bumpRelease', input, command.newVersion);
    if (r.refused) {
      io.stderr(`${t.file}: ${r.message}\n`);
      if (!r.rpmautospec && status === 0) status = 1;
      continue;
    }
    const text = applyEdits(service.parseSpec(doc), r.edits);
    const w = read.snapshot ? writeFileSafely(t.file, text, read.snapshot) : ({ ok: false, reason: 'io', message: 'the file was not read from disk' } as const);
    if (w.ok) io.stderr(`${t.file}: ${r.message}\n`);
    else {
      io.stderr(`${t.file}: not written: ${w.message}\n`);
      status = EXIT_USAGE;
    }
  }
  return status;
}
