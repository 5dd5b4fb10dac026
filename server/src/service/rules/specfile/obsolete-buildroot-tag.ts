import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

/**
 * `BuildRoot:` is ignored since rpm 4.6: rpmbuild always uses its own build root
 * (`%{_buildrootdir}/%{NAME}-%{VERSION}-%{RELEASE}.%{_arch}`). rpmlint's
 * hardcoded-path-in-buildroot-tag is about the tag's value; this rule is about the tag itself.
 */
export default defineSpecRule({
  id: 'obsolete-buildroot-tag',
  category: 'deprecated',
  defaultSeverity: 'warning',
  description: 'BuildRoot: is ignored since rpm 4.6 and can be removed',
  fixSafety: 'safe',
  messages: {
    obsolete: 'BuildRoot: is obsolete: rpm ignores it since 4.6 and picks the build root itself',
  },
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    for (const tag of doc.tags) {
      if (tag.key !== 'buildroot') continue;
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.end,
        messageId: 'obsolete',
        fixes: [{ title: 'Remove the BuildRoot: line', edits: [deleteLines(doc, tag.line)] }],
      });
    }
  },
});
