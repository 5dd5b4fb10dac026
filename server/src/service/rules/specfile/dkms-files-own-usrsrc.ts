import { dkmsPackages, expandSpecText, usrSrcDirs } from '../../specfile/dkmsScriptlets';
import { usrSrcFilesEntries } from '../../specfile/dkmsFiles';
import { defineSpecRule, type ReportFix } from '../types';

export default defineSpecRule({
  id: 'dkms-files-own-usrsrc',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: "A DKMS package's %files lists /usr/src itself (`%{_usrsrc}` or `%dir %{_usrsrc}`) instead of its module directory",
  fixSafety: 'unsafe',
  requires: ['src'],
  messages: {
    dirOwnsUsrSrc: '%dir {{entry}} makes {{pkg}} an owner of /usr/src, a system directory that belongs to the filesystem package. A DKMS package owns only its module directory, /usr/src/<module>-<version>/',
    entryOwnsUsrSrc: '{{entry}} packages /usr/src itself: {{pkg}} then owns the system directory /usr/src (which belongs to the filesystem package) and takes everything the build root has below it. List only the module directory, /usr/src/<module>-<version>/',
  },
  check(ctx) {
    const doc = ctx.doc;
    const packages = dkmsPackages(doc);
    if (packages.size === 0) return;
    const entries = usrSrcFilesEntries(doc, ctx.distro);
    // the module directories %install fills, as written (`%{module}-%{version}`)
    const installed = [...new Set(usrSrcDirs(doc).filter((d) => d.from === 'install').map((d) => d.text))];
    for (const e of entries) {
      if (e.rest !== '' || e.exclude || !packages.has(e.packageIndex)) continue;
      const written = doc.packages[e.packageIndex]?.name ?? 'the package';
      const expanded = expandSpecText(doc, written, ctx.distro);
      const pkg = expanded.resolved ? expanded.text : written;
      const what = /^"?\/usr\/src\/?"?$/.test(e.text) ? e.text : `${e.text} (/usr/src)`;
      const others = entries.filter((o) => o !== e && o.packageIndex === e.packageIndex && !o.exclude && o.rest !== undefined && o.rest !== '');
      const fixes: ReportFix[] = [];
      if (e.dirOnly) {
        // the module's own entry stays: the line only adds ownership of /usr/src
        if (others.length > 0) fixes.push({ title: `Remove %dir ${e.text}`, safety: 'safe', edits: [{ start: e.lineStart, end: Math.min(doc.text.length, doc.lines.lineEndWithBreak(doc.lines.lineOf(e.lineStart))), newText: '' }] });
      } else if (others.length === 0 && installed.length === 1) {
        const slash = e.text.endsWith('/') ? '' : '/';
        fixes.push({ title: `List ${e.text}${slash}${installed[0]}/ instead`, safety: 'unsafe', edits: [{ start: e.end, end: e.end, newText: `${slash}${installed[0]}/` }] });
      }
      ctx.report({
        start: e.start,
        end: e.end,
        messageId: e.dirOnly ? 'dirOwnsUsrSrc' : 'entryOwnsUsrSrc',
        data: { entry: what, pkg },
        fixes,
      });
    }
  },
});
