import { missingSection } from '../../specfile/requiredSections';
import { defineSpecRule } from '../types';

/**
 * A complete spec without a %prep section. Not reported for fragments (no Name tag), specs that
 * %include other files, or rpm 4.20 declarative builds (BuildSystem:), which generate the section.
 */
export default defineSpecRule({
  id: 'no-%prep-section',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'The spec has no %prep section',
  fixSafety: 'none',
  messages: {
    noPrepSection: 'The spec has no %prep section: sources are not unpacked and patches not applied; add %prep with %autosetup (or %setup -q)',
  },
  rpmlintId: 'no-%prep-section',
  check(ctx) {
    const anchor = missingSection(ctx.doc, 'prep');
    if (anchor) ctx.report({ ...anchor, messageId: 'noPrepSection' });
  },
});

