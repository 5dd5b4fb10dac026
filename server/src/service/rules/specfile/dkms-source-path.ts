import { dkmsCalls, expandSpecText, MUTATING_ACTIONS, normalizeMacroText, usrSrcDirs, type SourceDir } from '../../specfile/dkmsScriptlets';
import { globMatches } from '../../text/glob';
import { defineSpecRule } from '../types';

export default defineSpecRule({
  id: 'dkms-source-path',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'The module source is not installed at /usr/src/<module>-<version> for the module and version the scriptlets pass to dkms',
  fixSafety: 'none',
  messages: {
    wrongSourcePath: 'dkms {{action}} looks for the source of {{wanted}} ({{expanded}}) in /usr/src/{{expanded}}, but the package installs {{shown}}: dkms fails with "Could not find module source directory"',
  },
  check(ctx) {
    const doc = ctx.doc;
    if (doc.isTemplate) return;
    const all = usrSrcDirs(doc);
    if (all.length === 0) return;
    const fromFiles = all.filter((d) => d.from === 'files');
    const dirs = fromFiles.length > 0 ? fromFiles : all;
    const expandedDirs = dirs.map((d) => ({ dir: d, ...expandSpecText(doc, d.text, ctx.profile) }));
    // a directory we cannot resolve might be the right one: stay silent then
    if (expandedDirs.some((d) => !d.resolved && !/[*?]/.test(d.text))) return;
    const reported = new Set<string>();
    for (const call of dkmsCalls(doc)) {
      if (!call.action || !MUTATING_ACTIONS.has(call.action.text) || !call.module || !call.version) continue;
      const wanted = `${call.module.text}-${call.version.text}`;
      const norm = normalizeMacroText(`${normalizeMacroText(call.module.text)}-${normalizeMacroText(call.version.text)}`);
      if (dirs.some((d) => normalizeMacroText(d.text) === norm)) continue;
      const exp = expandSpecText(doc, `${normalizeMacroText(call.module.text)}-${normalizeMacroText(call.version.text)}`, ctx.profile);
      if (!exp.resolved) continue;
      if (expandedDirs.some((d) => (/[*?]/.test(d.text) ? globMatches(d.text, exp.text) : d.text === exp.text))) continue;
      if (reported.has(exp.text)) continue;
      reported.add(exp.text);
      const shown = expandedDirs.map((d) => `/usr/src/${d.text}`).filter((v, i, a) => a.indexOf(v) === i).join(', ');
      const first: SourceDir = dirs[0];
      ctx.report({
        start: call.module.start,
        end: Math.max(call.module.end, call.version.end),
        messageId: 'wrongSourcePath', data: { action: call.action.text, wanted, expanded: exp.text, shown },
        related: [{ start: first.start, end: first.end, message: 'module source installed here' }],
      });
    }
  },
});
