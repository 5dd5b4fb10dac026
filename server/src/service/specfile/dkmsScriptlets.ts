// Spec-side DKMS knowledge shared by the dkms-* spec rules: where a spec calls `dkms` from its
// scriptlets (directly or through a macro the scriptlet uses), what module/version it passes,
// which packages are DKMS packages, and where the module source is installed under /usr/src.
import type { ProfileLike } from '../catalog/profile';
import type { MacroDefinition, Section, SpecDocument } from './ast';
import { definitionTable, scopeOf } from './macroScope';
import { refsInRange } from './query';
import type { ShellCommand, ShellWord } from '../shell';
import { definitionShell, isShellScriptlet, shellScript } from '../shell/specShell';
import { cachedPerParse } from '../perParse';
import { maxOf } from '../text/arrays';

/** A command in a scriptlet, or in a macro definition that a scriptlet expands (document offsets). */
export type ScriptCommand = ShellCommand;

export interface WordSpan {
  text: string;
  start: number;
  end: number;
}

export interface DkmsCall {
  /** The scriptlet the call runs in. */
  section: Section;
  /** Set when the call is written in a macro definition that the scriptlet uses. */
  definition?: MacroDefinition;
  /** Commands of the scriptlet (or of the definition body) in order, and this call's index there. */
  sequence: ScriptCommand[];
  index: number;
  /** The executable word (`dkms`, `/usr/sbin/dkms`, `%{_sbindir}/dkms`). */
  exe: WordSpan;
  action?: WordSpan;
  module?: WordSpan;
  version?: WordSpan;
  /** `--all` given. */
  all: boolean;
  /** `-k`/`--kernelver` given. */
  kernel: boolean;
  rpmSafeUpgrade: boolean;
  /** An argument whose content we cannot see (`$ARGS`, `%{dkms_opts}`, `"$@"`). */
  opaqueArgs: boolean;
  /** Document offset just after the last argument that is not a redirection. */
  argsEnd: number;
}

const DKMS_EXE = /^(?:(?:\/usr)?\/s?bin\/|%\{?_s?bindir\}?\/)?dkms$/;

