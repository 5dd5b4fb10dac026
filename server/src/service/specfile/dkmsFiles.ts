// What a DKMS package puts under /usr/src: its %files entries there, and what %install copies
// into /usr/src/<dir>/ — the latter only when every %install command that could write there is
// one we understand (cp/install/mv with visible arguments), so rules can stay silent otherwise.
import type { DistroId } from '../types';
import type { Section, SpecDocument } from './ast';
import { expandSpecText } from './dkmsScriptlets';
import { scopeOf } from './macroScope';
import { FILES_DIRECTIVE } from './paths';
import { commandName, type ShellCommand, type ShellWord } from '../shell';
import { shellScript } from '../shell/specShell';
import { BUILDROOT_REFERENCE } from '../shell/buildCommands';
import { trimTrailingSlashes } from '../text/trim';

export interface UsrSrcEntry {
  section: Section;
  packageIndex: number;
  /** The path word as written, and where. */
  text: string;
  start: number;
  end: number;
  /** Offsets of the whole line (for a fix that removes it). */
  lineStart: number;
  lineEnd: number;
  /** The path after `/usr/src/` once expanded: '' for /usr/src itself; undefined when it does not expand. */
  rest?: string;
  /** The expansion does not depend on a conditional definition. */
  certain: boolean;
  /** `%dir`: only the directory itself is packaged. */
  dirOnly: boolean;
  /** `%exclude`: the path is left out. */
  exclude: boolean;
  /** `%ghost`: listed but not shipped. */
  ghost: boolean;
}

/** Words of a %files line: `%attr(…)` and `%{…}` stay one word each. */
function filesWords(line: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let k = 0;
  while (k < line.length) {
    while (k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
    if (k >= line.length || line[k] === '#') break;
    const start = k;
    let depth = 0;
    let quote = '';
    for (; k < line.length; k++) {
      const c = line[k];
      if (quote) {
        if (c === quote) quote = '';
        continue;
      }
      if (c === '"') quote = c;
      else if (c === '(' || c === '{') depth++;
      else if ((c === ')' || c === '}') && depth > 0) depth--;
      else if ((c === ' ' || c === '\t') && depth === 0) break;
    }
    out.push({ text: line.slice(start, k), index: start });
  }
  return out;
}

/** The part of an expanded absolute path after /usr/src ('' for /usr/src itself), or undefined. */
function underUsrSrc(path: string): string | undefined {
  const p = path.replace(/\/{2,}/g, '/');
  if (p === '/usr/src' || p === '/usr/src/') return '';
  return p.startsWith('/usr/src/') ? p.slice('/usr/src/'.length) : undefined;
}

/** Quick pre-test on the written word before expanding it: /usr/src, or a macro that may expand to a path there. */
const MAY_BE_USRSRC = /^"?(?:%|\/usr\/src(?:\/|"?$))/;

/** The module directory of an entry as written (`%{_usrsrc}/%{module}-%{version}`), without what follows it. */
export function moduleDirText(e: UsrSrcEntry): string | undefined {
  return /^"?((?:%\{?\??_usrsrc\}?|%\{?\??_prefix\}?\/src|%\{?\??_usr\}?\/src|\/usr\/src)\/[^/"]+)/.exec(e.text)?.[1];
}

