import { dkmsCalls, type DkmsCall } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

/** dkms's own helper that adds, builds and installs (`/usr/lib/dkms/common.postinst`). */
const COMMON_POSTINST = /common\.postinst\b/;

export default defineSpecRule({
  id: 'dkms-post-incomplete',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: '%post adds or builds the module with dkms but never installs it',
  fixSafety: 'unsafe',
  messages: {
    noInstall: '%post runs `dkms {{text}}` but never `dkms install`: the module is not installed for the running kernel until the next kernel update (if at all). `dkms install -m <module> -v <version>` adds and builds as needed, so it alone is enough',
  },
  check(ctx) {
    const doc = ctx.doc;
    const byPackage = new Map<number, DkmsCall[]>();
    for (const call of dkmsCalls(doc)) {
      if (call.section.name !== 'post' && call.section.name !== 'posttrans') continue;
      let list = byPackage.get(call.section.packageIndex);
      if (!list) byPackage.set(call.section.packageIndex, (list = []));
      list.push(call);
    }
    for (const [pkg, calls] of byPackage) {
      if (calls.some((c) => c.opaqueArgs || c.action === undefined || c.action.text === 'install' || c.action.text === 'autoinstall')) continue;
      const first = calls.find((c) => c.action!.text === 'add' || c.action!.text === 'build');
      if (!first) continue;
      // the helper script, or a loop over kernels in some other form, may do the install
      const post = doc.sections.filter((s) => s.packageIndex === pkg && (s.name === 'post' || s.name === 'posttrans'));
      if (post.some((s) => COMMON_POSTINST.test(doc.text.slice(s.body.start, s.body.end)))) continue;
      const last = calls[calls.length - 1];
      const module = first.module ? ` -m ${first.module.text}` : '';
      const version = first.version ? ` -v ${first.version.text}` : '';
      const after = last.sequence[last.index].after;
      const lineEnd = doc.lines.lineEnd(doc.lines.lineOf(last.argsEnd));
      const canFix = !last.definition && (after === '' || after === ';') && !!first.module && !!first.version && !doc.text.slice(last.argsEnd, lineEnd).trimEnd().endsWith('\\');
      const indent = /^[ \t]*/.exec(doc.text.slice(doc.lines.lineStarts[doc.lines.lineOf(last.exe.start)]))![0];
      ctx.report({
        start: first.exe.start,
        end: first.argsEnd,
        messageId: 'noInstall', data: { text: first.action!.text },
        fixes: canFix
          ? [{ title: 'Add `dkms install`', safety: 'unsafe', edits: [{ start: lineEnd, end: lineEnd, newText: `${doc.lines.eol}${indent}dkms install${module}${version}` }] }]
          : [],
      });
    }
  },
});
