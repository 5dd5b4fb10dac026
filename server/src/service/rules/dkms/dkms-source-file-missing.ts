import { defineDkmsRule } from '../types';
import { isDynamicValue, recordIndex } from './_util';
import { looksLikeSourceTree, normalizeRelative, sourceTree } from './_sourceTree';

/** The script directives and the name dkms gives each phase in its warning. */
const SCRIPTS: Record<string, string> = {
  PRE_BUILD: 'pre_build',
  POST_BUILD: 'post_build',
  POST_ADD: 'post_add',
  PRE_INSTALL: 'pre_install',
  POST_INSTALL: 'post_install',
  POST_REMOVE: 'post_remove',
};

export default defineDkmsRule({
  id: 'dkms-source-file-missing',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A PATCH file or a PRE_*/POST_* script that dkms.conf names is not in the source tree (or the script is an absolute path)',
  fixSafety: 'none',
  requires: ['PATCH', 'PRE_', 'POST_'],
  messages: {
    patchMissing: 'PATCH[{{index}}] "{{name}}" is not in the patches/ folder beside dkms.conf: dkms add accepts the file, but dkms build stops with "Patch {{name}} as specified in dkms.conf cannot be found" (exit 5)',
    scriptMissing: '{{directive}} runs {{script}}, which is not in the folder beside dkms.conf (the source tree dkms copies): dkms prints "The {{phase}} script is not executable." and goes on without running it',
    scriptAbsolute: '{{directive}} runs {{script}}, an absolute path, but dkms looks for its scripts inside the source tree ({{place}}/{{script}}): it prints "The {{phase}} script is not executable." and goes on without running it. Ship the script in the source tree and name it by its relative path',
  },
  check(ctx) {
    const doc = ctx.doc;
    const tree = sourceTree(ctx);
    const files = tree.files && looksLikeSourceTree(tree) ? tree.files : undefined;
    /** The file is known to be absent: the listing has neither it nor a folder above it that it stops at. */
    const absent = (path: string) => files !== undefined && !files.has(path) && !tree.unlistedDirs.some((d) => path.startsWith(d));
    // a patch may add a file that PRE_BUILD/POST_BUILD (run in the patched build copy) use
    const hasPatches = doc.assignments.some((a) => a.name === 'PATCH');
    // (assignments inside an `if` too: whether the file exists does not depend on the condition)
    for (const a of doc.assignments) {
      if (a.name === 'PATCH') {
        for (const v of a.values) {
          if (isDynamicValue(doc, v)) continue;
          const name = v.text.trim();
          // an absolute path or a `..` component is dkms-patch-path's
          if (name === '' || name.startsWith('/') || name.split('/').includes('..')) continue;
          if (!absent(normalizeRelative(`patches/${name}`))) continue;
          const index = a.isArray ? a.values.indexOf(v) : recordIndex(a);
          ctx.report({ start: v.start, end: v.end, messageId: 'patchMissing', data: { index: index ?? '?', name } });
        }
        continue;
      }
      const phase = SCRIPTS[a.name];
      if (!phase || a.values.length !== 1) continue;
      const v = a.values[0];
      if (isDynamicValue(doc, v)) continue;
      const script = v.text.trim().split(/\s+/)[0] ?? '';
      if (script === '') continue;
      const place = phase.endsWith('_build') ? '$dkms_tree/<module>/<version>/build' : '$dkms_tree/<module>/<version>/source';
      if (script.startsWith('/')) {
        ctx.report({ start: v.start, end: v.end, messageId: 'scriptAbsolute', data: { directive: a.name, script, phase, place } });
        continue;
      }
      if (phase.endsWith('_build') && hasPatches) continue;
      if (absent(normalizeRelative(script))) ctx.report({ start: v.start, end: v.end, messageId: 'scriptMissing', data: { directive: a.name, script, phase } });
    }
  },
});
