import { definitionTable } from '../../specfile/macroScope';
import { defineSpecRule } from '../types';

/**
 * The spec file is not named `<Name>.spec`: build systems (Koji, OBS, fedpkg) look for the spec by
 * package name. Checked only for `*.spec` files whose Name can be read (macros defined in the spec
 * are followed one level); templates (`.spec.in`) are skipped.
 */
export default defineSpecRule({
  id: 'invalid-spec-name',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'The spec file name is not <Name>.spec',
  fixSafety: 'none',
  messages: {
    nameMismatch: "The file is named '{{base}}' but the package is '{{name}}': name the spec '{{name}}.spec'",
  },
  rpmlintId: 'invalid-spec-name',
  check(ctx) {
    const { doc } = ctx;
    if (doc.isTemplate) return;
    const raw = ctx.uri.replace(/[?#].*$/, '').replace(/^.*[/\\]/, '');
    let base = raw;
    try {
      base = decodeURIComponent(raw);
    } catch {
      // A bare `%` in a file name that was not percent-encoded: use the name as it is.
    }
    if (!base.endsWith('.spec')) return;
    const tag = doc.tags.find((t) => t.key === 'name' && t.packageIndex === 0);
    if (!tag || tag.value === '') return;
    const defs = definitionTable(doc);
    const name = tag.value.replace(/%\{([A-Za-z_]\w*)\}|%([A-Za-z_]\w*)/g, (whole: string, a?: string, b?: string) => {
      const list = defs.definitions(a ?? b ?? '');
      return list.length === 1 && !list[0].body.includes('%') ? list[0].body.trim() : whole;
    });
    if (name.includes('%') || `${name}.spec` === base) return;
    ctx.report({
      start: tag.valueSpan.start,
      end: tag.valueSpan.end,
      messageId: 'nameMismatch', data: { base, name },
    });
  },
});
