// Call hierarchy for macros, across a spec and the files it %include's (the caller reads those
// and passes their text, as for referencesInIncluded). A macro "calls" the macros its body
// (`%global name body`) uses; a section (`%build`, `%files devel`, the preamble) calls the macros
// used in it outside definitions. Incoming calls of a macro: every definition and section that
// uses it; outgoing calls: what its definitions' bodies use. rpm and distribution macros have no
// body here: they appear as callees at the place they are used.
import { BUILTIN_MACRO_NAMES } from '../specfile/macroNames';
import type { MacroDefinition, MacroReference, Section, SpecDocument, Span } from '../specfile/ast';
import { parseSpec } from '../specfile/parser';
import { definitionTable } from '../specfile/macroScope';
import { SymbolKind, type Range, type SymbolKindValue } from '../types';
import { specTargetAt } from './specTargets';

/** What an item stands for (round-trips through the client as `data`). */
export type CallHierarchyData =
  | { spec: string; kind: 'macro'; name: string }
  | { spec: string; kind: 'section'; section: number };

export interface CallHierarchyItem {
  name: string;
  kind: SymbolKindValue;
  detail?: string;
  uri: string;
  range: Range;
  selectionRange: Range;
  data: CallHierarchyData;
}

export interface CallHierarchyIncomingCall {
  from: CallHierarchyItem;
  fromRanges: Range[];
}

export interface CallHierarchyOutgoingCall {
  to: CallHierarchyItem;
  fromRanges: Range[];
}

/** A file of the hierarchy: the spec or one it includes. */
interface HierarchyFile {
  uri: string;
  doc: SpecDocument;
}

const NOT_CALLS = new Set(BUILTIN_MACRO_NAMES);

/** References that name a macro the hierarchy follows (not %if, %setup, %{expand:…}, %1…). */
function isCall(r: MacroReference): boolean {
  return (r.form === 'plain' || r.form === 'braced') && r.name !== '' && !NOT_CALLS.has(r.name);
}

function files(spec: SpecDocument, specUri: string, included: readonly { uri: string; text: string }[]): HierarchyFile[] {
  return [{ uri: specUri, doc: spec }, ...included.filter((f) => f.uri !== specUri).map((f) => ({ uri: f.uri, doc: parseSpec(f.text) }))];
}

const rangeOf = (doc: SpecDocument, span: Span): Range => doc.lines.range(span.start, span.end);

function macroItem(specUri: string, file: HierarchyFile, def: MacroDefinition, specFileUri: string): CallHierarchyItem {
  const where = file.uri === specFileUri ? '' : ` in ${decodeURIComponent(file.uri.replace(/^.*\//, ''))}`;
  return {
    name: `%${def.name}`,
    kind: SymbolKind.Function,
    detail: `%${def.keyword}${def.parameters !== undefined ? ` (${def.parameters})` : ''}${where}`,
    uri: file.uri,
    range: rangeOf(file.doc, def),
    selectionRange: rangeOf(file.doc, def.nameSpan),
    data: { spec: specUri, kind: 'macro', name: def.name },
  };
}

/** An item for a macro no file defines (rpm's or the distribution's), placed where it is used. */
function externalItem(specUri: string, file: HierarchyFile, ref: MacroReference): CallHierarchyItem {
  const range = rangeOf(file.doc, { start: ref.nameStart, end: ref.nameEnd });
  return { name: `%${ref.name}`, kind: SymbolKind.Function, detail: 'not defined by %global or %define in the spec or its includes', uri: file.uri, range, selectionRange: range, data: { spec: specUri, kind: 'macro', name: ref.name } };
}

function sectionLabel(s: Section): string {
  if (s.kind === 'preamble') return 'preamble';
  const args = s.args.trim();
  return `%${s.name}${args ? ` ${args}` : ''}`;
}

function sectionItem(specUri: string, file: HierarchyFile, index: number): CallHierarchyItem {
  const s = file.doc.sections[index];
  const selection = s.kind === 'preamble' ? { start: 0, end: 0 } : s.keywordSpan;
  return { name: sectionLabel(s), kind: SymbolKind.Module, detail: 'section', uri: file.uri, range: rangeOf(file.doc, s), selectionRange: rangeOf(file.doc, selection), data: { spec: specUri, kind: 'section', section: index } };
}

