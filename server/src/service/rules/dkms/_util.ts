// Helpers shared by the dkms.conf rules (not a rule: the leading underscore keeps it out of the index).
import { DKMS_INDEX_FAMILIES, type DkmsIndexFamily } from '../../catalog/dkmsDirectives';
import type { DkmsAssignment, DkmsDocument, DkmsValue } from '../../dkms/ast';
import type { OffsetEdit } from '../../types';

/** Assignments to a name, in document order. */
export function assignmentsOf(doc: DkmsDocument, name: string): DkmsAssignment[] {
  return doc.assignments.filter((a) => a.name === name);
}

/** The index an assignment sets: its numeric index, 0 for a scalar, undefined when computed. */
export function recordIndex(a: DkmsAssignment): number | undefined {
  if (a.indexText === undefined) return a.isArray ? undefined : 0;
  return a.index;
}

/** Assignments of a family's directives. `dynamic` is true when one uses a computed index or an array literal. */
export function familyAssignments(doc: DkmsDocument, family: DkmsIndexFamily): { assignments: DkmsAssignment[]; dynamic: boolean } {
  const names = DKMS_INDEX_FAMILIES[family];
  const assignments = doc.assignments.filter((a) => names.includes(a.name));
  const dynamic = assignments.some((a) => recordIndex(a) === undefined || a.append);
  return { assignments, dynamic };
}

/** The single value of a scalar assignment, if it is one. */
export function scalarValue(a: DkmsAssignment): DkmsValue | undefined {
  return a.isArray ? undefined : a.values[0];
}

/** True when the value depends on expansion, templates or command output (not checkable statically). */
export function isDynamicValue(doc: DkmsDocument, v: DkmsValue): boolean {
  if (v.variables.length > 0 || v.hasCommandSubstitution) return true;
  return doc.placeholders.some((p) => p.start < v.end && p.end > v.start);
}

/** Where to report on an assignment's value: the value, or the name when the value is empty. */
export function valueOrName(a: DkmsAssignment): { start: number; end: number } {
  return a.valueSpan.end > a.valueSpan.start ? a.valueSpan : a.nameSpan;
}

/**
 * An edit that deletes the assignment's whole line(s), when nothing else (other than blanks)
 * shares them. Undefined otherwise.
 */
export function deleteLinesEdit(doc: DkmsDocument, a: DkmsAssignment): OffsetEdit | undefined {
  const lines = doc.lines;
  const lineStart = lines.lineStarts[a.line];
  const lineEnd = lines.lineEnd(a.endLine);
  if (doc.text.slice(lineStart, a.start).trim() !== '') return undefined;
  if (doc.text.slice(a.end, lineEnd).trim() !== '') return undefined;
  const end = lines.lineEndWithBreak(a.endLine);
  if (end === lineEnd && lineStart > 0) {
    // last line without a line break: remove the preceding break instead
    return { start: lines.lineEnd(a.line - 1), end: lineEnd, newText: '' };
  }
  return { start: lineStart, end, newText: '' };
}

/** Names used as variables anywhere in the file (values and shell code). */
export function referencedNames(doc: DkmsDocument): Set<string> {
  const names = new Set<string>();
  for (const a of doc.assignments) for (const v of a.values) for (const r of v.variables) names.add(r.name);
  const re = /\$\{?[#!]?([A-Za-z_][A-Za-z0-9_]*)/g;
  for (const s of doc.shellCode) for (const m of s.text.matchAll(re)) names.add(m[1]);
  // `for NAME in …` and `read … NAME …` set variables too
  for (const s of doc.shellCode) {
    for (const m of s.text.matchAll(/\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g)) names.add(m[1]);
  }
  return names;
}

/** `read` options whose value is the next word (`-a NAME` sets the array NAME). */
const READ_OPTIONS_WITH_VALUE = new Set(['a', 'd', 'i', 'n', 'N', 'p', 't', 'u']);

/**
 * The variables a `read` sets, from the words after `read`: options first (a cluster such as
 * `-rd` takes its value from the next word when its last letter needs one), then names. Word by
 * word: a single regex for this backtracked exponentially (a 170-byte `read -rd -rd …` line: 53 s).
 */
export function readTargets(args: string): string[] {
  const words = args.split(/[ \t]+/).filter((w) => w !== '');
  const names: string[] = [];
  let i = 0;
  while (i < words.length && /^-[A-Za-z]+$/.test(words[i])) {
    const letter = words[i][words[i].length - 1];
    if (READ_OPTIONS_WITH_VALUE.has(letter) && i + 1 < words.length) {
      if (letter === 'a' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(words[i + 1])) names.push(words[i + 1]);
      i++;
    }
    i++;
  }
  for (; i < words.length && /^[A-Za-z_][A-Za-z0-9_]*$/.test(words[i]); i++) names.push(words[i]);
  return names;
}

/** Names a file sets some other way than a plain assignment: loop variables and `read` targets. */
export function shellDefinedNames(doc: DkmsDocument): Set<string> {
  const names = new Set<string>();
  for (const s of doc.shellCode) {
    for (const m of s.text.matchAll(/\b(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
    for (const m of s.text.matchAll(/\bread\b([^\n;&|<>()]*)/g)) for (const n of readTargets(m[1])) names.add(n);
    for (const m of s.text.matchAll(/\b(?:local|declare|typeset|export|readonly)\s+(?:-\w+\s+)*([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
  }
  return names;
}

/** The file sources other files or evaluates generated code: its variables cannot be known statically. */
export function includesOtherCode(doc: DkmsDocument): boolean {
  return doc.shellCode.some((s) => /(^|[\s;&|(])(\.|source|eval)\s/.test(s.text));
}

/** 'yes'/'no' for the usual spellings of booleans, undefined otherwise. */
export function booleanMeaning(text: string): 'yes' | 'no' | undefined {
  const t = text.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 'on', 'enable', 'enabled'].includes(t)) return 'yes';
  if (['n', 'no', 'false', '0', 'off', 'disable', 'disabled'].includes(t)) return 'no';
  return undefined;
}

/** The text to put in place of a value (keeps the value's quoting style). */
export function replacementFor(v: DkmsValue, newText: string): OffsetEdit {
  if (v.quoting === 'double') return { start: v.start, end: v.end, newText: `"${newText}"` };
  if (v.quoting === 'single') return { start: v.start, end: v.end, newText: `'${newText}'` };
  return { start: v.start, end: v.end, newText };
}
