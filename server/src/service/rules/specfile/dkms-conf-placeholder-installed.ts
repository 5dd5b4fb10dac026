import type { DkmsDocument } from '../../dkms/ast';
import { embeddedDkmsConfs, specOffsetOf } from '../../specfile/embeddedDkms';
import type { SectionKind, SpecDocument } from '../../specfile/ast';
import { SOURCE_REFERENCE, sourceEntries } from '../../specfile/sources';
import { commandArgs, commandName, type ShellCommand, type ShellWord } from '../../shell';
import { specShellCommands } from '../../shell/specShell';
import type { OffsetEdit } from '../../types';
import { defineSpecRule, type ReportFix } from '../types';

const BUILD_SECTIONS: readonly SectionKind[] = ['prep', 'conf', 'build', 'install'];
/** Commands that rewrite a file's text (a substitution step), by their base name. */
const SUBSTITUTES = /^(?:sed|perl|awk|envsubst|m4|configure|autoconf|make)$/;
/** The narrower set that counts as substituting a here-document's placeholders. */
const HERE_DOC_SUBSTITUTES = /^(?:sed|perl|awk|envsubst)$/;
/** Commands that copy a file as it is. */
const COPIES = /^(?:install|cp)$/;

interface Placeholder {
  text: string;
  /** The directive whose value holds it, when it is in one. */
  directive?: string;
  start: number;
  end: number;
}

function placeholdersOf(dkms: DkmsDocument): Placeholder[] {
  return dkms.placeholders.map((p) => {
    const a = dkms.assignments.find((x) => x.valueSpan.start <= p.start && p.end <= x.valueSpan.end);
    return { text: dkms.text.slice(p.start, p.end), directive: a?.name, start: p.start, end: p.end };
  });
}