/** Every %files entry (of every package) that lies in /usr/src or is /usr/src itself. */
export function usrSrcFilesEntries(doc: SpecDocument, distro: DistroId): UsrSrcEntry[] {
  const out: UsrSrcEntry[] = [];
  for (const section of doc.sections) {
    if (section.kind !== 'files') continue;
    for (let l = section.bodyStartLine; l <= section.endLine; l++) {
      const kind = doc.lineKinds[l];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      const lineStart = doc.lines.lineStarts[l];
      const lineEnd = doc.lines.lineEnd(l);
      const line = doc.text.slice(lineStart, lineEnd);
      let dirOnly = false;
      let exclude = false;
      let ghost = false;
      for (const w of filesWords(line)) {
        const name = /^%([a-z]+)/.exec(w.text)?.[1];
        if (name && FILES_DIRECTIVE.test(w.text)) {
          if (name === 'dir') dirOnly = true;
          else if (name === 'exclude') exclude = true;
          else if (name === 'ghost') ghost = true;
          continue;
        }
        if (!MAY_BE_USRSRC.test(w.text)) continue;
        const unquoted = w.text.replace(/^"|"$/g, '');
        const exp = scopeOf(doc, distro).expand(unquoted, lineStart);
        const plain = exp.undefinedNames.length === 0 && !/[%$@`]/.test(exp.text);
        const rest = plain ? underUsrSrc(exp.text) : undefined;
        // a path elsewhere is not ours; one we cannot expand may be here
        if (plain && rest === undefined) continue;
        const start = lineStart + w.index;
        out.push({ section, packageIndex: section.packageIndex, text: w.text, start, end: start + w.text.length, lineStart, lineEnd, rest, certain: plain && !exp.uncertain, dirOnly, exclude, ghost });
      }
    }
  }
  return out;
}

/** How %install fills one directory under /usr/src. */
export interface UsrSrcInstall {
  /** The directory under /usr/src (expanded), e.g. `foo-1.0`. */
  dir: string;
  /** Names (relative to the directory) of what is copied there, as far as they are known. */
  names: string[];
  /** The copy commands. */
  commands: ShellCommand[];
}

const COPY = new Set(['cp', 'install', 'mv', '%{__cp}', '%{__install}', '%{__mv}', '%__cp', '%__install', '%__mv']);
/** Commands that never create a file from their arguments. */
const HARMLESS = new Set([
  'mkdir', 'rm', 'rmdir', 'chmod', 'chown', 'touch', 'echo', 'printf', 'true', ':', 'cd', 'pushd', 'popd', 'test', '[', 'ls', 'sed', 'find', 'exit', 'set',
  '%{__mkdir_p}', '%{__mkdir}', '%{__rm}', '%{__chmod}', '%{__chown}', '%{__sed}', '%__mkdir_p', '%__rm', '%__sed',
]);
/** Options of cp/install/mv that take a value (the next word). */
const VALUE_OPTIONS = new Set(['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix', '--reflink', '--backup', '--preserve', '--no-preserve', '-Z', '--context']);

const BUILDROOT_AT_START = new RegExp(`^(?:${BUILDROOT_REFERENCE.source})`);

/** The build root removed from the start of a word: the rest (an absolute path), or undefined when the word is not in the build root. */
function inBuildRoot(word: string): string | undefined {
  const m = BUILDROOT_AT_START.exec(word);
  if (!m) return undefined;
  const rest = word.slice(m[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** A source word's possible base names: the expanded name, or a glob over it; undefined when unknown (variables). */
function sourceName(doc: SpecDocument, distro: DistroId, w: ShellWord): string | undefined {
  // rpmbuild's own variables for the source and build folders name no file of their own
  const value = w.value.replace(/^\$\{?RPM_(?:SOURCE|BUILD)_DIR\}?\//, '/');
  if (w.hasCommandSubstitution || /\$/.test(value)) return undefined;
  const exp = expandSpecText(doc, value, distro);
  if (!exp.resolved && !/^[^%$`]*$/.test(exp.text)) return undefined;
  const base = trimTrailingSlashes(exp.text).replace(/^.*\//, '');
  return base === '' || base === '.' || base === '..' ? undefined : base;
}

/**
 * What %install copies into each directory under the build root's /usr/src, or undefined when some
 * command could write there in a way we cannot follow (make install, tar, a variable destination,
 * a recursive copy of something that may be a directory, a redirect into an unknown file…).
 */
export function usrSrcInstalls(doc: SpecDocument, distro: DistroId, onUnsure?: (cmd: ShellCommand) => void): Map<string, UsrSrcInstall> | undefined {
  const out = new Map<string, UsrSrcInstall>();
  const unsure = (cmd: ShellCommand) => {
    onUnsure?.(cmd);
    return undefined;
  };
  for (const section of doc.sections) {
    if (section.kind !== 'install') continue;
    const script = shellScript(doc, section);
    if (!script) return undefined;
    for (const cmd of script.commands) {
      for (const r of cmd.redirects) {
        if (r.op.startsWith('<')) continue;
        const t = r.target?.value;
        if (r.op.endsWith('&') || t === undefined || /^(?:\/dev\/null|&?[0-9-])$/.test(t)) continue;
        if (inBuildRoot(t) !== undefined || /[$%`]/.test(t)) return unsure(cmd);
      }
      const nameWord = commandName(cmd);
      if (!nameWord) {
        if (cmd.functionName) return unsure(cmd);
        continue;
      }
      const name = nameWord.value;
      if (HARMLESS.has(name)) {
        if (name === 'find' && cmd.words.some((w) => /^-(?:exec|execdir|ok|fprint)/.test(w.value))) return unsure(cmd);
        continue;
      }
      if (!COPY.has(name)) {
        // anything else that names the build root, /usr/src or DESTDIR may put files there
        const rest = cmd.words.slice(cmd.nameIndex);
        if (rest.some((w) => BUILDROOT_REFERENCE.test(w.text) || /usr\/?src|DESTDIR|\$/.test(w.text))) return unsure(cmd);
        if (/^[%.]|\//.test(name)) return unsure(cmd); // a macro or a script: unknown effects
        continue;
      }
      if (!copyInto(doc, distro, cmd, name, out)) return unsure(cmd);
    }
  }
  return out;
}

/** Records a cp/install/mv into /usr/src; false when its effect there cannot be told. */
function copyInto(doc: SpecDocument, distro: DistroId, cmd: ShellCommand, name: string, out: Map<string, UsrSrcInstall>): boolean {
  const args = cmd.words.slice(cmd.nameIndex + 1).filter((w) => !w.redirect);
  const operands: ShellWord[] = [];
  let target: ShellWord | undefined;
  let recursive = false;
  let directoryMode = false; // install -d
  let noTargetDir = false; // -T
  for (let k = 0; k < args.length; k++) {
    const v = args[k].value;
    if (v === '--') {
      operands.push(...args.slice(k + 1));
      break;
    }
    if (v.startsWith('--')) {
      if (v === '--recursive' || v === '--archive') recursive = true;
      else if (v === '--directory') directoryMode = true;
      else if (v === '--target-directory') target = args[++k];
      else if (v.startsWith('--target-directory=')) return false;
      else if (VALUE_OPTIONS.has(v)) k++;
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      const flags = v.slice(1);
      if (/[rRa]/.test(flags) && !name.includes('install')) recursive = true;
      if (name.includes('install') && flags.includes('d')) directoryMode = true;
      if (flags.includes('T')) noTargetDir = true;
      if (flags.endsWith('t')) target = args[++k];
      else if (/[mogS]$/.test(flags) && VALUE_OPTIONS.has(`-${flags.slice(-1)}`)) k++;
      continue;
    }
    operands.push(args[k]);
  }
  if (directoryMode) {
    // `install -d dir…` creates directories only
    return true;
  }
  if (!target) target = operands.pop();
  if (!target || operands.length === 0) return true;
  const dest = inBuildRoot(target.value);
  if (dest === undefined) {
    // a destination outside the build root is harmless; an unknown one (a variable, `.`) is not
    return !/[$`]/.test(target.value) && !/^\.{0,2}\/?$/.test(target.value) && !target.value.includes('%');
  }
  if (target.hasCommandSubstitution || target.variables.some((v) => v.name !== 'RPM_BUILD_ROOT')) return false;
  const exp = expandSpecText(doc, dest, distro);
  if (!exp.resolved) return false;
  const rest = underUsrSrc(exp.text);
  if (rest === undefined) return true;
  const [dir, ...sub] = trimTrailingSlashes(rest).split('/');
  if (!dir) return false; // straight into /usr/src
  let entry = out.get(dir);
  if (!entry) out.set(dir, (entry = { dir, names: [], commands: [] }));
  entry.commands.push(cmd);
  // `cp a b dest/x`: dest names a file only with one operand and no trailing slash (or -T)
  const last = sub[sub.length - 1];
  const destIsFile = operands.length === 1 && !target.value.endsWith('/') && (noTargetDir || (last !== undefined && (/\./.test(last) || last === sourceName(doc, distro, operands[0]))));
  if (destIsFile) {
    entry.names.push(sub.join('/') || dir);
    if (recursive) return false;
    return true;
  }
  const prefix = sub.length > 0 ? `${sub.join('/')}/` : '';
  for (const o of operands) {
    const base = sourceName(doc, distro, o);
    if (base === undefined) return false;
    // a recursive copy of something that may be a directory brings files we cannot see
    if (recursive && !/[*?[]/.test(base) && !/\.[A-Za-z0-9]+$/.test(base) && !/^(?:Makefile|Kbuild|Kconfig|GNUmakefile)$/.test(base)) return false;
    entry.names.push(prefix + base);
  }
  return true;
}
