import { defineSpecRule } from '../types';
import { trimTrailingSlashes } from '../../text/trim';

/** `Prefix: /usr` instead of `Prefix: %{_prefix}`: relocatable packages should follow the macros. */
export default defineSpecRule({
  id: 'hardcoded-prefix-tag',
  category: 'paths',
  defaultSeverity: 'warning',
  description: 'Prefix: is a hard-coded path instead of a macro such as %{_prefix}',
  fixSafety: 'safe',
  messages: {
    hardCoded: "Prefix is the hard-coded path '{{value}}': use the matching macro (e.g. %{_prefix}) so it follows the distribution's layout",
  },
  rpmlintId: 'hardcoded-prefix-tag',
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      // Only a path: rpm accepts any word (libvirt-java's `Prefix: libvirt` names its jar through
      // %{prefix}), and for a word that is no path there is no directory macro to suggest.
      if (tag.key !== 'prefix' || !tag.value.startsWith('/')) continue;
      const fix = trimTrailingSlashes(tag.value) === '/usr'
        ? [{ title: 'Use %{_prefix}', edits: [{ start: tag.valueSpan.start, end: tag.valueSpan.end, newText: '%{_prefix}' }] }]
        : [];
      ctx.report({
        start: tag.valueSpan.start,
        end: tag.valueSpan.end,
        messageId: 'hardCoded', data: { value: tag.value },
        fixes: fix,
      });
    }
  },
});
