// Command-line parsing. Small and strict: unknown options are usage errors with a suggestion.
import type { LanguageId, SeverityOrOff } from '../service/types';
import { PROFILE_NAMES } from '../service/catalog/releases';
import { isProfileName, parseDefine, type UserMacro } from '../service/catalog/profile';
import { checkRuleSetting } from '../node/config';
import { didYouMean } from '../node/suggest';
import { UsageError } from './io';
import { parseWithList, type CliTool } from '../node/tools/cliTools';
import { parseFormatArgs, type FormatCommand } from './formatCommand';
import type { LintCommandOptions } from './lintCommand';
import { parseBumpArgs, type BumpCommand } from './bumpCommand';
import { parseNewArgs, type NewCommand } from './newCommand';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github' | 'codeclimate';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github', 'codeclimate'];

/** `--language` values and the language each one means. */
const LANGUAGE_NAMES: Record<string, LanguageId> = { 'rpm-spec': 'rpm-spec', spec: 'rpm-spec', 'dkms-conf': 'dkms-conf', dkms: 'dkms-conf' };

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | ({ kind: 'lint' } & LintCommandOptions)
  | { kind: 'rules'; format: 'text' | 'json' }
  | { kind: 'explain'; id: string }
  | { kind: 'query'; format: 'json' | 'text'; distro?: string; defines: [string, string][]; paths: string[] }
  | FormatCommand
  | BumpCommand
  | NewCommand;

const COMMANDS = ['lint', 'query', 'format', 'bump', 'new', 'rules', 'explain', 'help'];