/** A word's program name: `/usr/bin/sed` → sed, `%{__sed}` → sed, `./configure` → configure. */
function programName(w: ShellWord): string {
  return w.value.replace(/^%\{?_*/, '').replace(/\}$/, '').replace(/^.*\//, '');
}

/** A command of the build sections that runs one of the programs (as its name or as a word, `find … -exec sed`) on a dkms.conf. */
function rewritesDkmsConf(doc: SpecDocument, programs: RegExp): boolean {
  return specShellCommands(doc, BUILD_SECTIONS).some((cmd) => mentionsDkmsConf(cmd) && runsOneOf(cmd, programs));
}

function mentionsDkmsConf(cmd: ShellCommand): boolean {
  return cmd.words.some((w) => w.text.includes('dkms.conf'));
}

function runsOneOf(cmd: ShellCommand, programs: RegExp): boolean {
  return cmd.nameIndex >= 0 && cmd.words.slice(cmd.nameIndex).some((w) => !w.redirect && programs.test(programName(w)));
}

/** A dkms.conf the spec ships as SourceN beside it and installs with `install`/`cp` from %{SOURCEn}. */
interface SourceInstall {
  number: number;
  /** The command that installs it, and the %{SOURCEn} in it. */
  command: ShellCommand;
  wordStart: number;
  wordEnd: number;
}

/**
 * The commands (of the shell layer) that copy the Source named fileName as it is; undefined when the
 * spec does anything else with it (a sed, a generator reading it) or rewrites a dkms.conf later.
 */
function sourceInstalls(doc: SpecDocument, fileName: string): SourceInstall[] | undefined {
  const numbers = sourceEntries(doc).filter((e) => e.kind === 'source' && e.value.trim().replace(/^.*\//, '') === fileName).map((e) => e.number);
  if (numbers.length === 0) return undefined;
  const out: SourceInstall[] = [];
  for (const cmd of specShellCommands(doc, BUILD_SECTIONS)) {
    for (const w of cmd.words) {
      for (const m of w.text.matchAll(SOURCE_REFERENCE)) {
        const n = Number(m[1] ?? m[2]);
        if (!numbers.includes(n)) continue;
        // anything else than copying it (a sed, a generator reading it) counts as substituting
        const name = commandName(cmd);
        if (!name || !COPIES.test(programName(name)) || runsOneOf(cmd, SUBSTITUTES)) return undefined;
        out.push({ number: n, command: cmd, wordStart: w.start + m.index, wordEnd: w.start + m.index + m[0].length });
      }
    }
    // a `sed … dkms.conf` on the installed copy
    if (mentionsDkmsConf(cmd) && runsOneOf(cmd, SUBSTITUTES)) return undefined;
  }
  return out;
}

/**
 * The installed file's path from `install … %{SOURCEn} DEST` (or `install -t DEST …`): DEST itself
 * for a `.conf` name, else DEST/dkms.conf; undefined when DEST is not a plain word.
 */
function installedPath(cmd: ShellCommand): string | undefined {
  const args = commandArgs(cmd);
  const t = args.findIndex((w) => w.value === '-t' || w.value === '--target-directory');
  const dest = t >= 0 ? args[t + 1] : args[args.length - 1];
  if (!dest || args.length < 2 || dest.quoting !== 'none' || dest.value.startsWith('-') || /SOURCE|[$`]/.test(dest.text)) return undefined;
  if (t >= 0 || dest.text.endsWith('/')) return `${dest.text.replace(/\/$/, '')}/dkms.conf`;
  return /\.conf$/.test(dest.text) ? dest.text : `${dest.text}/dkms.conf`;
}

/**
 * Where a line after the command goes: the end of the line it ends on, when nothing chains on to it
 * (`&&`, `||`, `|`, a `\` continuation); undefined otherwise.
 */
function lineAfter(doc: SpecDocument, cmd: ShellCommand): number | undefined {
  if (cmd.after !== ';' && cmd.after !== '') return undefined;
  const end = doc.lines.lineEnd(doc.lines.lineOf(cmd.end));
  return /\\\s*$/.test(doc.text.slice(cmd.end, end)) ? undefined : end;
}

/** A fix that substitutes a version placeholder with %{version}: only then is the replacement certain. */
function versionFix(placeholders: Placeholder[], insertAt: number, path: string, eol: string): ReportFix[] {
  const version = placeholders.filter((p) => p.directive === 'PACKAGE_VERSION');
  if (version.length === 0) return [];
  const lines = [...new Set(version.map((p) => p.text))].map((t) => `sed -i 's/${t}/%{version}/' ${path}`);
  const edit: OffsetEdit = { start: insertAt, end: insertAt, newText: lines.map((l) => `${eol}${l}`).join('') };
  return [{ title: `Substitute ${version[0].text} with %{version} after installing dkms.conf`, edits: [edit] }];
}

const listOf = (ps: Placeholder[]) => [...new Set(ps.map((p) => (p.directive ? `${p.directive}=${p.text}` : p.text)))].join(', ');

export default defineSpecRule({
  id: 'dkms-conf-placeholder-installed',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'The spec installs a dkms.conf that still holds template placeholders (@VERSION@, #MODULE_VERSION#, __VERSION__) and nothing substitutes them',
  fixSafety: 'unsafe',
  // the spec names dkms.conf; a dkms.conf linted on its own has PACKAGE_*
  requires: ['dkms', 'PACKAGE_'],
  messages: {
    source: 'The spec installs {{file}} (Source{{number}}) as it is, but it still holds {{placeholders}}, and nothing in the spec substitutes them: dkms reads the placeholder text literally (for PACKAGE_VERSION, the version it registers, so the spec\'s dkms commands do not find the module). Substitute them with sed after installing it, or fill them in the file',
    hereDoc: 'The dkms.conf this here-document writes holds {{placeholders}}, and nothing in the spec substitutes them: dkms reads the placeholder text literally. Write the value (for the version, %{version}) instead',
    onConf: '{{spec}} installs this file as it is (Source{{number}}) and nothing substitutes {{placeholder}}: dkms reads the text literally as the value of {{directive}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (doc.isTemplate) return;
    // 1. a here-document the spec writes itself
    for (const conf of embeddedDkmsConfs(doc)) {
      if (conf.appends) continue;
      const ps = placeholdersOf(conf.dkms);
      if (ps.length === 0) continue;
      if (rewritesDkmsConf(doc, HERE_DOC_SUBSTITUTES)) continue;
      const first = ps[0];
      const fixes: ReportFix[] = ps.every((p) => p.directive === 'PACKAGE_VERSION')
        ? [{ title: 'Write %{version} instead', edits: ps.map((p) => ({ start: specOffsetOf(conf, p.start), end: specOffsetOf(conf, p.end), newText: '%{version}' })) }]
        : [];
      ctx.report({ start: specOffsetOf(conf, first.start), end: specOffsetOf(conf, first.end), messageId: 'hereDoc', data: { placeholders: listOf(ps) }, fixes });
    }
    // 2. the dkms.conf beside the spec, shipped as a Source and copied as it is
    const dir = ctx.uri.replace(/\/[^/]*$/, '/');
    for (const r of ctx.related) {
      if (r.languageId !== 'dkms-conf' || !r.uri.startsWith(dir) || r.uri.slice(dir.length).includes('/')) continue;
      const fileName = decodeURIComponent(r.uri.slice(dir.length));
      const dkms = ctx.parseRelatedDkms(r);
      const ps = placeholdersOf(dkms);
      if (ps.length === 0) continue;
      const installs = sourceInstalls(doc, fileName);
      if (!installs || installs.length === 0) continue;
      for (const inst of installs) {
        const path = installedPath(inst.command);
        const insertAt = lineAfter(doc, inst.command);
        ctx.report({
          start: inst.wordStart,
          end: inst.wordEnd,
          messageId: 'source',
          data: { file: fileName, number: inst.number, placeholders: listOf(ps) },
          fixes: path && insertAt !== undefined ? versionFix(ps, insertAt, path, doc.lines.eol) : [],
          related: ps.slice(0, 4).map((p) => ({ start: 0, end: 0, uri: r.uri, range: dkms.lines.range(p.start, p.end), message: `${p.text} is never substituted` })),
        });
      }
    }
  },
  checkDkms(ctx) {
    const ps = placeholdersOf(ctx.doc);
    if (ps.length === 0) return;
    const dir = ctx.uri.replace(/\/[^/]*$/, '/');
    const fileName = decodeURIComponent(ctx.uri.slice(dir.length));
    for (const r of ctx.related) {
      if (r.languageId !== 'rpm-spec' || !r.uri.startsWith(dir) || r.uri.slice(dir.length).includes('/')) continue;
      const spec = ctx.parseRelatedSpec(r);
      if (spec.isTemplate) continue;
      const installs = sourceInstalls(spec, fileName);
      if (!installs || installs.length === 0) continue;
      const specName = decodeURIComponent(r.uri.slice(dir.length));
      for (const p of ps) {
        ctx.report({
          start: p.start,
          end: p.end,
          messageId: 'onConf',
          data: { spec: specName, number: installs[0].number, placeholder: p.text, directive: p.directive ?? 'its line' },
          related: [{ start: 0, end: 0, uri: r.uri, range: spec.lines.range(installs[0].wordStart, installs[0].wordEnd), message: `${specName} installs it here` }],
        });
      }
    }
  },
});
