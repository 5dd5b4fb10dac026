import { hasNothingToBuild, missingSection } from '../../specfile/requiredSections';
import { defineSpecRule } from '../types';

/**
 * A complete spec without a %build section. Not reported for fragments (no Name tag), specs that
 * %include other files, rpm 4.20 declarative builds (BuildSystem:), which generate the section, a
 * header written inside a macro (`%{?conf:%build}`), nor specs with nothing to compile by design
 * (noarch packages, go2rpm source-only libraries).
 */
export default defineSpecRule({
  id: 'no-%build-section',
  category: 'build',
  defaultSeverity: 'information',
  description: 'The spec has no %build section',
  fixSafety: 'none',
  messages: {
    noBuildSection: 'The spec has no %build section: if nothing needs compiling, an empty %build states that on purpose',
  },
  rpmlintId: 'no-%build-section',
  check(ctx) {
    const anchor = missingSection(ctx.doc, 'build');
    if (anchor && hasNothingToBuild(ctx.doc)) return;
    if (anchor) ctx.report({ ...anchor, messageId: 'noBuildSection' });
  },
});

