import { isRegeneratedSpec } from '../../specfile/generator';
import { defineSpecRule } from '../types';

const COMMON_WORDS = new Set([
  'a', 'an', 'the', 'this', 'library', 'libraries', 'tool', 'tools', 'utility', 'utilities', 'support', 'development',
  'documentation', 'files', 'header', 'headers', 'shared', 'static', 'runtime', 'command', 'commands', 'module', 'modules',
  'plugin', 'plugins', 'program', 'programs', 'simple', 'small', 'fast', 'data', 'package', 'common', 'extension',
  'extensions', 'bindings', 'client', 'server', 'daemon', 'driver', 'drivers', 'provides', 'set', 'collection',
  'graphical', 'interface', 'implementation', 'lightweight', 'high', 'open', 'free', 'generic', 'portable', 'additional',
  'example', 'examples', 'manual', 'pages', 'scripts', 'script', 'configuration', 'utils', 'parser', 'framework',
]);

/**
 * Summary starting with a lower-case word (`a library for…`). Names written in lower case are
 * fine, so the rule only looks at common English words that begin summaries (`a`, `library`,
 * `tools` …) and are not the name of a package in the spec, and only reports a hint.
 */
export default defineSpecRule({
  id: 'summary-not-capitalized',
  category: 'style',
  defaultSeverity: 'hint',
  description: 'Summary starts with a lower-case word',
  fixSafety: 'safe',
  messages: {
    lowerCase: 'Summary starts with lower-case "{{word}}": capitalize it unless it is a name',
  },
  rpmlintId: 'summary-not-capitalized',
  check(ctx) {
    const { doc } = ctx;
    // The tool wrote the summary from its input (crate description, TeX Live catalogue): fix it there.
    if (isRegeneratedSpec(doc)) return;
    const names = new Set<string>();
    for (const p of doc.packages) {
      for (const n of [p.name, p.declaredName]) if (n) names.add(n.toLowerCase());
    }
    for (const t of doc.tags) if (t.key === 'name') names.add(t.value.trim().toLowerCase());
    for (const tag of doc.tags) {
      if (tag.key !== 'summary' || (tag.qualifier && tag.qualifier !== 'C')) continue;
      const value = doc.text.slice(tag.valueSpan.start, tag.valueSpan.end);
      const m = /^([a-z][a-z]*)(?=[\s,:;]|$)/.exec(value);
      if (!m) continue;
      const word = m[1];
      if (names.has(word) || [...names].some((n) => n.startsWith(word + '-') || n.endsWith('-' + word))) continue;
      // Program names are often written in lower case (`gsettings`, `libtool`): only common English
      // words that begin summaries are reported.
      if (!COMMON_WORDS.has(word)) continue;
      const start = tag.valueSpan.start;
      const upper = word[0].toUpperCase() + word.slice(1);
      ctx.report({
        start,
        end: start + word.length,
        messageId: 'lowerCase', data: { word },
        fixes: [{ title: `Capitalize to "${upper}"`, edits: [{ start, end: start + 1, newText: upper[0] }] }],
      });
    }
  },
});
