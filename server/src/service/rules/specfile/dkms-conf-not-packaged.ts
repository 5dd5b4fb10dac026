import { dkmsCalls, dkmsPackages } from '../../specfile/dkmsScriptlets';
import { moduleDirText, usrSrcFilesEntries, usrSrcInstalls, type UsrSrcEntry } from '../../specfile/dkmsFiles';
import { globMatches } from '../../text/glob';
import { defineSpecRule } from '../types';
import type { SpecDocument } from '../../specfile/ast';
import { trimTrailingSlashes } from '../../text/trim';

/** Directories under /usr/src that are not module sources. */
const NOT_A_MODULE = /^(?:kernels|debug|linux.*|packages)$/;

/** dkms is told where the conf is (`-c`/`--config`), or gets the sources another way (`ldtarball`, `--sourcetree`). */
function confElsewhere(doc: SpecDocument): boolean {
  return dkmsCalls(doc).some((c) => c.action?.text === 'ldtarball' || c.sequence[c.index].words.some((w) => /^["']?(?:-c|--config|--sourcetree)\b/.test(w.value)));
}

/** Some scriptlet or %install command names dkms.conf: it is written or copied somewhere we need not follow. */
function mentionsConf(doc: SpecDocument, kinds: ReadonlySet<string>): boolean {
  return doc.sections.some((s) => kinds.has(s.kind) && /dkms\.conf/.test(doc.text.slice(s.body.start, s.body.end)));
}

/** The entry packages <dir>/dkms.conf (the whole directory, a glob over it, or the file). */
function covers(e: UsrSrcEntry, dir: string): boolean {
  if (e.rest === undefined) return true; // cannot tell: assume it is there
  if (e.exclude || e.ghost) return false;
  const rest = trimTrailingSlashes(e.rest);
  if (rest === dir) return !e.dirOnly;
  if (/[[{]/.test(rest)) return true; // brace and bracket globs: cannot tell, assume it is there
  if (/[*?]/.test(rest)) return globMatches(rest, dir) ? !e.dirOnly : globMatches(rest, `${dir}/dkms.conf`);
  return rest === `${dir}/dkms.conf`;
}

export default defineSpecRule({
  id: 'dkms-conf-not-packaged',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'A DKMS package ships module sources under /usr/src/<module>-<version>/ but no dkms.conf there',
  fixSafety: 'none',
  requires: ['src'],
  messages: {
    filesLeaveOut: '%files ships files of /usr/src/{{dir}}/ but not /usr/src/{{dir}}/dkms.conf: `dkms add` fails with "Could not locate dkms.conf file" and the module is never built. Add {{dirText}}/dkms.conf to %files (or list the whole directory)',
    installLeavesOut: '%install copies {{names}} into /usr/src/{{dir}}/, but no dkms.conf: the package ships the module sources without it, and `dkms add` fails with "Could not locate dkms.conf file". Install dkms.conf there too (for example `install -m 0644 dkms.conf %{buildroot}{{dirText}}/`)',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (doc.isTemplate) return;
    const packages = dkmsPackages(doc);
    if (packages.size === 0 || confElsewhere(doc)) return;
    const entries = usrSrcFilesEntries(doc, ctx.distro);
    // a file list we cannot read may hold it
    if (doc.sections.some((s) => s.kind === 'files' && packages.has(s.packageIndex) && s.options.some((o) => o.flag === '-f'))) return;
    if (entries.some((e) => (e.rest === undefined || !e.certain) && !e.exclude && packages.has(e.packageIndex))) return;
    const byDir = new Map<string, UsrSrcEntry[]>();
    for (const e of entries) {
      if (!packages.has(e.packageIndex) || e.exclude || e.ghost || !e.rest) continue;
      const dir = e.rest.split('/')[0];
      if (!dir || NOT_A_MODULE.test(dir) || /[*?[{]/.test(dir)) continue;
      let list = byDir.get(dir);
      if (!list) byDir.set(dir, (list = []));
      list.push(e);
    }
    if (byDir.size === 0) return;
    let installs: ReturnType<typeof usrSrcInstalls> | null = null;
    for (const [dir, list] of byDir) {
      // any package's %files may carry it (a -common subpackage)
      const covering = entries.filter((e) => covers(e, dir));
      if (covering.length === 0) {
        // the file list names what it ships, and dkms.conf is not among it (`%dir <dir>` alone ships nothing)
        const first = list.find((e) => e.rest !== dir && e.rest !== `${dir}/`);
        if (!first) continue;
        ctx.report({
          start: first.start,
          end: first.end,
          messageId: 'filesLeaveOut',
          data: { dir, dirText: moduleDirText(first) ?? `/usr/src/${dir}` },
        });
        continue;
      }
      // the whole directory is packaged: is a dkms.conf installed into it?
      if (mentionsConf(doc, new Set(['install', 'scriptlet', 'trigger']))) return;
      if (installs === null) installs = usrSrcInstalls(doc, ctx.distro) ?? null;
      if (installs === null) return;
      const filled = installs.get(dir);
      if (!filled || filled.names.length === 0) continue;
      // a glob (`*`, `*.conf`) may bring a dkms.conf from the sources
      if (filled.names.some((n) => /[*?[]/.test(n) ? globMatches(n.replace(/^.*\//, ''), 'dkms.conf') : n === 'dkms.conf')) continue;
      const anchor = covering.find((e) => list.includes(e)) ?? covering[0];
      const shown = filled.names.slice(0, 4).join(', ') + (filled.names.length > 4 ? ', …' : '');
      const cmd = filled.commands[0];
      ctx.report({
        start: anchor.start,
        end: anchor.end,
        messageId: 'installLeavesOut',
        data: { names: shown, dir, dirText: moduleDirText(anchor) ?? `%{_usrsrc}/${dir}` },
        related: [{ start: cmd.start, end: cmd.end, message: 'the sources are copied here' }],
      });
    }
  },
});