export function isDkmsExecutable(word: string): boolean {
  return DKMS_EXE.test(word.replace(/^["']|["']$/g, ''));
}

function parseCall(section: Section, sequence: ScriptCommand[], index: number, definition?: MacroDefinition): DkmsCall | undefined {
  const cmd = sequence[index];
  if (cmd.nameIndex < 0) return undefined;
  const exeWord = cmd.words[cmd.nameIndex];
  if (!isDkmsExecutable(exeWord.text)) return undefined;
  const span = (w: ShellWord): WordSpan => ({ text: w.text, start: w.start, end: w.end });
  const args = cmd.words.slice(cmd.nameIndex + 1);
  const call: DkmsCall = {
    section, definition, sequence, index, exe: span(exeWord),
    all: false, kernel: false, rpmSafeUpgrade: false, opaqueArgs: false, argsEnd: exeWord.end,
  };
  let positional = 0;
  for (let k = 0; k < args.length; k++) {
    const w = args[k];
    if (w.redirect) continue;
    call.argsEnd = w.end;
    const t = w.text.replace(/^(["'])(.*)\1$/, '$2');
    const optArg = (): ShellWord | undefined => {
      const next = args[k + 1];
      if (next && !next.redirect) { k++; call.argsEnd = next.end; return next; }
      return undefined;
    };
    if (t === '--all') call.all = true;
    else if (t === '-k' || t === '--kernelver') { call.kernel = true; optArg(); }
    else if (/^(-k.|--kernelver=)/.test(t)) call.kernel = true;
    else if (t === '--rpm_safe_upgrade') call.rpmSafeUpgrade = true;
    else if (t === '-m' || t === '--module') {
      const v = optArg();
      if (v) setModule(call, span(v));
    } else if (t === '-v' || t === '--module-version') {
      const v = optArg();
      if (v) call.version = span(v);
    } else if (['-c', '-a', '--arch', '--config', '--archive', '--kernelsourcedir', '--dkmstree', '--sourcetree', '--installtree'].includes(t)) optArg();
    else if (t.startsWith('-')) {
      // other flags (-q, --force, --verbose, --no-depmod, --arch=…); a conditional macro may hide --all
      if (/--all\b/.test(t)) call.all = true;
    } else if (/^%\{[!?]+[\w]+:([^}]*)\}$/.test(t)) {
      // `%{!?not_rpm:--rpm_safe_upgrade}`: the argument text is what it can expand to
      const inner = /:([^}]*)\}$/.exec(t)![1];
      if (/--all\b/.test(inner)) call.all = true;
      if (/--rpm_safe_upgrade/.test(inner)) call.rpmSafeUpgrade = true;
      if (/(^|\s)-k\b|--kernelver/.test(inner)) call.kernel = true;
    } else if (positional === 0 && !call.action) {
      call.action = span(w);
      positional++;
    } else if (positional === 1 && !call.module) {
      // `dkms add $ARGS`: a variable may hold several arguments
      if (/^["']?[$%]/.test(w.text) && !w.text.includes('/')) call.opaqueArgs = true;
      setModule(call, span(w));
      positional++;
    } else {
      call.opaqueArgs = true;
    }
  }
  if (call.action && !/^[a-z_]+$/.test(call.action.text)) call.opaqueArgs = true;
  return call;
}

/** `-m foo/1.0` or the positional `foo/1.0`. */
function setModule(call: DkmsCall, w: WordSpan): void {
  const slash = w.text.indexOf('/');
  if (slash > 0 && !w.text.startsWith('/')) {
    call.module = { text: w.text.slice(0, slash), start: w.start, end: w.start + slash };
    call.version = { text: w.text.slice(slash + 1), start: w.start + slash + 1, end: w.end };
  } else call.module = w;
}

/** Every `dkms …` command a shell scriptlet or trigger runs, in document order (cached per parse). */
export const dkmsCalls = cachedPerParse((doc: SpecDocument): DkmsCall[] => {
  const out: DkmsCall[] = [];
  // A call's executable word ends with `dkms` as written, in a scriptlet's text or in a
  // definition's body: without that word anywhere, no scriptlet needs reading (most specs).
  if (!doc.text.includes('dkms') && !doc.macroDefinitions.some((d) => d.body.includes('dkms'))) return out;
  const defs = definitionTable(doc);
  const seenDefs = new Set<MacroDefinition>();
  for (const section of doc.sections) {
    if (!isShellScriptlet(section)) continue;
    const seq = shellScript(doc, section)?.commands ?? [];
    for (let i = 0; i < seq.length; i++) {
      const call = parseCall(section, seq, i);
      if (call) out.push(call);
    }
    // macros the scriptlet expands that are defined in this spec (one level)
    for (const ref of refsInRange(doc, section.body.start, section.body.end)) {
      const list = defs.definitions(ref.name);
      if (list.length === 0 || ref.depth !== 0) continue;
      for (const def of list) {
        if (seenDefs.has(def) || def.parameters !== undefined && def.parameters !== '') continue;
        if (!/\bdkms\b/.test(def.body)) continue;
        seenDefs.add(def);
        const dseq = definitionShell(def, doc).commands;
        for (let i = 0; i < dseq.length; i++) {
          const call = parseCall(section, dseq, i, def);
          if (call) out.push(call);
        }
      }
    }
  }
  out.sort((a, b) => a.exe.start - b.exe.start);
  return out;
});

/** Actions that change the dkms tree (the ones a package's scriptlets are about). */
export const MUTATING_ACTIONS = new Set(['add', 'build', 'install', 'remove', 'uninstall', 'unbuild', 'autoinstall', 'ldtarball', 'match']);

/** Package indexes whose scriptlets run dkms add/build/install/remove, or that require dkms. */
export function dkmsPackages(doc: SpecDocument): Set<number> {
  const out = new Set<number>();
  for (const c of dkmsCalls(doc)) if (c.action && MUTATING_ACTIONS.has(c.action.text) && c.section.packageIndex >= 0) out.add(c.section.packageIndex);
  for (const t of doc.tags) {
    if (t.key !== 'requires' || !t.dependencies) continue;
    if (t.dependencies.some((d) => d.name === 'dkms')) out.add(t.packageIndex);
  }
  // the dkms package itself is not a DKMS module package
  for (const i of [...out]) if (/^dkms$/.test(doc.packages[i]?.name ?? '')) out.delete(i);
  return out;
}

/**
 * Expansion of spec text with the definition model as it stands at `offset` (default: the end of
 * the file, where scriptlets and %files are read). `resolved`: certain and free of shell/macro text.
 */
export function expandSpecText(doc: SpecDocument, text: string, distro: ProfileLike, offset = doc.text.length): { text: string; resolved: boolean } {
  // Text without a macro expands to itself (MacroScope.expand's own shortcut), without reading
  // the spec's definitions for the profile first.
  if (!text.includes('%')) return { text, resolved: !/[$@`]/.test(text) };
  const r = scopeOf(doc, distro).expand(text, offset);
  const resolved = !r.uncertain && r.undefinedNames.length === 0 && !/[%$@`]/.test(r.text);
  return { text: r.text, resolved };
}

/** Canonical spelling for a comparison of macro text: `%name` → `%{name}`, quotes removed. */
export function normalizeMacroText(text: string): string {
  // Most dependency names have neither macros nor quotes: skip the three regex passes.
  if (!text.includes('%') && !isQuote(text.charCodeAt(0)) && !isQuote(text.charCodeAt(text.length - 1))) return text;
  return text.replace(/^["']|["']$/g, '').replace(/%([A-Za-z_]\w*)/g, '%{$1}').replace(/%\{\?([A-Za-z_]\w*)\}/g, '%{$1}');
}

function isQuote(c: number): boolean {
  return c === 34 /* " */ || c === 39 /* ' */;
}

export interface SourceDir {
  /** The directory name under /usr/src as written (`%{module}-%{version}`). */
  text: string;
  start: number;
  end: number;
  packageIndex: number;
  /** Where it was found. */
  from: 'files' | 'install';
}

const USRSRC = /(?:%\{?_usrsrc\}?|%\{?_prefix\}?\/src|%\{?_usr\}?\/src|\/usr\/src)\/([^/\s"'*?]*[^/\s"'])/g;

/** Directories under /usr/src that the spec packages (%files) or installs (%install into the build root). */
export function usrSrcDirs(doc: SpecDocument): SourceDir[] {
  const out: SourceDir[] = [];
  for (const section of doc.sections) {
    if (section.kind !== 'files' && section.kind !== 'install') continue;
    for (let l = section.headerLine + 1; l <= section.endLine; l++) {
      const kind = doc.lineKinds[l];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      const start = doc.lines.lineStarts[l];
      const text = doc.text.slice(start, doc.lines.lineEnd(l));
      // Every form of USRSRC has `src`: most lines are passed over with that test alone.
      if (!text.includes('src')) continue;
      if (section.kind === 'install' && !/%\{?\??buildroot\}?|\$\{?RPM_BUILD_ROOT\}?/.test(text)) continue;
      USRSRC.lastIndex = 0;
      for (let m = USRSRC.exec(text); m; m = USRSRC.exec(text)) {
        if (section.kind === 'install') {
          const before = text.slice(0, m.index);
          if (!/(%\{?\??buildroot\}?|\$\{?RPM_BUILD_ROOT\}?)\/?["']?$/.test(before)) continue;
        }
        const dir = m[1];
        if (dir === 'kernels' || dir === 'debug' || dir.startsWith('linux')) continue;
        const s = start + m.index + m[0].length - dir.length;
        out.push({ text: dir, start: s, end: s + dir.length, packageIndex: section.kind === 'files' ? section.packageIndex : -1, from: section.kind });
      }
    }
  }
  return out;
}

/** Where a new preamble tag line for the package goes: after its last unconditional tag (or its header). */
export function tagInsertionOffset(doc: SpecDocument, packageIndex: number): number | undefined {
  const tags = doc.tags.filter((t) => t.packageIndex === packageIndex && t.conditionalPath === 0);
  let line: number;
  if (tags.length > 0) line = maxOf(tags.map((t) => doc.lines.lineOf(t.end)));
  else {
    const header = doc.packages[packageIndex]?.section?.headerLine;
    if (header === undefined) return undefined;
    line = header;
  }
  return doc.lines.lineEndWithBreak(line);
}

/** A scriptlet tests for dkms before running it (`command -v dkms`, `[ -x /usr/sbin/dkms ]`, `which dkms`). */
export function checksForDkms(doc: SpecDocument, section: Section): boolean {
  const body = doc.text.slice(section.body.start, section.body.end);
  return /(command\s+-v|which|type|hash)\s+dkms\b|-[xef]\s+["']?(?:\/usr)?(?:\/s?bin\/|%\{?_s?bindir\}?\/)dkms\b/.test(body);
}
