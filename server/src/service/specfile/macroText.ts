// Which macro references in free text (comments, %changelog) rpm would expand.
import { lookupMacro } from '../catalog/expand';
import type { DistroId } from '../types';
import type { MacroReference, SpecDocument } from './ast';
import { SECTION_KINDS, CONDITIONAL_KEYWORDS } from './keywords';
import { scopeOf, type MacroScope } from './macroScope';
import { sourceEntries } from './sources';

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

/**
 * rpm's spec-level commands and %files directives are not macros: rpm leaves `%setup`,
 * `%patch3`, `%doc`, `%dir`… in text as written (checked with rpm 4.18). `%license` is one of
 * them too, except that a spec's `License:` tag defines a macro of that name.
 */
// `%include` is a parse directive that rpm reads only at the start of a line; mid-line it is no
// macro and stays as written (`rpm --eval 'a %include b'` prints it unchanged, rpm 4.18).
const NOT_TEXT_MACROS = new Set(['setup', 'patch', 'include']);

/**
 * True when rpm changes the text at this reference in free text (%changelog, comments): it
 * expands a macro that is defined there (the spec's definitions and tags above it, or the
 * profile's catalog), a built-in, a `%(…)`/`%[…]` form or a conditional `%{?…}`/`%{!?…}` (which
 * is replaced either way). An undefined name (`%certificate`), the spec commands and %files
 * directives that are not macros (`%setup`, `%patch3`, `%doc`) and a mid-line `%include` are left
 * as written.
 */
export function isRpmExpandedInText(doc: SpecDocument, r: MacroReference, distro: DistroId, scope: MacroScope = scopeOf(doc, distro)): boolean {
  if (!isExpandedInText(r)) return false;
  if (r.form === 'shell' || r.form === 'expression') return true;
  // `%{name-common}`: rpm reads the whole `name-common` as the name, which no macro has (left as text).
  if (r.form === 'braced' && !/^[}:\s]/.test(doc.text.charAt(r.nameEnd))) return false;
  if (r.conditional || r.negated) return true;
  if (scope.lookup(r.name, r.start).entry) return true;
  const source = /^(SOURCE|PATCH)(\d+)$/.exec(r.name);
  if (source) {
    const kind = source[1] === 'SOURCE' ? 'source' : 'patch';
    return sourceEntries(doc).some((e) => e.kind === kind && e.number === Number(source[2]));
  }
  if (NOT_TEXT_MACROS.has(r.name)) return false;
  const info = lookupMacro(r.name);
  if (!info || !info.definedOn.includes(distro) || info.kind === 'files') return false;
  // Tag macros (%name, %version, %epoch, %SOURCE…) exist only when the spec defines them: the scope said no.
  return !(info.builtin && info.kind === 'builtin' && info.valueless === 'taken from the spec');
}