/** The first definition of a macro: in the spec, else in the first included file that has one. */
function definitionOf(all: HierarchyFile[], name: string): { file: HierarchyFile; def: MacroDefinition } | undefined {
  for (const file of all) {
    const def = definitionTable(file.doc).definitions(name)[0];
    if (def) return { file, def };
  }
  return undefined;
}

/** The definition whose body holds the offset, if any. */
function enclosingDefinition(doc: SpecDocument, offset: number): MacroDefinition | undefined {
  for (const d of doc.macroDefinitions) {
    if (d.start > offset) break;
    if (d.keyword !== 'undefine' && offset >= d.bodySpan.start && offset < d.bodySpan.end) return d;
  }
  return undefined;
}

/** The item for the macro or section under the cursor of the spec (empty when there is none). */
export function prepareCallHierarchy(spec: SpecDocument, specUri: string, offset: number, included: readonly { uri: string; text: string }[]): CallHierarchyItem[] {
  const t = specTargetAt(spec, offset);
  if (!t || t.kind !== 'macro' || NOT_CALLS.has(t.name)) return [];
  const all = files(spec, specUri, included);
  const found = definitionOf(all, t.name);
  if (found) return [macroItem(specUri, found.file, found.def, specUri)];
  const ref = t.ref ?? spec.macroReferences.find((r) => r.nameStart <= offset && offset <= r.nameEnd && r.name === t.name);
  return ref ? [externalItem(specUri, all[0], ref)] : [];
}

/** Who uses the item's macro: definitions whose body uses it, and sections that use it directly. */
export function incomingCalls(spec: SpecDocument, specUri: string, item: CallHierarchyItem, included: readonly { uri: string; text: string }[]): CallHierarchyIncomingCall[] {
  if (item.data.kind !== 'macro') return [];
  const name = item.data.name;
  const out: CallHierarchyIncomingCall[] = [];
  for (const file of files(spec, specUri, included)) {
    const byCaller = new Map<string, CallHierarchyIncomingCall>();
    for (const r of file.doc.macroReferences) {
      if (r.name !== name || !isCall(r)) continue;
      const def = enclosingDefinition(file.doc, r.start);
      const key = def ? `d${def.start}` : `s${file.doc.lineSection[file.doc.lines.lineOf(r.start)]}`;
      let call = byCaller.get(key);
      if (!call) {
        const from = def ? macroItem(specUri, file, def, specUri) : sectionItem(specUri, file, file.doc.lineSection[file.doc.lines.lineOf(r.start)]);
        call = { from, fromRanges: [] };
        byCaller.set(key, call);
        out.push(call);
      }
      call.fromRanges.push(rangeOf(file.doc, { start: r.nameStart, end: r.nameEnd }));
    }
  }
  return out;
}

/** What the item uses: the macros in its definitions' bodies (a macro) or in its text outside definitions (a section). */
export function outgoingCalls(spec: SpecDocument, specUri: string, item: CallHierarchyItem, included: readonly { uri: string; text: string }[]): CallHierarchyOutgoingCall[] {
  const all = files(spec, specUri, included);
  const file = all.find((f) => f.uri === item.uri);
  if (!file) return [];
  const { doc } = file;
  let refs: MacroReference[];
  if (item.data.kind === 'macro') {
    const bodies = definitionTable(doc).definitions(item.data.name).map((d) => d.bodySpan);
    refs = doc.macroReferences.filter((r) => bodies.some((b) => r.start >= b.start && r.start < b.end));
  } else {
    const s = doc.sections[item.data.section];
    if (!s) return [];
    refs = doc.macroReferences.filter((r) => r.start >= s.start && r.start < s.end && !enclosingDefinition(doc, r.start));
  }
  const byCallee = new Map<string, CallHierarchyOutgoingCall>();
  const out: CallHierarchyOutgoingCall[] = [];
  for (const r of refs) {
    if (!isCall(r)) continue;
    let call = byCallee.get(r.name);
    if (!call) {
      const found = definitionOf(all, r.name);
      call = { to: found ? macroItem(specUri, found.file, found.def, specUri) : externalItem(specUri, file, r), fromRanges: [] };
      byCallee.set(r.name, call);
      out.push(call);
    }
    call.fromRanges.push(rangeOf(doc, { start: r.nameStart, end: r.nameEnd }));
  }
  return out;
}
