import { macroValue } from '../../catalog/expand';
import type { SpecDocument } from '../../specfile/ast';
import { isNoarch } from '../../specfile/query';
import { isShellScriptlet, shellScript } from '../../shell/specShell';
import { filesEntryPaths } from '../../specfile/paths';
import { defineSpecRule } from '../types';

/**
 * A literal library directory: `/usr/lib64` or `/lib64` anywhere, or `/usr/lib`/`/lib` when what
 * follows is a library file directly in it (`libfoo.so.1`, `*.a`, `*.la`) or `pkgconfig`.
 * The path must start a word, follow `=`, `:`, `,`, `-L`/`-I`, or follow the build root.
 */
const LIB_PATH = /(?<=^|[\s=:,("'[]|-[LI]|%\{\??buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\}|\$\{?DESTDIR\}?)(\/usr)?\/lib(64)?(?=\/|$|[\s"':;,)\]])(\/([^/\s"';|&)]+))?/g;
const LIB_FILE = /^(?:lib[^/]*|[^/]*\*[^/]*)\.(?:so(?:\.[\w.*]*)?|a|la)$|^\*\.(?:so|a|la)(?:\.\*|\*)?$|^pkgconfig$/;
const TEXT_COMMANDS = /^(?:sed|perl|awk|gawk|grep|egrep|echo|printf|cat)$/;
/** Scriptlet commands that probe or clean up a known old location on purpose. */
const PROBE_COMMANDS = /^(?:rm|rmdir|test|\[|\[\[|ls|find|readlink)$/;

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

export default defineSpecRule({
  id: 'hardcoded-library-path',
  category: 'paths',
  defaultSeverity: 'warning',
  description: 'A library directory is hard-coded as /usr/lib64, /lib64 or /usr/lib instead of %{_libdir} or /%{_lib}',
  fixSafety: 'unsafe',
  requires: ['/lib'],
  rpmlintId: 'hardcoded-library-path',
  check(ctx) {
    const doc = ctx.doc;
    // packages limited to named architectures may know their library directory
    if (doc.tags.some((t) => t.key === 'exclusivearch')) return;
    const libdir = macroValue('_libdir', ctx.distro);
    const check = (text: string, base: number, line: number, noarch: boolean, bareDirOk: boolean) => {
      if (!text.includes('/lib') || archConditional(doc, line)) return;
      LIB_PATH.lastIndex = 0;
      for (let m = LIB_PATH.exec(text); m; m = LIB_PATH.exec(text)) {
        const usr = !!m[1];
        const lib64 = !!m[2];
        const next = m[4];
        if (!lib64 && (next === undefined || !LIB_FILE.test(next))) continue;
        if (!lib64 && noarch) continue;
        // creating or listing the directory itself (`%dir /lib64`, `ln -s usr/lib %{buildroot}/lib64`): only layout packages (filesystem) do that
        if (lib64 && next === undefined && bareDirOk && (m.index === 0 || /(buildroot\}?|BUILD_ROOT\}?)$/.test(text.slice(0, m.index)))) continue;
        const literal = `${usr ? '/usr' : ''}/lib${lib64 ? '64' : ''}`;
        const start = base + m.index;
        const end = start + literal.length;
        const replacement = usr ? '%{_libdir}' : '/%{_lib}';
        const expected = usr ? libdir : libdir?.replace(/^\/usr/, '');
        const same = expected === literal;
        const what = lib64 ? `${literal} only exists on 64-bit architectures` : `${literal} is the library directory only on 32-bit architectures`;
        ctx.report({
          start,
          end,
          message: `${what}: use ${replacement}, which names the right one for the architecture being built`,
          fixes: noarch ? [] : [{ title: `Use ${replacement}`, safety: same ? 'safe' : 'unsafe', edits: [{ start, end, newText: replacement }] }],
        });
      }
    };
    const mainNoarch = isNoarch(doc, 0);
    for (const section of doc.sections) {
      if (section.kind === 'build' || section.kind === 'install' || section.kind === 'check' || isShellScriptlet(section)) {
        const noarch = section.packageIndex >= 0 && isShellScriptlet(section) ? isNoarch(doc, section.packageIndex) : mainNoarch;
        for (const cmd of shellScript(doc, section)?.commands ?? []) {
          const name = cmd.nameIndex >= 0 ? cmd.words[cmd.nameIndex].text.replace(/^.*\//, '') : '';
          const textCommand = TEXT_COMMANDS.test(name) || (isShellScriptlet(section) && PROBE_COMMANDS.test(name));
          for (let k = 0; k < cmd.words.length; k++) {
            const w = cmd.words[k];
            if (textCommand && !w.redirect && k !== cmd.nameIndex) continue;
            if (!w.text.includes('/lib')) continue; // what LIB_PATH looks for
            const start = w.start;
            const end = w.end;
            // words that span a continuation are checked piecewise by offset
            if (end - start !== w.text.length) continue;
            check(w.text, start, doc.lines.lineOf(start), noarch, name === 'ln' || name === 'mkdir');
          }
        }
      } else if (section.kind === 'files') {
        const noarch = section.packageIndex >= 0 ? isNoarch(doc, section.packageIndex) : mainNoarch;
        for (let l = section.headerLine + 1; l <= section.endLine; l++) {
          if (doc.lineKinds[l] !== 'body' && doc.lineKinds[l] !== 'macro-line') continue;
          const start = doc.lines.lineStarts[l];
          const text = doc.text.slice(start, doc.lines.lineEnd(l));
          if (!text.includes('/lib')) continue;
          for (const e of filesEntryPaths(text)) check(e.path, start + e.index, l, noarch, true);
        }
      }
    }
  },
});
