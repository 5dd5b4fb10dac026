import { deleteLines } from '../../specfile/edits';
import { defineSpecRule } from '../types';

const CLEANUP = /^\s*(?:(?:rm|\/bin\/rm|%\{__rm\}|%__rm)\s+-[rRf]+\s+(?:-[rRf]+\s+)?["']?(?:%\{buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})\/?["']?\s*;?)?\s*$/;

/**
 * %clean is not needed since rpm 4.8: rpmbuild removes the build root itself. Reported (with a fix
 * that deletes it) only when the section does nothing else: a %clean that also removes files of
 * the build directory (systemd's `.file-list-*`, docbook-simple's `../%{version}`) does work rpm
 * would not do, so it is not superfluous (precision samples: such findings were wrong).
 */
export default defineSpecRule({
  id: 'superfluous-%clean-section',
  category: 'style',
  defaultSeverity: 'warning',
  description: '%clean is superfluous: rpm cleans the build root itself',
  fixSafety: 'safe',
  messages: {
    superfluous: '%clean is superfluous: rpmbuild removes the build root itself (rpm ≥ 4.8)',
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
      if (!removable) continue;
      ctx.report({
        start: s.keywordSpan.start,
        end: s.header.end,
        messageId: 'superfluous',
        fixes: [{ title: 'Remove the %clean section', edits: [deleteLines(doc, s.headerLine, s.endLine)] }],
      });
    }
  },
});
