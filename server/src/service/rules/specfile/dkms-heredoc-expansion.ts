import { DKMS_DIRECTIVES, DKMS_VARIABLES } from '../../catalog/dkmsDirectives';
import { embeddedDkmsConfs } from '../../specfile/embeddedDkms';
import { defineSpecRule } from '../types';

/** Names that only mean something when dkms reads the file: its variables and the directives. */
const DKMS_NAMES = new Set([...DKMS_VARIABLES.map((v) => v.name), ...DKMS_DIRECTIVES.map((d) => d.name)]);
const EXPANSION = /(\\*)(\$\{?([A-Za-z_][A-Za-z0-9_]*)|\$\(|`)/g;

export default defineSpecRule({
  id: 'dkms-heredoc-expansion',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A dkms.conf written with an unquoted here-document: rpmbuild\'s shell expands $kernelver, $(…) and the like before dkms sees them',
  fixSafety: 'safe',
  messages: {
    unquotedDelimiter: "The here-document delimiter {{delimiter}} is not quoted, so rpmbuild's shell expands {{what}} while it writes the dkms.conf ({{effect}}), and dkms never sees it. Quote the delimiter (<<'{{delimiter}}') or write \\$",
  },
  requires: ['<<'],
  check(ctx) {
    for (const conf of embeddedDkmsConfs(ctx.doc)) {
      const h = conf.hereDoc;
      if (h.quoted) continue;
      for (const m of h.body.matchAll(EXPANSION)) {
        if (m[1].length % 2 === 1) continue; // `\$` stays a literal `$`
        const name = m[3];
        if (name !== undefined && !DKMS_NAMES.has(name)) continue; // a build-time variable, meant to be expanded
        const at = m.index! + m[1].length;
        const start = h.offsetAt(at);
        const what = name !== undefined ? `$${name}` : m[2] === '`' ? 'the backquoted command' : 'the $(…) command';
        ctx.report({
          start,
          end: start + m[2].length,
          messageId: 'unquotedDelimiter', data: { delimiter: h.delimiter, what, effect: name !== undefined ? 'to an empty string or a value of the build machine' : 'running it on the build machine' },
          fixes: [{ title: 'Escape the $ (write \\$)', edits: [{ start, end: start, newText: '\\' }] }],
        });
      }
    }
  },
});
