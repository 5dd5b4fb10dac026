import { missingSection } from '../../specfile/requiredSections';
import { defineSpecRule } from '../types';

/**
 * A complete spec without a %install section. Not reported for fragments (no Name tag), specs that
 * %include other files, or rpm 4.20 declarative builds (BuildSystem:), which generate the section.
 */
export default defineSpecRule({
  id: 'no-%install-section',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'The spec has no %install section',
  fixSafety: 'none',
  messages: {
    noInstallSection: 'The spec has no %install section: nothing is installed into the build root, so the packages will be empty',
  },
  rpmlintId: 'no-%install-section',
  check(ctx) {
    const anchor = missingSection(ctx.doc, 'install');
    if (anchor) ctx.report({ ...anchor, messageId: 'noInstallSection' });
  },
});

