import { lookupMacro } from '../../catalog/index';
import { SECTION_KINDS } from '../../specfile/keywords';
import { definitionTable } from '../../specfile/macroScope';
import { closestMatch } from '../../text/similarity';
import { defineSpecRule } from '../types';

const SECTION_NAMES = [...SECTION_KINDS.keys()];
/** `_name` and `name_` of every section name (made once: this rule looks at every macro line). */
const SECTION_SUFFIXES = SECTION_NAMES.map((n) => `_${n}`);
const SECTION_PREFIXES = SECTION_NAMES.map((n) => `${n}_`);

/**
 * A line-start `%word` is ambiguous: it may be a macro call (`%cmake`, `%py3_build`). Only a word
 * that is one or two typos away from a section name and is no macro we know is reported.
 */
export default defineSpecRule({
  id: 'spec-unknown-section',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A line-start %word that looks like a misspelt section name',
  fixSafety: 'unsafe',
  messages: {
    unknownWithSuggestion: "Unknown section '%{{word}}': did you mean '%{{suggestion}}'?",
  },
  check(ctx) {
    const { doc } = ctx;
    let defined: ReturnType<typeof definitionTable> | undefined;
    for (let line = 0; line < doc.lineKinds.length; line++) {
      if (doc.lineKinds[line] !== 'macro-line') continue;
      const start = doc.lines.lineStarts[line];
      const m = /^[ \t]*%([A-Za-z_][A-Za-z0-9_]*)(?=$|[ \t])/.exec(doc.lines.lineText(line));
      if (!m) continue;
      const word = m[1];
      if (word.length < 4 || lookupMacro(word)) continue;
      // rpm reads any %word that is not a section name as a macro call; `%R_install`, `%py_build`
      // name a section with a prefix, the way macro packages name their helpers, not a typo.
      if (SECTION_SUFFIXES.some((x) => word.endsWith(x)) || SECTION_PREFIXES.some((x) => word.startsWith(x))) continue;
      defined ??= definitionTable(doc);
      if (defined.has(word)) continue;
      const suggestion = closestMatch(word.toLowerCase(), SECTION_NAMES, word.length >= 8 ? 2 : 1);
      if (!suggestion) continue;
      const wordStart = start + m[0].indexOf('%');
      ctx.report({
        start: wordStart,
        end: wordStart + 1 + word.length,
        messageId: 'unknownWithSuggestion', data: { word, suggestion },
        fixes: [{ title: `Change to '%${suggestion}'`, edits: [{ start: wordStart, end: wordStart + 1 + word.length, newText: `%${suggestion}` }] }],
      });
    }
  },
});
