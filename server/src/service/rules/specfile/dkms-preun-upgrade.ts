import { dkmsCalls, expandSpecText, type DkmsCall } from '../../specfile/dkmsScriptlets';
import { isShellScriptlet, shellScript } from '../../shell/specShell';
import type { ShellCommand } from '../../shell';
import { trimTrailingSlashes } from '../../text/trim';
import type { SpecDocument } from '../../specfile/ast';
import type { ProfileLike } from '../../catalog/profile';
import type { OffsetEdit } from '../../types';
import { defineSpecRule, type ReportFix } from '../types';

/** `$1`, `"$1"`, `${1}`: the scriptlet looks at its install count (or the Debian-style action). */
const ARG1 = /\$\{?1\}?(?![0-9])/;
/** A command of the scriptlet before the one at `index` reads $1 (the upgrade check, however written). */
function checksArg1Before(seq: readonly ShellCommand[], index: number): boolean {
  return seq.slice(0, index).some((c) => c.words.some((w) => ARG1.test(w.text)));
}

/** dkms's own helper (`/usr/lib/dkms/common.postinst`): it runs `dkms add` without --rpm_safe_upgrade. */
const COMMON_POSTINST = /common\.postinst\b/;

/** dkms's own tree, where it keeps what it knows of each module (`dkms status` reads it). */
const DKMS_TREE = '/var/lib/dkms/';
const GLOB_OR_VARIABLE = /[*?[$`%]/;

/** `rm -r` of a module's or a version's folder in dkms's tree: what it deletes, or undefined. */
function dkmsStateRemoval(doc: SpecDocument, cmd: ShellCommand, distro: ProfileLike): { path: string; module: string; version?: string; word: ShellCommand['words'][number] } | undefined {
  if (cmd.nameIndex < 0 || !/^(?:\/usr)?(?:\/bin\/)?rm$/.test(cmd.words[cmd.nameIndex].value)) return undefined;
  const args = cmd.words.slice(cmd.nameIndex + 1).filter((w) => !w.redirect);
  const recursive = args.some((w) => /^-[a-zA-Z]*[rR]/.test(w.value) || w.value === '--recursive');
  if (!recursive) return undefined;
  for (const w of args) {
    if (w.value.startsWith('-')) continue;
    const expanded = expandSpecText(doc, w.value, distro, w.start);
    const path = trimTrailingSlashes(expanded.text);
    if (!path.startsWith(DKMS_TREE)) continue;
    const segments = path.slice(DKMS_TREE.length).split('/');
    const [module, version] = segments;
    if (segments.length > 2 || !module || GLOB_OR_VARIABLE.test(module)) continue;
    // `<module>/*` is every version; a version found at run time (`$ver`) is some other version
    if (version === undefined || version === '*') return { path, module, word: w };
    if (!GLOB_OR_VARIABLE.test(version)) return { path, module, version, word: w };
  }
  return undefined;
}

/** What the package's %post does with dkms, as far as it can be told. */
interface PostSide {
  calls: DkmsCall[];
  /** `dkms add` calls with --rpm_safe_upgrade. */
  safeAdds: DkmsCall[];
  /** `dkms add` calls without it. */
  plainAdds: DkmsCall[];
  commonPostinst: boolean;
  /** %post mentions dkms in a way the call model does not see (`$DKMS add`, an opaque argument list). */
  unclear: boolean;
  /** %posttrans adds or installs the module again after the old package's %preun has run. */
  readdsLater: boolean;
}

function postSide(doc: SpecDocument, pkg: number): PostSide {
  const all = dkmsCalls(doc).filter((c) => c.section.packageIndex === pkg);
  const calls = all.filter((c) => c.section.name === 'post');
  const posts = doc.sections.filter((s) => s.packageIndex === pkg && s.kind === 'scriptlet' && s.name === 'post');
  const text = posts.map((s) => doc.text.slice(s.body.start, s.body.end)).join('\n');
  const adds = calls.filter((c) => c.action?.text === 'add');
  return {
    calls,
    safeAdds: adds.filter((c) => c.rpmSafeUpgrade),
    plainAdds: adds.filter((c) => !c.rpmSafeUpgrade),
    commonPostinst: COMMON_POSTINST.test(text),
    unclear: calls.some((c) => c.opaqueArgs || !c.action) || (calls.length === 0 && /\bdkms\b/.test(text) && !COMMON_POSTINST.test(text)),
    readdsLater: all.some((c) => c.section.name === 'posttrans' && ['add', 'install', 'autoinstall', 'build'].includes(c.action?.text ?? '')),
  };
}

/** Edits that put --rpm_safe_upgrade on the %post side: on each `dkms add`, or a new `dkms add` line before the first install/build. */
function postEdits(doc: SpecDocument, post: PostSide, remove: DkmsCall): OffsetEdit[] | undefined {
  if (post.commonPostinst || post.unclear) return undefined;
  if (post.plainAdds.length > 0) {
    if (post.plainAdds.some((c) => c.definition && c.definition !== remove.definition)) return undefined;
    return post.plainAdds.map((c) => ({ start: c.argsEnd, end: c.argsEnd, newText: ' --rpm_safe_upgrade' }));
  }
  const first = post.calls.find((c) => c.action?.text === 'install' || c.action?.text === 'build');
  if (!first || first.definition || !remove.module || !remove.version) return undefined;
  // the new line goes before the first install/build's line, which must start with that command
  const line = doc.lines.lineOf(first.exe.start);
  const lineStart = doc.lines.lineStarts[line];
  const indent = doc.text.slice(lineStart, first.exe.start);
  if (!/^[ \t]*$/.test(indent)) return undefined;
  const module = doc.text.slice(remove.module.start, remove.version.end);
  const args = remove.module.end === remove.version.start - 1 && doc.text[remove.module.end] === '/' ? module : `-m ${remove.module.text} -v ${remove.version.text}`;
  return [{ start: lineStart, end: lineStart, newText: `${indent}dkms add ${args} --rpm_safe_upgrade || :${doc.lines.eol}` }];
}

/**
 * `if [ "$1" -eq 0 ]; then …; fi` around a command that has its line to itself (with an optional
 * `|| :`), so that it runs only when the package is erased. Undefined where a line edit is unsafe.
 */
function guardFix(doc: SpecDocument, cmd: ShellCommand): ReportFix | undefined {
  const line = doc.lines.lineOf(cmd.start);
  if (doc.lines.lineOf(cmd.end) !== line) return undefined;
  const lineStart = doc.lines.lineStarts[line];
  const lineText = doc.text.slice(lineStart, doc.lines.lineEnd(line));
  const indent = /^[ \t]*/.exec(lineText)![0];
  const body = lineText.slice(indent.length).trimEnd();
  if (lineStart + indent.length !== cmd.start || cmd.nameIndex !== 0 || cmd.leading.length > 0 || (cmd.before !== '' && cmd.before !== ';')) return undefined;
  const rest = body.slice(cmd.end - cmd.start);
  if (!/^(?:\s*\|\|\s*(?::|true))?\s*;?$/.test(rest) || body.includes('#')) return undefined;
  return {
    title: 'Run it only when the package is erased ($1 is 0)',
    safety: 'unsafe',
    edits: [{ start: lineStart + indent.length, end: lineStart + indent.length + body.length, newText: `if [ "$1" -eq 0 ]; then ${body.replace(/;$/, '')}; fi` }],
  };
}

export default defineSpecRule({
  id: 'dkms-preun-upgrade',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: '`dkms remove` (or `rm -rf /var/lib/dkms/<module>`) in %preun/%postun runs on upgrades too and removes the module the new package has just installed (no working --rpm_safe_upgrade, no $1 check)',
  fixSafety: 'unsafe',
  messages: {
    uninstallOnUpgrade: "%{{name}} also runs when the package is upgraded, after the new package's %post, and `dkms uninstall` has no upgrade protection (dkms honours --rpm_safe_upgrade only for add and remove): when the version stays the same (a release bump or rebuild) it uninstalls the module the new package has just installed. `dkms remove … --all --rpm_safe_upgrade` uninstalls the module as well: drop this call, or run it only when $1 is 0",
    runsOnUpgrade: "%{{name}} also runs when the package is upgraded, after the new package's %post. When the version stays the same (a release bump or rebuild) this `dkms {{text}}` removes the module the new package has just installed. Pass --rpm_safe_upgrade here and to `dkms add` in %post, or run it only when $1 is 0",
    removesModuleState: "%{{name}} also runs when the package is upgraded, after the new package's %post, and this deletes dkms's whole record of {{module}} ({{path}}), the version the new package has just added included: dkms forgets the module (`dkms status` no longer lists it, no new kernel gets it built) and the modules dkms installed stay in /lib/modules. Use `dkms remove -m {{module}} -v <version> --all --rpm_safe_upgrade` (with `dkms add … --rpm_safe_upgrade` in %post), or run it only when $1 is 0",
    removesVersionState: "%{{name}} also runs when the package is upgraded, after the new package's %post. When the version stays the same (a release bump or rebuild), this deletes dkms's record of the version the new package has just added ({{path}}): dkms forgets the module (`dkms status` no longer lists it, no new kernel gets it built) and the modules dkms installed stay in /lib/modules. Use `dkms remove -m {{module}} -v {{version}} --all --rpm_safe_upgrade` (with `dkms add … --rpm_safe_upgrade` in %post), or run it only when $1 is 0",
    flagWithoutAdd: "--rpm_safe_upgrade only cancels this `dkms {{text}}` when the new package's %post ran `dkms add … --rpm_safe_upgrade` in the same transaction (that add leaves the lock the remove looks for; `dkms install` and `dkms build` add no lock when the module is already added), and %post {{post}}. So an upgrade that keeps the version (a release bump or rebuild) still removes the module the new package has just installed. Pass --rpm_safe_upgrade to `dkms add` in %post",
  },
  check(ctx) {
    const doc = ctx.doc;
    // `rm -rf /var/lib/dkms/<module>[/<version>]` in %preun/%postun without a $1 check
    for (const section of doc.sections) {
      if (section.name !== 'preun' && section.name !== 'postun') continue;
      if (!isShellScriptlet(section)) continue;
      const seq = shellScript(doc, section)?.commands ?? [];
      for (let i = 0; i < seq.length; i++) {
        const removal = dkmsStateRemoval(doc, seq[i], ctx.distro);
        if (!removal) continue;
        if (checksArg1Before(seq, i)) continue;
        const cmd = seq[i];
        // The guard is strictly better only for the whole module's record (without it every
        // upgrade deletes the new version's record too); for one version's folder it trades a
        // same-version upgrade for a stale old version after a version change.
        const fix = removal.version === undefined ? guardFix(doc, cmd) : undefined;
        ctx.report({
          start: cmd.words[cmd.nameIndex].start,
          end: removal.word.end,
          messageId: removal.version === undefined ? 'removesModuleState' : 'removesVersionState',
          data: { name: section.name, module: removal.module, version: removal.version ?? '', path: removal.path },
          fixes: fix ? [fix] : [],
        });
      }
    }
    for (const call of dkmsCalls(doc)) {
      const name = call.section.name;
      if (name !== 'preun' && name !== 'postun') continue;
      if (call.action?.text !== 'remove' && call.action?.text !== 'uninstall') continue;
      if (call.opaqueArgs) continue;
      // removing some other version (found at run time) is not this package's own module
      if (call.version && /\$/.test(call.version.text)) continue;
      const seq = call.sequence;
      if (checksArg1Before(seq, call.index)) continue;
      if (call.definition) {
        // guarded where the scriptlet expands the macro
        const body = doc.text.slice(call.section.body.start, call.section.body.end);
        if (ARG1.test(body)) continue;
      }
      const post = postSide(doc, call.section.packageIndex);
      if (call.action.text === 'uninstall') {
        // a `dkms remove --all` of the same module in the same scriptlet does the uninstall already
        const remove = dkmsCalls(doc).find((d) => d.sequence === seq && d.index > call.index && d.action?.text === 'remove' && d.all && d.module?.text === call.module?.text);
        const line = doc.lines.lineOf(call.exe.start);
        const lineText = doc.text.slice(doc.lines.lineStarts[line], doc.lines.lineEnd(line)).trim();
        const cmd = seq[call.index];
        const cmdText = doc.text.slice(cmd.start, cmd.end);
        const alone = !call.definition && lineText.startsWith(cmdText) && /^\s*(?:\|\|\s*(?::|true)\s*)?;?$/.test(lineText.slice(cmdText.length));
        const fixes: ReportFix[] = remove && alone && call.all
          ? [{ title: 'Remove the `dkms uninstall` (the `dkms remove --all` after it uninstalls too)', safety: 'unsafe', edits: [{ start: doc.lines.lineStarts[line], end: doc.lines.lineEndWithBreak(line), newText: '' }] }]
          : [];
        ctx.report({ start: call.exe.start, end: call.argsEnd, messageId: 'uninstallOnUpgrade', data: { name }, fixes });
        continue;
      }
      if (!call.rpmSafeUpgrade) {
        const here: OffsetEdit = { start: call.argsEnd, end: call.argsEnd, newText: ' --rpm_safe_upgrade' };
        const there = post.safeAdds.length > 0 || (post.calls.length === 0 && !post.commonPostinst && !post.unclear) ? [] : postEdits(doc, post, call);
        const fixes: ReportFix[] = there === undefined
          ? []
          : [{ title: there.length > 0 ? 'Add --rpm_safe_upgrade here and `dkms add … --rpm_safe_upgrade` in %post' : 'Add --rpm_safe_upgrade', safety: 'unsafe', edits: [here, ...there] }];
        ctx.report({ start: call.exe.start, end: call.argsEnd, messageId: 'runsOnUpgrade', data: { name, text: call.action.text }, fixes });
        continue;
      }
      // the flag is there: it works only with a `dkms add --rpm_safe_upgrade` in %post
      if (post.safeAdds.length > 0 || post.unclear || post.readdsLater) continue;
      if (post.calls.length === 0 && !post.commonPostinst) continue; // no %post side to speak of (dkms-post-incomplete's business)
      const what = post.commonPostinst
        ? 'runs /usr/lib/dkms/common.postinst, whose `dkms add` has no --rpm_safe_upgrade'
        : post.plainAdds.length > 0 ? 'runs `dkms add` without it' : `runs no \`dkms add\` (only \`dkms ${post.calls.map((c) => c.action!.text).filter((v, i, a) => a.indexOf(v) === i).join('`, `dkms ')}\`)`;
      const edits = postEdits(doc, post, call);
      const flag = /--rpm_safe_upgrade/.exec(doc.text.slice(call.exe.start, call.argsEnd));
      const start = flag ? call.exe.start + flag.index : call.exe.start;
      ctx.report({
        start,
        end: flag ? start + flag[0].length : call.argsEnd,
        messageId: 'flagWithoutAdd',
        data: { text: call.action.text, post: what },
        fixes: edits && edits.length > 0 ? [{ title: post.plainAdds.length > 0 ? 'Pass --rpm_safe_upgrade to `dkms add` in %post' : 'Add `dkms add … --rpm_safe_upgrade` to %post', safety: 'unsafe', edits }] : [],
      });
    }
  },
});
