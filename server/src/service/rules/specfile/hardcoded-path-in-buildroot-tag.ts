import { defineSpecRule } from '../types';

/**
 * `BuildRoot: /var/tmp/…`: a fixed build root. rpm ≥ 4.6 ignores the tag (obsolete-buildroot-tag
 * offers to delete it); on older rpm a fixed path lets concurrent builds and users clash.
 */
export default defineSpecRule({
  id: 'hardcoded-path-in-buildroot-tag',
  category: 'paths',
  defaultSeverity: 'warning',
  description: 'BuildRoot: is set to a hard-coded absolute path',
  fixSafety: 'none',
  messages: {
    fixedPath: "BuildRoot is the fixed path '{{value}}': builds by different users or of different versions share it; rpm ≥ 4.6 ignores the tag, so remove it",
  },
  rpmlintId: 'hardcoded-path-in-buildroot-tag',
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (tag.key !== 'buildroot' || !tag.value.startsWith('/')) continue;
      ctx.report({
        start: tag.valueSpan.start,
        end: tag.valueSpan.end,
        messageId: 'fixedPath', data: { value: tag.value },
      });
    }
  },
});
