import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

const CLEANUP = /^\s*(?:(?:rm|\/bin\/rm|%\{__rm\}|%__rm)\s+-[rRf]+\s+(?:-[rRf]+\s+)?["']?(?:%\{buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})\/?["']?\s*;?)?\s*$/;

/**
 * %clean is not needed since rpm 4.8: rpmbuild removes the build root itself. The fix deletes the
 * section when it only removes the build root; a section doing more is reported without a fix.
 */
export default defineSpecRule({
  id: 'superfluous-%clean-section',
  category: 'style',
  defaultSeverity: 'warning',
  description: '%clean is superfluous: rpm cleans the build root itself',
  fixSafety: 'safe',
  messages: {
    superfluous: '%clean is superfluous: rpmbuild removes the build root itself (rpm ≥ 4.8)',
    superfluousWithOtherCleanup: '%clean is superfluous for removing the build root (rpm ≥ 4.8 does it); move any other cleanup elsewhere',
  },
  rpmlintId: 'superfluous-%clean-section',
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    for (const s of doc.sections) {
      if (s.kind !== 'clean') continue;
      let removable = true;
      for (let l = s.headerLine + 1; l <= s.endLine; l++) {
        const kind = doc.lineKinds[l];
        if (kind === 'blank' || kind === 'comment') continue;
        if (kind !== 'body' || !CLEANUP.test(doc.lines.lineText(l))) removable = false;
      }
      ctx.report({
        start: s.keywordSpan.start,
        end: s.header.end,
        ...(removable ? { messageId: 'superfluous' } : { messageId: 'superfluousWithOtherCleanup' }),
        fixes: removable ? [{ title: 'Remove the %clean section', edits: [deleteLines(doc, s.headerLine, s.endLine)] }] : [],
      });
    }
  },
});
