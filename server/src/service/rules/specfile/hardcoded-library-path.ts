import { allMacros, macroValue } from '../../catalog/expand';
import type { SpecDocument } from '../../specfile/ast';
import { isNoarch } from '../../specfile/query';
import { isShellScriptlet, shellScript } from '../../shell/specShell';
import { filesEntryPaths, macroForPath } from '../../specfile/paths';
import type { DistroId } from '../../types';
import { cachedPerParse } from '../../perParse';
import { defineSpecRule, type Report, type ReportFix, type SpecRuleContext } from '../types';

/**
 * A literal library directory at the start of a location: a word, after `=`, `:`, `,`, `-L`/`-I`,
 * after the build root, or after `%{_prefix}` (`%{_prefix}/lib64`). Group 1: `/usr` or the
 * `%{_prefix}` spelling; group 2: `64`; group 3: the rest of the path.
 */
const LIB_PATH = /(?<=^|[\s=:,("'[]|-[LI]|%\{\??buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\}|\$\{?DESTDIR\}?)(\/usr|%\{_prefix\}|%_prefix|%\{_exec_prefix\})?\/lib(64)?(?=\/|$|[\s"':;,)\]])((?:\/[^/\s"';|&)]+)*)/g;
const LIB_FILE = /^(?:lib[^/]*|[^/]*\*[^/]*)\.(?:so(?:\.[\w.*]*)?|a|la)$|^\*\.(?:so|a|la)(?:\.\*|\*)?$|^pkgconfig$/;
const TEXT_COMMANDS = /^(?:sed|perl|awk|gawk|grep|egrep|echo|printf|cat)$/;
/**
 * Commands that probe, remove or enter files already there (upstream's install location, an old
 * location a scriptlet cleans up): the literal names where the files are, on purpose.
 */
