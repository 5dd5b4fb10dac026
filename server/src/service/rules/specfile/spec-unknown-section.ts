import { lookupMacro } from '../../catalog/index';
import { SECTION_KINDS } from '../../specfile/keywords';
import { definitionTable } from '../../specfile/macroScope';
import { closestMatch } from '../../text/similarity';
import { defineSpecRule } from '../types';

const SECTION_NAMES = [...SECTION_KINDS.keys()];

/**
 * `%R_install`, `%py_build`: the word is a section name with a prefix or a suffix joined by `_`
 * (one look-up per underscore of the word instead of an endsWith/startsWith per section name).
 */
function namesSectionWithAffix(word: string): boolean {
  for (let u = word.indexOf('_'); u >= 0; u = word.indexOf('_', u + 1)) {
    if (SECTION_KINDS.has(word.slice(u + 1)) || SECTION_KINDS.has(word.slice(0, u))) return true;
  }
  return false;
}

/**
 * The section name the line-start `%word` is a typo of, or null: a section name with an affix, a
 * macro of the catalog, or no section name close enough. The catalog is fixed, so the answer holds
 * for every spec, and most specs call the same macros (%make_build, %cargo_prep…): remembered per
 * word instead of a catalog look-up and a spelling search per macro line.
 */
const suggestions = new Map<string, string | null>();
function suggestionFor(word: string): string | null {
  let suggestion = suggestions.get(word);
  if (suggestion === undefined) {
    // rpm reads any %word that is not a section name as a macro call; `%R_install`, `%py_build`
    // name a section with a prefix, the way macro packages name their helpers, not a typo.
    suggestion = namesSectionWithAffix(word) || lookupMacro(word) ? null : (closestMatch(word.toLowerCase(), SECTION_NAMES, word.length >= 8 ? 2 : 1) ?? null);
    if (suggestions.size >= 20_000) suggestions.clear();
    suggestions.set(word, suggestion);
  }
  return suggestion;
}

/** A letter, digit or `_` (`first`: no digit), as in `%([A-Za-z_][A-Za-z0-9_]*)`. */
function isNameChar(c: number, first: boolean): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (!first && c >= 48 && c <= 57);
}

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
    const text = doc.text;
    for (let line = 0; line < doc.lineKinds.length; line++) {
      if (doc.lineKinds[line] !== 'macro-line') continue;
      // `^[ \t]*%([A-Za-z_][A-Za-z0-9_]*)(?=$|[ \t])` read by character (no line substring, no
      // match array: this runs on every macro line of every spec).
      const end = doc.lines.lineEnd(line);
      let percent = doc.lines.lineStarts[line];
      while (percent < end && (text.charCodeAt(percent) === 32 || text.charCodeAt(percent) === 9)) percent++;
      if (percent >= end || text.charCodeAt(percent) !== 37 || !isNameChar(text.charCodeAt(percent + 1), true)) continue;
      let wordEnd = percent + 2;
      while (wordEnd < end && isNameChar(text.charCodeAt(wordEnd), false)) wordEnd++;
      if (wordEnd < end && text.charCodeAt(wordEnd) !== 32 && text.charCodeAt(wordEnd) !== 9) continue;
      if (wordEnd - percent - 1 < 4) continue;
      const word = text.slice(percent + 1, wordEnd);
      const suggestion = suggestionFor(word);
      if (!suggestion) continue;
      // the spec's own macro of that name
      defined ??= definitionTable(doc);
      if (defined.has(word)) continue;
      const wordStart = percent;
      ctx.report({
        start: wordStart,
        end: wordStart + 1 + word.length,
        messageId: 'unknownWithSuggestion', data: { word, suggestion },
        fixes: [{ title: `Change to '%${suggestion}'`, edits: [{ start: wordStart, end: wordStart + 1 + word.length, newText: `%${suggestion}` }] }],
      });
    }
  },
});
