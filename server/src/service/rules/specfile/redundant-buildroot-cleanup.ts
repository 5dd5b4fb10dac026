import { deleteLines } from '../../specfile/edits';
import { logicalLines } from '../../specfile/query';
import { defineSpecRule } from '../types';

const BR = String.raw`(?:%\{buildroot\}|%buildroot|\$RPM_BUILD_ROOT|\$\{RPM_BUILD_ROOT\})`;
const QBR = String.raw`(?:"${BR}/?"|'${BR}/?'|${BR}/?)`;
const RM = String.raw`(?:rm|/bin/rm|/usr/bin/rm|%\{__rm\}|%__rm)\s+(?:-[rRf]{2}|-[rR]\s+-f|-f\s+-[rR]|--recursive\s+--force|--force\s+--recursive)`;
const GUARD = String.raw`(?:(?:\[|test)\s+${QBR}\s+!=\s+(?:"/"|'/'|/)\s*\]?\s*&&\s*)`;
/** Exported for the regex checker (test/security/redos.test.ts), which cannot read a built pattern. */
export const CLEANUP = new RegExp(String.raw`^\s*${GUARD}?${RM}\s+${QBR}\s*;?\s*$`);

/**
 * `rm -rf %{buildroot}` as the first command of %install: rpm (4.6 and later, every current
 * distribution) empties the build root before %install runs.
 */
export default defineSpecRule({
  id: 'redundant-buildroot-cleanup',
  category: 'style',
  defaultSeverity: 'information',
  description: 'rm -rf %{buildroot} at the start of %install is redundant: rpm cleans the build root itself',
  fixSafety: 'safe',
  messages: {
    redundant: 'rpm empties the build root before %install: this rm -rf is redundant',
  },
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    for (const s of doc.sections) {
      if (s.kind !== 'install') continue;
      const first = logicalLines(doc, s)[0];
      if (!first || !CLEANUP.test(first.text)) continue;
      // Only the start of %install, not a cleanup after a conditional or a definition.
      let earlierStructure = false;
      for (let l = s.headerLine + 1; l < first.line; l++) {
        const k = doc.lineKinds[l];
        if (k !== 'blank' && k !== 'comment') earlierStructure = true;
      }
      if (earlierStructure || doc.lineConditional[first.line] !== doc.lineConditional[s.headerLine]) continue;
      const trimmedStart = first.start + (first.text.length - first.text.trimStart().length);
      ctx.report({
        start: trimmedStart,
        end: first.end,
        messageId: 'redundant',
        fixes: [{ title: 'Remove the line', edits: [deleteLines(doc, first.line, first.endLine)] }],
      });
    }
  },
});