const PROBE_COMMANDS = /^(?:rm|rmdir|unlink|test|\[|\[\[|ls|find|readlink|cd|pushd)$/;
/** Commands whose operands before the last are sources (files upstream installed) and the last the destination. */
const COPY_COMMANDS = /^(?:cp|mv|install)$/;
/** The word is an argument of a probe that the shell model does not split out (inside `$(…)`, after `||`). */
const PROBE_BEFORE = /(?:^|[|&;(`]|\$\()\s*(?:find|test|ls|readlink|\[\[?)\s[^|&;()`]*$/;
const BUILDROOT_START = /^["']?(?:%\{\??buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})/;
/** Arguments that set the library directory of a build (`--libdir=/usr/lib` is wrong on 64-bit). */
const LIBDIR_ARGUMENT = /^(?:--libdir|--with-libdir|-DCMAKE_INSTALL_LIBDIR|-DLIB_INSTALL_DIR|-DLIBDIR|-Dlibdir|LIBDIR|libdir|LIB_DIR|PREFIX_LIB)=$/;
/** Build-root trees under /usr/lib that rpm itself manages (debuginfo): written literally on purpose in %exclude lines. */
const RPM_OWN_TREES = /^\/(?:debug|\.build-id)(?:\/|$|%)/;
/** Fixed names other programs look for literally: /usr/lib/sendmail (the MTA alternatives). */
const FIXED_NAMES = /^\/sendmail(?:\.[\w-]+)?$/;

/** One of lines `from` to `to` (inclusive) has `word` (one look at their text, no per-line strings). */
function linesMention(doc: SpecDocument, from: number, to: number, word: string): boolean {
  const { lines } = doc;
  const last = Math.min(to, lines.lineCount - 1);
  if (from > last) return false;
  return doc.text.slice(lines.lineStarts[Math.max(from, 0)], lines.lineEndWithBreak(last)).includes(word);
}

/** The line sits in an %ifarch/%ifnarch arm, or an %if that looks at the architecture. */
function archConditional(doc: SpecDocument, line: number): boolean {
  let path = doc.lineConditional[line];
  while (path !== 0) {
    const entry = doc.conditionalPaths[path];
    const block = doc.conditionals[entry.block];
    const branch = block?.branches[entry.branch];
    if (!branch) return true;
    if (/arch/.test(branch.keyword)) return true;
    // %else of an arch test: look at the block's first arm
    if (block.branches.some((b) => /arch/.test(b.keyword) || /_lib\b|_arch|__isa|x86_64|aarch64|lib64/.test(b.condition))) return true;
    path = entry.parent;
  }
  return false;
}

/** Directory macros whose value on the profile lies under /usr/lib or /usr/lib64 (not %{_libdir} itself), longest first. */
const dedicatedCache = new Map<DistroId, { macro: string; value: string }[]>();
function dedicatedMacros(distro: DistroId): { macro: string; value: string }[] {
  let list = dedicatedCache.get(distro);
  if (!list) {
    list = [];
    for (const m of allMacros()) {
      if (m.name === '_libdir' || m.name === '_lib' || m.parametric) continue;
      const value = macroValue(m.name, distro);
      if (value && /^\/usr\/lib(64)?\/[^%]+$/.test(value)) list.push({ macro: m.name, value });
    }
    list.sort((a, b) => b.value.length - a.value.length);
    dedicatedCache.set(distro, list);
  }
  return list;
}

/** The dedicated macro for a path; `exact` false when it only names the same kind of tree (another Python version). */
function dedicatedFor(path: string, distro: DistroId): { macro: string; value: string; exact: boolean } | undefined {
  const hit = dedicatedMacros(distro).find((d) => path === d.value || path.startsWith(d.value + '/'));
  if (hit) return { ...hit, exact: true };
  const py = /^\/usr\/lib(64)?\/python3\.\d+\/site-packages(?=\/|$)/.exec(path);
  if (py) return { macro: py[1] ? 'python3_sitearch' : 'python3_sitelib', value: py[0], exact: false };
  return undefined;
}

export const LIBRARY_PATH_MESSAGES = {
    lib64Dedicated: '{{value}} is hard-coded and only exists on 64-bit architectures: use %{{{macro}}}',
    lib64: '{{literal}} only exists on 64-bit architectures: use {{replacement}}, which names the right one for the architecture being built',
    libAsLibdir: '{{literal}} as the library directory is wrong on 64-bit architectures ({{libdir}}): use {{replacement}}',
    lib64AsLibdir: '{{argument}}{{literal}} sets the library directory of every architecture to {{literal}}, which exists only on 64-bit ones (32-bit builds install into the wrong place): use {{replacement}}',
    libIs32Bit: '{{literal}} is the library directory only on 32-bit architectures: use {{libdir}}, which names the right one for the architecture being built',
    dedicatedMacro: '{{value}} is hard-coded: use %{{{macro}}}{{libdir}}',
    usrLibNoarch: '/usr/lib is hard-coded: use %{_prefix}/lib',
    usrLib: '/usr/lib is hard-coded: use %{_prefix}/lib for a tree that is lib on every architecture, or %{_libdir} if it holds architecture-dependent files (plugins, .so)',
    libdirRedefined: '%{{keyword}} {{name}} {{body}} sets the library directory of every architecture to {{libdir}}: rpm already sets %{{{name}}} per architecture (lib64 on 64-bit, lib on 32-bit); remove the line',
  } as const;
export type LibraryPathMessage = keyof typeof LIBRARY_PATH_MESSAGES;
/** The library directory of the whole build set to a literal path: hardcoded-libdir-setting's. */
export const LIBDIR_SETTING_MESSAGES: ReadonlySet<LibraryPathMessage> = new Set<LibraryPathMessage>(['libAsLibdir', 'lib64AsLibdir', 'libdirRedefined']);
const { libAsLibdir: _a, lib64AsLibdir: _b, libdirRedefined: _c, ...PATH_MESSAGES } = LIBRARY_PATH_MESSAGES;

export default defineSpecRule({
  id: 'hardcoded-library-path',
  category: 'paths',
  // information, not warning: 38 of 47 findings on Fedora are right (81%, docs/precision.md)
  defaultSeverity: 'information',
  description: 'A library directory is hard-coded (/usr/lib64, /lib64, /usr/lib) where %{_libdir}, /%{_lib}, %{_prefix}/lib or a dedicated macro belongs',
  fixSafety: 'unsafe',
  messages: PATH_MESSAGES,
  requires: ['/lib', '_lib ', '_lib\t'],
  rpmlintId: 'hardcoded-library-path',
  check(ctx) {
    checkLibraryPaths(ctx as SpecRuleContext<LibraryPathMessage>, (id) => !LIBDIR_SETTING_MESSAGES.has(id));
  },
});

/**
 * The scan both hardcoded-library-path and hardcoded-libdir-setting read: reports every finding
 * whose message id `wanted` accepts (the settings of the library directory, which break other
 * architectures, are hardcoded-libdir-setting's at warning; the paths are this rule's).
 */
export function checkLibraryPaths(ctx: SpecRuleContext<LibraryPathMessage>, wanted: (id: LibraryPathMessage) => boolean): void {
  const byDistro = libraryPathScans(ctx.doc);
  let reports = byDistro.get(ctx.distro);
  if (!reports) {
    const found: Report<LibraryPathMessage>[] = [];
    scanLibraryPaths(ctx.doc, ctx.distro, found);
    reports = found;
    byDistro.set(ctx.distro, reports);
  }
  for (const r of reports) if (wanted(r.messageId)) ctx.report(r);
}

/** The scan's reports per parse and distribution: both rules read them (each its own message ids). */
const libraryPathScans = cachedPerParse((_doc: SpecDocument) => new Map<DistroId, Report<LibraryPathMessage>[]>());

function scanLibraryPaths(doc: SpecDocument, distro: DistroId, found: Report<LibraryPathMessage>[]): void {
  const ctx = { distro, report: (r: Report<LibraryPathMessage>) => void found.push(r) };
  {
    // packages limited to named architectures may know their library directory
    if (doc.tags.some((t) => t.key === 'exclusivearch')) return;
    const libdir = macroValue('_libdir', ctx.distro);
    // A layout package (filesystem) owns /usr/lib itself and lists its trees literally.
    // (Asked only where it matters: a scan of the whole text. `%dir %attr(…) /usr/lib` is one of
    // the pattern's forms, both prefixes being optional.)
    let layout: boolean | undefined;
    const layoutPackage = () => (layout ??= /^(?:%dir\s+)?(?:%attr\([^)]*\)\s+)?\/usr\/lib\/?\s*$/m.test(doc.text));

    /**
     * One word or %files path. `location`: a place files are installed to or listed from (%files,
     * after the build root), where every tree under /usr/lib is checked; elsewhere only library
     * directories are.
     */
    const check = (text: string, base: number, line: number, noarch: boolean, bareDirOk: boolean, location: boolean) => {
      if (!text.includes('/lib') || archConditional(doc, line)) return;
      LIB_PATH.lastIndex = 0;
      for (let m = LIB_PATH.exec(text); m; m = LIB_PATH.exec(text)) {
        const prefix = m[1];
        const usr = !!prefix;
        const lib64 = !!m[2];
        const rest = m[3];
        const next = rest ? rest.slice(1).split('/')[0] : undefined;
        const before = text.slice(0, m.index);
        const afterBuildroot = /(?:buildroot\}?|BUILD_ROOT\}?|DESTDIR\}?)$/.test(before);
        const literal = `${prefix ?? ''}/lib${lib64 ? '64' : ''}`;
        const start = base + m.index;
        const end = start + literal.length;
        const canonical = `${usr ? '/usr' : ''}/lib${lib64 ? '64' : ''}`;
        if (PROBE_BEFORE.test(doc.text.slice(doc.lines.lineStarts[line], start))) continue;
        // %{_prefix}/lib is the right spelling of a lib-on-every-architecture tree
        if (prefix && prefix !== '/usr' && !lib64) continue;
        const fixes: ReportFix[] = [];
        const replace = (replacement: string, safe: boolean, title = `Use ${replacement}`) => {
          if (!noarch || replacement !== '%{_libdir}') fixes.push({ title, safety: safe ? 'safe' : 'unsafe', edits: [{ start, end, newText: replacement }] });
        };

        if (lib64) {
          // A noarch package installs nothing under lib64: a literal lib64 in its scripts (not %files,
          // not after the build root) reads the build host's tree on purpose (python-zope-testrunner
          // copies the system Python from it), where %{_libdir} (/usr/lib in noarch) would be wrong.
          if (noarch && !afterBuildroot && !location) continue;
          if (next === undefined && bareDirOk && (m.index === 0 || afterBuildroot)) continue; // `%dir /lib64`, `mkdir %{buildroot}/lib64`: layout packages
          const dedicated = usr ? dedicatedFor(canonical + rest, ctx.distro) : undefined;
          if (dedicated) {
            const rEnd = start + literal.length + dedicated.value.length - canonical.length;
            ctx.report({
              start,
              end: rEnd,
              messageId: 'lib64Dedicated', data: { value: dedicated.value, macro: dedicated.macro },
              fixes: noarch ? [] : [{ title: `Use %{${dedicated.macro}}`, safety: dedicated.exact ? 'safe' : 'unsafe', edits: [{ start, end: rEnd, newText: `%{${dedicated.macro}}` }] }],
            });
            continue;
          }
          const replacement = usr ? '%{_libdir}' : '/%{_lib}';
          const expected = usr ? libdir : libdir?.replace(/^\/usr/, '');
          if (!noarch) replace(replacement, expected === canonical);
          if (LIBDIR_ARGUMENT.test(before) && rest === '') {
            ctx.report({ start, end, messageId: 'lib64AsLibdir', data: { literal, argument: before, replacement }, fixes });
            continue;
          }
          ctx.report({ start, end, messageId: 'lib64', data: { literal, replacement }, fixes });
          continue;
        }

        // /usr/lib or /lib from here on
        const libdirArgument = LIBDIR_ARGUMENT.test(before);
        if (libdirArgument && rest === '') {
          const replacement = usr ? '%{_libdir}' : '/%{_lib}';
          if (noarch) continue;
          replace(replacement, false);
          ctx.report({ start, end, messageId: 'libAsLibdir', data: { literal, libdir: libdir ?? '%{_libdir}', replacement }, fixes });
          continue;
        }
        if (next !== undefined && LIB_FILE.test(next)) {
          if (noarch) continue;
          replace(usr ? '%{_libdir}' : '/%{_lib}', false);
          ctx.report({ start, end, messageId: 'libIs32Bit', data: { literal, libdir: usr ? '%{_libdir}' : '/%{_lib}' }, fixes });
          continue;
        }
        // Another tree under /usr/lib, where files are installed or listed.
        if (!usr || !location || next === undefined || RPM_OWN_TREES.test(rest) || FIXED_NAMES.test(rest) || layoutPackage()) continue;
        const path = canonical + rest;
        // trees with a macro in hardcoded-path's table are reported there, with that macro
        const covered = macroForPath(path);
        if (covered && covered.prefix.startsWith('/usr/lib/')) continue;
        const dedicated = dedicatedFor(path, ctx.distro);
        if (dedicated) {
          const dEnd = start + dedicated.value.length;
          ctx.report({
            start,
            end: dEnd,
            messageId: 'dedicatedMacro', data: { value: dedicated.value, macro: dedicated.macro, libdir: dedicated.exact ? '' : ` (${macroValue(dedicated.macro, ctx.distro) ?? 'another Python version'} on ${ctx.distro})` },
            fixes: [{ title: `Use %{${dedicated.macro}}`, safety: dedicated.exact ? 'safe' : 'unsafe', edits: [{ start, end: dEnd, newText: `%{${dedicated.macro}}` }] }],
          });
          continue;
        }
        replace('%{_prefix}/lib', true);
        if (!noarch) replace('%{_libdir}', false, 'Use %{_libdir} (architecture-dependent files)');
        ctx.report({
          start,
          end,
          ...(noarch ? { messageId: 'usrLibNoarch' } : { messageId: 'usrLib' }),
          fixes,
        });
      }
    };

    const mainNoarch = isNoarch(doc, 0);
    for (const section of doc.sections) {
      const shellSection = section.kind === 'prep' || section.kind === 'conf' || section.kind === 'build' || section.kind === 'install' || section.kind === 'check';
      if (shellSection || isShellScriptlet(section)) {
        // Every finding is on a `/lib` of the body: a body without one needs no shell parse or look
        // at its commands (the shell text is the body's lines, so it has a `/lib` only where they do).
        if (!linesMention(doc, section.bodyStartLine, section.endLine, '/lib')) continue;
        const noarch = section.packageIndex >= 0 && isShellScriptlet(section) ? isNoarch(doc, section.packageIndex) : mainNoarch;
        for (const cmd of shellScript(doc, section)?.commands ?? []) {
          // The command's name is looked at only once a word has `/lib` (most commands have none).
          let name: string | undefined;
          let textCommand = false;
          let lastOperand = -1;
          for (let k = 0; k < cmd.words.length; k++) {
            const w = cmd.words[k];
            if (!w.text.includes('/lib')) continue; // what LIB_PATH looks for
            if (name === undefined) {
              name = cmd.nameIndex >= 0 ? cmd.words[cmd.nameIndex].text.replace(/^.*\//, '') : '';
              textCommand = TEXT_COMMANDS.test(name) || PROBE_COMMANDS.test(name);
              // cp/mv/install: a build-root source operand is where upstream installed the file
              if (COPY_COMMANDS.test(name)) for (let j = cmd.words.length - 1; j > cmd.nameIndex && lastOperand < 0; j--) if (!cmd.words[j].redirect) lastOperand = j;
            }
            if (textCommand && !w.redirect && k !== cmd.nameIndex) continue;
            if (lastOperand >= 0 && k !== lastOperand && k !== cmd.nameIndex && BUILDROOT_START.test(w.text)) continue;
            const start = w.start;
            const end = w.end;
            // words that span a continuation are checked piecewise by offset
            if (end - start !== w.text.length) continue;
            const location = /(?:%\{\??buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})\/usr\/lib\//.test(w.text);
            check(w.text, start, doc.lines.lineOf(start), noarch, name === 'ln' || name === 'mkdir', location && (section.kind === 'install' || isShellScriptlet(section)));
          }
        }
      } else if (section.kind === 'files') {
        if (!linesMention(doc, section.headerLine + 1, section.endLine, '/lib')) continue;
        const noarch = section.packageIndex >= 0 ? isNoarch(doc, section.packageIndex) : mainNoarch;
        for (let l = section.headerLine + 1; l <= section.endLine; l++) {
          if (doc.lineKinds[l] !== 'body' && doc.lineKinds[l] !== 'macro-line') continue;
          const start = doc.lines.lineStarts[l];
          const text = doc.text.slice(start, doc.lines.lineEnd(l));
          // %exclude names what upstream installed, to leave it out
          if (!text.includes('/lib') || /(?:^|\s)%exclude\b/.test(text)) continue;
          // %dir of a tree under /usr/lib: layout packages (filesystem, setup) own them literally
          const dirEntry = /(?:^|\s)%dir\b/.test(text);
          for (const e of filesEntryPaths(text)) check(e.path, start + e.index, l, noarch, true, !dirEntry);
        }
      }
    }

    // %define _libdir /usr/lib64, %global _lib lib64: fixes one architecture's layout for all of
    // them (a noarch package may pin %{_libdir} to /usr/lib on purpose)
    for (const d of mainNoarch ? [] : doc.macroDefinitions) {
      if (d.keyword !== 'define' && d.keyword !== 'global') continue;
      const body = d.body.trim();
      const fixed = d.name === '_libdir' ? /^(?:\/usr|%\{_prefix\}|%_prefix|%\{_exec_prefix\})?\/lib(?:64)?\/?$/.test(body) : d.name === '_lib' && /^lib(?:64)?$/.test(body);
      if (!fixed || archConditional(doc, d.line)) continue;
      ctx.report({
        start: d.nameSpan.start,
        end: d.bodySpan.end,
        messageId: 'libdirRedefined', data: { keyword: d.keyword, name: d.name, body, libdir: d.name === '_lib' ? body : body.replace(/^%\{?_(exec_)?prefix\}?/, '/usr') },
      });
    }
  }
}
