// Which macro references in free text (comments, %changelog) rpm would expand.
import type { MacroReference } from './ast';
import { SECTION_KINDS, CONDITIONAL_KEYWORDS } from './keywords';

/**
 * True for a reference rpm expands when it meets it in text: not `%%`, not a positional
 * parameter, not a section or conditional keyword written as a word (`the %post script`), and,
 * like rpmlint, a plain `%xy` needs a name of at least three characters.
 */
export function isExpandedInText(r: MacroReference): boolean {
  if (r.form === 'escape' || r.form === 'positional') return false;
  if (r.form === 'shell' || r.form === 'expression') return true;
  if (r.name === '') return false;
  if (r.form === 'plain') {
    if (r.name.length < 3) return false;
    if (SECTION_KINDS.has(r.name) || CONDITIONAL_KEYWORDS.has(r.name)) return false;
  }
  return true;
}
