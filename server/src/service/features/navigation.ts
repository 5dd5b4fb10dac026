// Go to definition, find references, document highlights and rename for what a spec defines
// itself: macros (%global/%define), build conditionals, SourceN/PatchN and subpackages.
import { lookupMacro } from '../catalog/index';
import type { SpecDocument, Span } from '../specfile/ast';
import type { DocumentHighlight, Location, Range, RenameResult, TextEdit } from '../types';
import { numberedTags, occurrences, specTargetAt, type Occurrence, type SpecTarget } from './specTargets';
import { definitionTable } from '../specfile/macroScope';

function navigable(doc: SpecDocument, offset: number): SpecTarget | undefined {
  const t = specTargetAt(doc, offset);
  if (!t) return undefined;
  if (t.kind === 'macro' || t.kind === 'bcond' || t.kind === 'source' || t.kind === 'patch' || t.kind === 'package') return t;
  return undefined;
}

const loc = (doc: SpecDocument, uri: string, span: Span): Location => ({ uri, range: doc.lines.range(span.start, span.end) });

export function specDefinition(doc: SpecDocument, uri: string, offset: number): Location[] {
  const t = navigable(doc, offset);
  if (!t) return [];
  if (t.kind === 'macro' && (t.name === 'autopatch' || t.name === 'autosetup') && !definitionTable(doc).directives(t.name).length) {
    return numberedTags(doc, 'patch').map((p) => loc(doc, uri, p.tag.nameSpan));
  }
  return occurrences(doc, t).filter((o) => o.definition).map((o) => loc(doc, uri, o.span));
}

export function specReferences(doc: SpecDocument, uri: string, offset: number, includeDeclaration: boolean): Location[] {
  const t = navigable(doc, offset);
  if (!t) return [];
  return occurrences(doc, t).filter((o) => includeDeclaration || !o.definition).map((o) => loc(doc, uri, o.span));
}

export function specHighlights(doc: SpecDocument, offset: number): DocumentHighlight[] {
  const t = navigable(doc, offset);
  if (!t) return [];
  return occurrences(doc, t).map((o) => ({ range: doc.lines.range(o.span.start, o.span.end), kind: o.definition ? 3 : 2 }));
}

const MACRO_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The range and current name of what would be renamed, or an error. */
export function specPrepareRename(doc: SpecDocument, offset: number): { range: Range; placeholder: string } | { error: string } {
  const t = specTargetAt(doc, offset);
  if (!t) return { error: 'Nothing to rename here: place the cursor on a macro or build conditional defined in this file.' };
  if (t.kind === 'bcond') {
    if (!doc.buildConditionals.some((b) => b.name === t.name)) return { error: `Build conditional '${t.name}' is not declared in this file.` };
    return { range: doc.lines.range(t.span.start, t.span.end), placeholder: t.name };
  }
  if (t.kind !== 'macro') return { error: 'Only macros and build conditionals defined in this file can be renamed.' };
  if (!definitionTable(doc).has(t.name)) {
    return { error: lookupMacro(t.name) ? `%${t.name} is a distribution or rpm macro, not defined in this file: it cannot be renamed.` : `%${t.name} is not defined in this file.` };
  }
  if (lookupMacro(t.name)) return { error: `%${t.name} overrides a distribution or rpm macro: renaming it would drop the override.` };
  return { range: doc.lines.range(t.span.start, t.span.end), placeholder: t.name };
}

export function specRename(doc: SpecDocument, uri: string, offset: number, newName: string): RenameResult {
  const prep = specPrepareRename(doc, offset);
  if ('error' in prep) return prep;
  const t = specTargetAt(doc, offset)!;
  const name = newName.replace(/^%\{?|\}$/g, '');
  if (!MACRO_NAME.test(name)) return { error: `'${newName}' is not a valid ${t.kind === 'bcond' ? 'build conditional' : 'macro'} name: use letters, digits and underscores, not starting with a digit.` };
  const oldName = (t as { name: string }).name;
  if (name === oldName) return { edit: { changes: { [uri]: [] } } };
  if (t.kind === 'macro') {
    if (name.length < 3) return { error: `'${name}' is too short: rpm refuses macro names of fewer than 3 characters.` };
    if (definitionTable(doc).has(name)) return { error: `%${name} is already defined in this file.` };
    if (lookupMacro(name)) return { error: `%${name} is a distribution or rpm macro: renaming to it would change what it means.` };
    if (/^(with|without)_/.test(name) && doc.buildConditionals.some((b) => name.endsWith(`_${b.name}`))) return { error: `%${name} is the macro of a build conditional.` };
  } else if (doc.buildConditionals.some((b) => b.name === name)) {
    return { error: `Build conditional '${name}' already exists in this file.` };
  } else if (definitionTable(doc).directives(`with_${name}`).length > 0 || definitionTable(doc).directives(`without_${name}`).length > 0) {
    return { error: `%with_${name} / %without_${name} is already defined in this file.` };
  }
  const edits: TextEdit[] = occurrences(doc, t)
    .filter((o: Occurrence) => o.renamable)
    .map((o) => ({ range: doc.lines.range(o.span.start, o.span.end), newText: name }));
  return { edit: { changes: { [uri]: edits } } };
}