interface RawOptions {
  values: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

/** Splits argv into options and positionals. `takesValue` lists the options that take a value. */
function scan(argv: string[], takesValue: Set<string>, flags: Set<string>): RawOptions {
  const out: RawOptions = { values: new Map(), flags: new Set(), positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      out.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    if (takesValue.has(name)) {
      let value: string | undefined;
      if (name !== arg) value = arg.slice(eq + 1);
      else if (i + 1 < argv.length) value = argv[++i];
      if (value === undefined) throw new UsageError(`option ${name} needs a value`);
      const list = out.values.get(name) ?? [];
      list.push(value);
      out.values.set(name, list);
    } else if (flags.has(name) && name === arg) {
      out.flags.add(name);
    } else {
      throw new UsageError(`unknown option '${arg}'${didYouMean(name, [...takesValue, ...flags])}`);
    }
  }
  return out;
}

function single(raw: RawOptions, name: string): string | undefined {
  const v = raw.values.get(name);
  if (v && v.length > 1) throw new UsageError(`option ${name} given more than once`);
  return v?.[0];
}

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0) return { kind: 'help' };
  const [first, ...rest] = argv;
  if (first === '--help' || first === '-h' || first === 'help') return { kind: 'help' };
  if (first === '--version' || first === '-v' || first === '-V') return { kind: 'version' };
  if (first === 'lint') return parseLint(rest);
  if (first === 'query') return parseQuery(rest);
  if (first === 'format') return parseFormatArgs(rest);
  if (first === 'bump') return parseBumpArgs(rest);
  if (first === 'new') return parseNewArgs(rest);
  if (first === 'rules') {
    const raw = scan(rest, new Set(['--format']), new Set(['--help', '-h']));
    if (raw.flags.size > 0) return { kind: 'help' };
    if (raw.positional.length > 0) throw new UsageError(`'rules' takes no arguments, got '${raw.positional[0]}'`);
    const format = single(raw, '--format') ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`'rules --format' must be text or json, not '${format}'`);
    return { kind: 'rules', format };
  }
  if (first === 'explain') {
    const raw = scan(rest, new Set(), new Set(['--help', '-h']));
    if (raw.flags.size > 0) return { kind: 'help' };
    if (raw.positional.length !== 1) throw new UsageError("'explain' takes one rule id, e.g. specwright explain spec-unclosed-if");
    return { kind: 'explain', id: raw.positional[0] };
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option '${first}'${didYouMean(first, ['--help', '--version'])}`);
  throw new UsageError(`unknown command '${first}'${didYouMean(first, COMMANDS)}`);
}

function parseDistro(raw: RawOptions): string | undefined {
  const distro = single(raw, '--distro');
  if (distro !== undefined && !isProfileName(distro)) {
    throw new UsageError(`--distro must be one of ${PROFILE_NAMES.join(', ')}, not '${distro}'${didYouMean(distro, PROFILE_NAMES)}`);
  }
  return distro?.trim().toLowerCase();
}

/** `--define`/`-D` values: `NAME VALUE` (as rpm) or `NAME=VALUE`. */
function parseDefines(raw: RawOptions): UserMacro[] {
  const out: UserMacro[] = [];
  for (const d of [...(raw.values.get('--define') ?? []), ...(raw.values.get('-D') ?? [])]) {
    const m = parseDefine(d, '--define');
    if (!m) throw new UsageError(`--define expects 'NAME VALUE' or NAME=VALUE, got '${d}'`);
    out.push(m);
  }
  return out;
}

function parseQuery(argv: string[]): Command {
  const raw = scan(argv, new Set(['--format', '--distro', '--define', '-D']), new Set(['--help', '-h']));
  if (raw.flags.has('--help') || raw.flags.has('-h')) return { kind: 'help' };
  const format = single(raw, '--format') ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`'query --format' must be json or text, not '${format}'`);
  const distro = parseDistro(raw);
  const defines: [string, string][] = [];
  for (const d of [...(raw.values.get('--define') ?? []), ...(raw.values.get('-D') ?? [])]) {
    const m = /^\s*%?([A-Za-z_]\w*)(?:\s+([\s\S]*))?$/.exec(d);
    if (!m) throw new UsageError(`--define expects 'NAME VALUE', got '${d}'`);
    defines.push([m[1], (m[2] ?? '').trim()]);
  }
  if (raw.positional.length === 0) throw new UsageError("'query' needs at least one spec file or folder, e.g. specwright query foo.spec");
  return { kind: 'query', format, ...(distro ? { distro } : {}), defines, paths: raw.positional };
}

function parseLint(argv: string[]): Command {
  const raw = scan(
    argv,
    new Set(['--format', '--distro', '--define', '-D', '--rule', '--with', '--language', '--max-warnings', '--jobs', '-j', '--cache-location', '--stdin-filename']),
    new Set(['--fix', '--fix-dry-run', '--quiet', '-q', '--require-tools', '--cache', '--help', '-h']),
  );
  if (raw.flags.has('--help') || raw.flags.has('-h')) return { kind: 'help' };
  const format = single(raw, '--format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${format}'${didYouMean(format, FORMATS)}`);
  const distro = parseDistro(raw);
  const defines = parseDefines(raw);
  const rules: Record<string, SeverityOrOff> = {};
  for (const spec of raw.values.get('--rule') ?? []) {
    const eq = spec.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--rule expects id=level (level: off, hint, information, warning, error), got '${spec}'`);
    const id = spec.slice(0, eq);
    const level = spec.slice(eq + 1);
    const problem = checkRuleSetting(id, level);
    if (problem) throw new UsageError(`--rule ${spec}: ${problem}`);
    rules[id] = level as SeverityOrOff;
  }
  if (raw.positional.length === 0) throw new UsageError("'lint' needs at least one file or folder, e.g. specwright lint .");
  const stdinFilename = single(raw, '--stdin-filename');
  const stdinCount = raw.positional.filter((p) => p === '-').length;
  if (stdinFilename !== undefined && stdinCount === 0) throw new UsageError("--stdin-filename names the text read from stdin: give '-' as the path, e.g. specwright lint --stdin-filename foo.spec -");
  if (stdinCount > 1) throw new UsageError("'-' (stdin) can be given only once");
  if (stdinCount > 0 && raw.flags.has('--fix')) throw new UsageError('--fix cannot write back to stdin; use --fix-dry-run to see the fixes as a diff');
  const jobsValues = [...(raw.values.get('--jobs') ?? []), ...(raw.values.get('-j') ?? [])];
  if (jobsValues.length > 1) throw new UsageError('option --jobs given more than once');
  let jobs: number | undefined;
  if (jobsValues.length === 1) {
    jobs = Number(jobsValues[0]);
    if (!/^\d{1,4}$/.test(jobsValues[0]) || jobs < 1) throw new UsageError(`--jobs expects a number of threads ≥ 1, not '${jobsValues[0]}'`);
  }
  const cacheLocation = single(raw, '--cache-location');
  const tools: CliTool[] = [];
  for (const value of raw.values.get('--with') ?? []) {
    const parsed = parseWithList(value);
    if ('error' in parsed) throw new UsageError(`--with: ${parsed.error}${didYouMean(parsed.item, ['rpmlint', 'shellcheck', 'rpmspec'])}`);
    for (const t of parsed.tools) if (!tools.some((x) => x.tool === t.tool)) tools.push(t);
  }
  const command: Command = { kind: 'lint', format: format as OutputFormat, distro, rules, fix: raw.flags.has('--fix'), paths: raw.positional };
  if (tools.length > 0) command.with = tools;
  if (defines.length > 0) command.defines = defines;
  if (raw.flags.has('--require-tools')) command.requireTools = true;
  if (jobs !== undefined) command.jobs = jobs;
  if (raw.flags.has('--cache') || cacheLocation !== undefined) command.cache = true;
  if (cacheLocation !== undefined) command.cacheLocation = cacheLocation;
  if (stdinFilename !== undefined) command.stdinFilename = stdinFilename;
  if (raw.flags.has('--fix-dry-run')) {
    if (command.fix) throw new UsageError('--fix and --fix-dry-run cannot be combined');
    if (command.format !== 'text') throw new UsageError('--fix-dry-run prints a diff; it cannot be combined with --format');
    command.fixDryRun = true;
  }
  if (raw.flags.has('--quiet') || raw.flags.has('-q')) command.quiet = true;
  const language = single(raw, '--language');
  if (language !== undefined) {
    const id = LANGUAGE_NAMES[language];
    if (!id) throw new UsageError(`--language must be rpm-spec (or spec) or dkms-conf (or dkms), not '${language}'${didYouMean(language, Object.keys(LANGUAGE_NAMES))}`);
    command.language = id;
  }
  const maxWarnings = single(raw, '--max-warnings');
  if (maxWarnings !== undefined) {
    if (!/^\d{1,9}$/.test(maxWarnings)) throw new UsageError(`--max-warnings expects a whole number of 0 or more, got '${maxWarnings}'`);
    command.maxWarnings = Number(maxWarnings);
  }
  return command;
}

export const HELP = `Usage: specwright <command> [options]

Commands:
  lint [options] PATH...   Lint RPM spec files (*.spec, *.spec.in) and DKMS dkms.conf files.
                           A file named is always linted; a folder is searched recursively
                           for those names (node_modules and .git are skipped); '-' is stdin.
  query [options] PATH...  Print what rpm would read from spec files, like \`rpmspec -q\`, without
                           running any spec code: name, epoch, version, release, sources,
                           sections, dependencies, packages, changelog.
  format [--check|--diff|--write] PATH...
                           Format spec files: aligned tag values, one blank line between
                           sections, no whitespace errors. Prints the formatted text (one
                           file), lists files that would change (--check, exit 1 if any),
                           prints a diff (--diff) or writes them back (--write).
                           --mode minimal: whitespace errors only; --tag-value-column N
                           (default 16, 0: one space); --indent-conditionals (nested %if and
                           definitions in %if arms) with --indent-width N (default 2).
                           Defaults come from the "format" object of the nearest
                           specwright.json. '# specwright: format off' / 'on' comments keep
                           a region as written.
  bump [--comment TEXT] [--author 'NAME <EMAIL>'] [--new-version V] PATH...
                           Like rpmdev-bumpspec: Release +1 in its last number (3%{?dist}
                           becomes 4%{?dist}), or Version set to V and Release reset to 1,
                           and a changelog entry (author: --author, $RPM_PACKAGER, %packager
                           in ~/.rpmmacros, git config). Specs using %autorelease and
                           %autochangelog are left alone (rpmautospec's).
  new dkms --name NAME --version V [--build kbuild|make|cmake] [--dir DIR]
                           Write a new DKMS package into DIR/NAME-dkms/: a spec, dkms.conf,
                           the build files and a module source (the templates of VS Code's
                           New DKMS Package command). --build kbuild (default) lets dkms run
                           the kernel's build system; make runs the package's Makefile with
                           KDIR set to the target kernel; cmake writes a CMakeLists.txt that
                           runs Kbuild (CMake cannot compile kernel code itself) and makes
                           cmake a run-time requirement. Existing files are never overwritten.
  rules [--format json]    List the rules: id, language, default severity, fixable, description.
  explain <rule-id>        Show a rule's metadata and its documentation.

Lint options:
  --format FORMAT          text (default), json, sarif, github or codeclimate. text prints
                           "file:line:col: severity: message [rule-id]" on stdout and a
                           summary on stderr; json, sarif (GitHub code scanning) and
                           codeclimate (GitLab Code Quality) print one document on stdout;
                           github prints GitHub Actions workflow commands
                           (::error file=…,line=…::message) that annotate a pull request.
                           Every format is written file by file as the files finish.
  --distro ID              Profile: a family (fedora, rhel, opensuse, mageia, generic: its
                           newest release) or a release: fedora-rawhide, fedora-45,
                           fedora-44, fedora-43, rhel-10, rhel-9, rhel-8, opensuse-tumbleweed,
                           opensuse-leap-15.6, mageia-10, mageia-9 (default: specwright.json,
                           else fedora). See docs/profiles.md.
  -D, --define 'NAME VALUE'
                           Define a macro (also NAME=VALUE), after specwright.json's
                           macroFiles and define. Repeatable.
  --rule ID=LEVEL          Set a rule's severity: off, hint, information, warning, error.
                           Repeatable. Overrides specwright.json.
  --language LANG          Language of the files named on the command line: rpm-spec (spec)
                           or dkms-conf (dkms). Default: from the file name; a name
                           Specwright does not know is linted as a spec.
  -q, --quiet              Report errors only.
  --max-warnings N         Exit 1 when more than N warnings are found (counted also
                           with --quiet).
  --fix                    Apply every safe fix and write the files back. Each file is
                           written to a temporary file that replaces it; a file changed
                           on disk meanwhile is not overwritten. Try it on a copy first,
                           or look at --fix-dry-run.
  --fix-dry-run            Print the safe fixes as a unified diff on stdout; write nothing.
  --with TOOL[,TOOL…]      Also run rpmlint, shellcheck (on the shell sections and
                           scriptlets) and/or rpmspec (rpmspec -P) on spec files;
                           TOOL=PATH picks the program. Their findings have the rule
                           <tool>/<id>, e.g. rpmlint/no-documentation, shellcheck/SC2086,
                           rpmspec/error. A missing tool is reported on stderr and skipped.
                           WARNING: rpmlint and rpmspec make rpm parse the spec, which runs
                           its %(…) shell commands and %{lua:…} code with your rights:
                           use them only on specs you trust.
  --require-tools          Exit 2 when a tool given with --with is missing.
  -j, --jobs N             Lint on N threads (default: the number of cores). The
                           report is the same, in the same order, for any N. --fix, --with
                           and stdin run on one thread.
  --cache                  Reuse the findings of files unchanged since the last run (the key
                           is the file's text, its configuration and Specwright's version).
  --cache-location PATH    The cache file, or a folder for it (default ./.specwrightcache).
                           Implies --cache.
  --stdin-filename NAME    Lint the text on stdin (path '-') as if it were the file NAME:
                           its language, specwright.json and related files come from NAME.

Query options:
  --format text|json       text (default): NAME-[EPOCH:]VERSION-RELEASE per package, like
                           rpmspec -q; json: one array, one object per spec. Values that rest on
                           %(…), %{lua:…}, an %if rpm may or may not take, or a macro Specwright
                           does not know are best guesses; their JSON pointers are listed in
                           "uncertain". An undefined macro stays as written, as rpm leaves it.
  --distro ID              Profile whose macros are used (default: specwright.json, else fedora):
                           a family or a release as for lint; generic is plain upstream rpm.
  --define 'NAME VALUE'    Define a macro before the spec is read, like rpm --define.
                           Repeatable; --define '_with_foo 1' turns on %bcond_with foo.

Configuration: the nearest specwright.json above each file,
  { "distro": "rhel-9", "rules": { "rule-id": "off" },
    "macroFiles": ["macros.myproject"], "define": { "_myprefix": "/opt/my" } }
macroFiles (relative to specwright.json) are read, never executed.
rpmlint filters (addFilter) in <name>.rpmlintrc, <name>-rpmlintrc or rpmlintrc next to a spec
hide the matching findings.

Exit status: 0 no error-level finding, 1 at least one (or more warnings than
  --max-warnings), 2 usage error, or a file that could not be read or written.

Other options:
  -h, --help               Show this help.
  -v, --version            Show the version.
`;
