import { macroValue } from '../../catalog/expand';
import { shellScript } from '../../shell/specShell';
import type { SpecDocument } from '../../specfile/ast';
import { DIR_OPTION, filesEntryPaths, macroForPath, macroMatches, type PathMacro } from '../../specfile/paths';
import type { Report } from '../types';
import { defineSpecRule } from '../types';
import { trimTrailingSlashes } from '../../text/trim';

const BUILDROOT_PATH = /(?:%\{\??buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})\/?(\/[A-Za-z0-9_.+@-][^\s"';|&)`$%{}\\]*)/g;
/**
 * Commands that act on files already there (moved or removed after upstream's install): the
 * literal may be exactly where upstream put them, so they are reported only when the macro has
 * the same value (the fix then changes nothing).
 */
const EXISTING_FILE_COMMANDS = /^(?:rm|rmdir|find|pushd|cd|ls|test|\[|\[\[|unlink)$/;
/** Commands whose arguments are expressions or text, not file names. */
const TEXT_COMMANDS = /^(?:sed|perl|awk|gawk|grep|echo|printf)$/;

/**
 * Literals the spec compares with their own macro (`if [ %{_prefix} != /usr ]`, `%if "%{_prefix}" ==
 * "/usr"`): there the literal is the point (moving files from upstream's fixed location when the
 * macro differs), so `macro\0literal` pairs found anywhere in the spec are not reported.
 */
function comparedWithMacro(text: string): Set<string> {
  const pairs = new Set<string>();
  if (!text.includes('=')) return pairs;
  const macroFirst = /%\{?([A-Za-z_]\w*)\}?["']?[ \t]*(?:!=|==|=)[ \t]*["']?(\/[^\s"';|&)\]]*)/g;
  // The literal starts after a blank or a quote and stops at one, so each character is scanned at
  // most twice (a run of slashes or of `[/` stays linear).
  const literalFirst = /(?<![^\s"'])(\/[^\s"';|&(=![]*)["']?[ \t]*(?:!=|==|=)[ \t]*["']?%\{?([A-Za-z_]\w*)\}?/g;
  for (const m of text.matchAll(macroFirst)) pairs.add(`${m[1]}\0${trimTrailingSlashes(m[2]) || '/'}`);
  for (const m of text.matchAll(literalFirst)) pairs.add(`${m[2]}\0${trimTrailingSlashes(m[1]) || '/'}`);
  return pairs;
}

/** Paths under /usr/lib and /lib without a macro of their own are hardcoded-library-path's business (or correct). */
function candidate(path: string): PathMacro | undefined {
  const p = macroForPath(trimTrailingSlashes(path) || '/');
  if (!p) return undefined;
  if (p.prefix === '/usr' && trimTrailingSlashes(path) !== '/usr') return undefined;
  return p;
}

export default defineSpecRule({
  id: 'hardcoded-path',
  category: 'paths',
  defaultSeverity: 'information',
  description: 'An install location is written as a literal path where an rpm directory macro exists',
  fixSafety: 'safe',
  messages: {
    hardCoded: '{{prefix}} is hard-coded {{where}}: use {{replacement}}{{note}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    // Scans of every %files line and of the whole text, needed only when there is something to report.
    let baseLayout: boolean | undefined;
    let compared: Set<string> | undefined;
    const report = (start: number, p: PathMacro, where: string, onlyIfSame = false) => {
      const same = macroMatches(p, ctx.profile.release);
      if (onlyIfSame && !same) return;
      if ((baseLayout ??= ownsBaseLayout(doc))) return;
      compared ??= comparedWithMacro(doc.text);
      if (compared.has(`${p.macro}\0${p.prefix}`)) return;
      const end = start + p.prefix.length;
      const value = macroValue(p.macro, ctx.profile.release);
      const note = same || value === undefined ? '' : ` (on ${ctx.distro} ${p.replacement} is ${value}, so the files move there)`;
      const r: Report<'hardCoded'> = {
        start,
        end,
        messageId: 'hardCoded',
        data: { prefix: p.prefix, where, replacement: p.replacement, note },
        fixes: [{ title: `Use ${p.replacement}`, safety: same ? 'safe' : 'unsafe', edits: [{ start, end, newText: p.replacement }] }],
      };
      ctx.report(r);
    };
    for (const section of doc.sections) {
      if (section.kind === 'build' || section.kind === 'install' || section.kind === 'check') {
        for (const cmd of shellScript(doc, section)?.commands ?? []) {
          // The command's name is looked at only once a word has a slash (most commands have none).
          let name: string | undefined;
          let base0 = '';
          let textCommand = false;
          for (let k = 0; k < cmd.words.length; k++) {
            const w = cmd.words[k];
            // Both checks below are about a literal absolute path: no slash, nothing to find.
            if (!w.text.includes('/')) continue;
            if (name === undefined) {
              name = cmd.nameIndex >= 0 ? cmd.words[cmd.nameIndex].text : '';
              base0 = name.replace(/^.*\//, '').replace(/^%\{?__(\w+)\}?$/, '$1');
              textCommand = TEXT_COMMANDS.test(base0);
            }
            if (textCommand && !w.redirect && k !== cmd.nameIndex) {
              // a file operand like %{buildroot}/usr/bin/foo is still a location; expressions are not
              if (/^["']?s(.).*\1/.test(w.text) || /^-/.test(w.text) || /[|]/.test(w.text) || name === 'echo' || name === 'printf') continue;
            }
            const base = w.start;
            BUILDROOT_PATH.lastIndex = 0;
            // (BUILDROOT_PATH needs one of the build root's names.)
            const afterBuildroot = w.text.includes('buildroot') || w.text.includes('RPM_BUILD_ROOT');
            for (let mm = afterBuildroot ? BUILDROOT_PATH.exec(w.text) : null; mm; mm = BUILDROOT_PATH.exec(w.text)) {
              if (!mm[1]) continue;
              const p = candidate(mm[1]);
              if (!p) continue;
              const idx = mm.index + mm[0].length - mm[1].length;
              // `mv %{buildroot}/sbin/* %{buildroot}%{_sbindir}`: files are moved from (or renamed within) where upstream put them
              const existing = EXISTING_FILE_COMMANDS.test(base0) || (base0 === 'mv' && !w.redirect);
              // `mv %{buildroot}/usr %{buildroot}%{_prefix}`: the move goes to the macro's location, the literal is its source
              if (base0 === 'mv' && cmd.words.some((o) => o !== w && namesMacro(o.text, p.macro))) continue;
              report(base + idx, p, 'after the build root', existing);
            }
            // --prefix=/usr, -DCMAKE_INSTALL_PREFIX=/usr, PREFIX=/usr
            const opt = DIR_OPTION.exec(w.text);
            if (opt && !/libdir|LIBDIR/.test(opt[0])) {
              const raw = w.text.slice(opt[0].length);
              const q = /^["']/.test(raw) ? 1 : 0;
              const value = raw.slice(q).replace(/["']$/, '');
              if (value.startsWith('/') && !/[%$]/.test(value)) {
                const p = candidate(value);
                if (p && trimTrailingSlashes(value) === p.prefix) report(base + opt[0].length + q, p, `in ${opt[0].slice(0, -1)}`);
              }
            }
          }
        }
      } else if (section.kind === 'files') {
        for (let l = section.headerLine + 1; l <= section.endLine; l++) {
          if (doc.lineKinds[l] !== 'body' && doc.lineKinds[l] !== 'macro-line') continue;
          const start = doc.lines.lineStarts[l];
          const end = doc.lines.lineEnd(l);
          if (!hasEntryPathSlash(doc.text, start, end)) continue; // no literal path on this line
          const text = doc.text.slice(start, end);
          for (const e of filesEntryPaths(text)) {
            const p = candidate(e.path);
            // the directory itself (`/sbin`, `%dir /etc`) is only listed by layout packages such as filesystem
            if (p && trimTrailingSlashes(e.path) !== p.prefix) report(start + e.index, p, 'in %files');
          }
        }
      }
    }
  },
});

/**
 * The %files line text[start, end) may have an absolute literal path (what filesEntryPaths lists):
 * a `/` that starts a word or follows its opening quote, so after the line start, a blank, a
 * quote or the `)` of a directive (filesLineWords's word boundaries; any non-ASCII character counts
 * as a possible blank). Most lines only have `%{_bindir}/…`-style paths: no split, no words.
 */
function hasEntryPathSlash(text: string, start: number, end: number): boolean {
  for (let i = text.indexOf('/', start); i >= 0 && i < end; i = text.indexOf('/', i + 1)) {
    if (i === start) return true;
    const before = text.charCodeAt(i - 1);
    if (before <= 32 || before === 34 || before === 41 || before >= 128) return true;
  }
  return false;
}

/**
 * The top-level directories whose owner defines the system's layout, and the user and group
 * databases, whose place glibc and shadow-utils fix (they read /etc/passwd whatever a package's
 * %{_sysconfdir} is).
 */
const BASE_PATHS = new Set(['/usr', '/etc', '/var', '/etc/passwd', '/etc/group']);

/**
 * The spec owns the base directories themselves (`%dir /etc`, `/usr` in %files) or the system's
 * user database: it is the layout package (Fedora's filesystem) or the base-files package (setup:
 * /etc/passwd, /etc/shadow, /etc/services, /etc/profile …), whose %files lists the FHS directories
 * and system files by their fixed names on purpose: the literal is what it defines, and a macro
 * would move them with the prefix.
 */
function ownsBaseLayout(doc: SpecDocument): boolean {
  for (const section of doc.sections) {
    if (section.kind !== 'files') continue;
    for (let l = section.headerLine + 1; l <= section.endLine; l++) {
      if (doc.lineKinds[l] !== 'body' && doc.lineKinds[l] !== 'macro-line') continue;
      const start = doc.lines.lineStarts[l];
      const end = doc.lines.lineEnd(l);
      if (!hasEntryPathSlash(doc.text, start, end)) continue;
      if (filesEntryPaths(doc.text.slice(start, end)).some((e) => BASE_PATHS.has(trimTrailingSlashes(e.path)))) return true;
    }
  }
  return false;
}

/** The word uses the macro `name` (`%name` or `%{name}`, not a longer name that starts with it). */
function namesMacro(text: string, name: string): boolean {
  for (const prefix of ['%{', '%']) {
    for (let i = text.indexOf(prefix + name); i >= 0; i = text.indexOf(prefix + name, i + 1)) {
      if (!/\w/.test(text.charAt(i + prefix.length + name.length))) return true;
    }
  }
  return false;
}
