// `specwright new dkms --name NAME --version V [--build kbuild|make|cmake] [--dir DIR]`: writes a new
// DKMS package (spec, dkms.conf, Kbuild Makefile and a module source) from the same templates as
// VS Code's "New DKMS Package…" command. Never overwrites: an existing file stops it.
import fs from 'node:fs';
import path from 'node:path';
import { findPackager } from '../node/packager';
import { generateDkmsPackage, validateModuleName, validateVersion, type BuildCommand } from '../service/scaffold/dkmsPackage';
import { didYouMean } from '../node/suggest';
import { EXIT_USAGE, UsageError, type CliIo } from './io';

export interface NewCommand {
  kind: 'new';
  name: string;
  version: string;
  build: 'kbuild' | 'make' | 'cmake';
  dir: string;
}

const VALUE_OPTIONS = ['--name', '--version', '--build', '--dir'];
export const NEW_BUILDS = ['kbuild', 'make', 'cmake'] as const;

/**
 * MAKE[0] for each --build: kbuild runs the kernel's build system on the sources; make runs the
 * package's Makefile with the target kernel's tree; cmake runs a CMake project that drives Kbuild.
 */
export function buildCommandFor(build: NewCommand['build']): BuildCommand {
  if (build === 'kbuild' || build === 'cmake') return { kind: build };
  return { kind: 'custom', command: 'make KDIR=${kernel_source_dir}' };
}

export function parseNewArgs(argv: string[]): NewCommand | { kind: 'help' } {
  const [what, ...rest] = argv;
  if (what === '--help' || what === '-h') return { kind: 'help' };
  if (what !== 'dkms') throw new UsageError(`'new' makes a DKMS package: specwright new dkms --name NAME --version VERSION${what ? ` (unknown kind '${what}')` : ''}`);
  const out: Partial<NewCommand> = { kind: 'new', build: 'kbuild', dir: '.' };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.includes(name)) throw new UsageError(arg.startsWith('-') ? `unknown option '${arg}'${didYouMean(name, VALUE_OPTIONS)}` : `unexpected argument '${arg}'`);
    const value = name !== arg ? arg.slice(eq + 1) : rest[++i];
    if (value === undefined) throw new UsageError(`option ${name} needs a value`);
    if (name === '--name') out.name = value;
    else if (name === '--version') out.version = value;
    else if (name === '--dir') out.dir = value;
    else if (value === 'kbuild' || value === 'make' || value === 'cmake') out.build = value;
    else throw new UsageError(`--build must be kbuild, make or cmake, not '${value}'`);
  }
  if (out.name === undefined) throw new UsageError("'new dkms' needs --name, e.g. specwright new dkms --name acme-wifi --version 1.0.0");
  if (out.version === undefined) throw new UsageError("'new dkms' needs --version, e.g. specwright new dkms --name acme-wifi --version 1.0.0");
  const problem = validateModuleName(out.name) ?? validateVersion(out.version);
  if (problem) throw new UsageError(problem);
  return out as NewCommand;
}

export function runNew(command: NewCommand, io: CliIo): number {
  const pkg = generateDkmsPackage({ module: command.name, version: command.version, build: buildCommandFor(command.build), packager: findPackager(undefined, path.resolve(command.dir))?.author });
  const existing = pkg.files.map((f) => path.join(command.dir, f.path)).filter((p) => fs.existsSync(p));
  if (existing.length > 0) {
    io.stderr(`specwright: not overwriting ${existing.join(', ')}\n`);
    return EXIT_USAGE;
  }
  for (const f of pkg.files) {
    const target = path.join(command.dir, f.path);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, f.content, { flag: 'wx' });
    } catch (e) {
      io.stderr(`specwright: cannot write ${target}: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`${target}\n`);
  }
  return 0;
}
