// `specwright format [--check|--diff|--write] [--mode full|minimal] [--tag-value-column N]
//  [--indent-conditionals] [--indent-width N] PATH...`:
// formats spec files. Without an action the formatted text goes to stdout (one file only).
// --check lists the files that would change (exit 1 if any); --diff prints unified diffs (exit 1
// if any); --write writes the changed files back safely.
import path from 'node:path';
import { URI } from 'vscode-uri';
import { createLanguageService } from '../service/languageService';
import { DEFAULT_FORMAT_OPTIONS, applyEdits, type FormatOptions } from '../service/features/format';
import { readTextFile } from '../node/readText';
import { didYouMean } from '../node/suggest';
import { collectTargets } from './files';
import { findProjectConfig } from '../node/config';
import { FsCache } from '../node/fsCache';
import { EXIT_USAGE, UsageError, type CliIo } from './io';
import { writeFileSafely } from '../node/safeWrite';
import { unifiedDiff } from '../node/unifiedDiff';

export interface FormatCommand {
  kind: 'format';
  action: 'print' | 'check' | 'diff' | 'write';
  options: Partial<FormatOptions>;
  paths: string[];
}

const ACTIONS = ['--check', '--diff', '--write'];
const VALUE_OPTIONS = ['--mode', '--tag-value-column', '--indent-width'];
const FLAGS = ['--indent-conditionals'];

export function parseFormatArgs(argv: string[]): FormatCommand | { kind: 'help' } {
  const out: FormatCommand = { kind: 'format', action: 'print', options: {}, paths: [] };
  const actions = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--') { out.paths.push(...argv.slice(i + 1)); break; }
    if (ACTIONS.includes(arg)) { actions.add(arg); continue; }
    if (arg === '--indent-conditionals') { out.options.indentConditionals = true; continue; }
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.includes(name)) {
      const value = name !== arg ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`option ${name} needs a value`);
      if (name === '--mode') {
        if (value !== 'full' && value !== 'minimal') throw new UsageError(`--mode must be full or minimal, not '${value}'`);
        out.options.mode = value;
      } else if (name === '--indent-width') {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1 || n > 8) throw new UsageError(`--indent-width must be a whole number from 1 to 8, not '${value}'`);
        out.options.indentWidth = n;
      } else {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 0 || n > 80) throw new UsageError(`--tag-value-column must be a whole number from 0 to 80, not '${value}'`);
        out.options.tagValueColumn = n;
      }
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'${didYouMean(name, [...ACTIONS, ...VALUE_OPTIONS, ...FLAGS])}`);
    out.paths.push(arg);
  }
  if (actions.size > 1) throw new UsageError(`choose one of ${[...actions].join(', ')}`);
  if (actions.size === 1) out.action = [...actions][0].slice(2) as FormatCommand['action'];
  if (out.paths.length === 0) throw new UsageError("'format' needs at least one spec file or folder, e.g. specwright format --check .");
  return out;
}

export function runFormat(command: FormatCommand, io: CliIo): number {
  const { targets, missing } = collectTargets(command.paths);
  let failed = missing.length > 0;
  for (const m of missing) io.stderr(`${m}: no such file or folder\n`);
  const specs = targets.filter((t) => t.languageId === 'rpm-spec');
  if (command.action === 'print' && specs.length + missing.length > 1) {
    throw new UsageError('printing the formatted text takes one file; use --check, --diff or --write for several');
  }
  const service = createLanguageService();
  const cache = new FsCache();
  const reported = new Set<string>();
  let changed = 0;
  for (const t of specs) {
    const shown = t.file;
    const read = readTextFile(t.file);
    if (!read.ok) {
      io.stderr(`${shown}: ${read.message}\n`);
      failed = true;
      continue;
    }
    // Defaults, then the nearest specwright.json's "format", then the command line.
    const config = findProjectConfig(t.file, cache);
    for (const e of config?.errors ?? []) {
      if (!reported.has(e)) io.stderr(`${e}\n`);
      reported.add(e);
    }
    const options = { ...DEFAULT_FORMAT_OPTIONS, ...config?.config.format, ...command.options };
    const doc = { uri: URI.file(path.resolve(t.file)).toString(), languageId: 'rpm-spec' as const, version: 0, text: read.text };
    const edits = service.format(doc, options);
    const formatted = applyEdits(service.parseSpec(doc), edits);
    if (command.action === 'print') {
      io.stdout(formatted);
      continue;
    }
    if (formatted === read.text) continue;
    changed++;
    if (command.action === 'check') io.stdout(`${shown}\n`);
    else if (command.action === 'diff') io.stdout(unifiedDiff(read.text, formatted, shown.split(path.sep).join('/')));
    else {
      const w = read.snapshot
        ? writeFileSafely(t.file, formatted, read.snapshot)
        : ({ ok: false, reason: 'io', message: 'the file was not read from disk' } as const);
      if (w.ok) io.stderr(`${shown}: formatted\n`);
      else {
        io.stderr(`${shown}: not written: ${w.message}\n`);
        failed = true;
      }
    }
  }
  if (command.action === 'check' || command.action === 'diff') {
    io.stderr(changed === 0 ? `${specs.length} spec${specs.length === 1 ? '' : 's'} already formatted\n` : `${changed} of ${specs.length} spec${specs.length === 1 ? '' : 's'} would be reformatted\n`);
  }
  if (failed) return EXIT_USAGE;
  return (command.action === 'check' || command.action === 'diff') && changed > 0 ? 1 : 0;
}
