import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

/** `Packager:` in the spec: the build system (or ~/.rpmmacros `%packager`) should set it. */
export default defineSpecRule({
  id: 'hardcoded-packager-tag',
  category: 'style',
  defaultSeverity: 'warning',
  description: 'Packager: is hard-coded in the spec instead of coming from the build environment',
  fixSafety: 'safe',
  messages: {
    hardCoded: 'Packager is hard-coded: whoever rebuilds the package is the packager; set %packager in ~/.rpmmacros or the build system instead',
  },
  rpmlintId: 'hardcoded-packager-tag',
  check(ctx) {
    const { doc } = ctx;
    for (const tag of doc.tags) {
      if (tag.key !== 'packager') continue;
      ctx.report({
        start: tag.nameSpan.start,
        end: tag.valueSpan.end,
        messageId: 'hardCoded',
        fixes: [{ title: 'Remove the Packager: line', edits: [deleteLines(doc, tag.line)] }],
      });
    }
  },
});
