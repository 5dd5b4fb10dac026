// The language service facade: everything the server, the CLI and the tests call.
// Pure: no LSP connection, no file system, no processes.
import type { DkmsDocument } from './dkms/ast';
import { parseDkms } from './dkms/parser';
import { dkmsDocumentSymbols, dkmsFoldingRanges } from './features/dkmsOutline';
import { specFoldingRanges } from './features/folding';
import { specDocumentSymbols } from './features/symbols';
import { compareFindings, DEFAULT_LINT_OPTIONS, runRules, type LintOptions, type LintResult } from './lint';
import type { RelatedDocument } from './rules/types';
import type { SpecDocument } from './specfile/ast';
import { parseSpec } from './specfile/parser';
import { embeddedConfAt } from './specfile/embeddedDkms';
import { embeddedRangeMapper, lintEmbeddedDkms } from './specfile/embeddedDkmsLint';
import { querySpec, type SpecQuery } from './specfile/rpmQuery';
import { languageOfPath } from './languageOfPath';
import { profileOf, type ProfileLike } from './catalog/profile';
import type { DocumentInput, DocumentSymbol, FoldingRange } from './types';
import type { CompletionList, DocumentHighlight, DocumentLink, Hover, InlayHint, Location, Position, Range, RenameResult, SemanticTokens, TextEdit } from './types';
import { dkmsCompletion, specCompletion } from './features/completion';
import { inactiveRanges, type InactiveRange } from './features/conditions';
import { dkmsHover, specHover } from './features/hover';
import { specInlayHints } from './features/inlayHints';
import { specDocumentLinks } from './features/links';
import { specDefinition, specHighlights, specPrepareRename, specReferences, specRename } from './features/navigation';
import { dkmsSemanticTokens, specSemanticTokens } from './features/semanticTokens';
import { DEFAULT_FORMAT_OPTIONS, formatSpec, type FormatOptions } from './features/format';
import { specWorkspaceSymbols, type SpecWorkspaceSymbol } from './features/workspaceSymbols';
import { includedFiles, referencesInIncluded } from './features/includeReferences';
import { incomingCalls, outgoingCalls, prepareCallHierarchy, type CallHierarchyIncomingCall, type CallHierarchyItem, type CallHierarchyOutgoingCall } from './features/callHierarchy';
import { specRefactorings, type Refactoring } from './features/refactorings';
import { specCodeLenses, type SpecCodeLens } from './features/codeLens';
import { specSignatureHelp, type SignatureHelp } from './features/signatureHelp';
import { addChangelogEntry, bumpRelease, convertToRpmautospec, newUpstreamVersion, type ChoreInput, type ChoreResult } from './features/chores';

export type Chore = 'bumpRelease' | 'addChangelogEntry' | 'newUpstreamVersion' | 'convertToRpmautospec';
export const CHORES: readonly Chore[] = ['bumpRelease', 'addChangelogEntry', 'newUpstreamVersion', 'convertToRpmautospec'];

/** Options of the editor-intelligence methods: the active distribution profile. */
export interface IntelligenceOptions {
  /** A family (`fedora`: its newest release), a release (`rhel-9`) or a Profile with project macros. */
  distro: ProfileLike;
}

const DEFAULT_INTELLIGENCE: IntelligenceOptions = { distro: 'fedora' };

export type ParsedDocument =
  | { languageId: 'rpm-spec'; spec: SpecDocument }
  | { languageId: 'dkms-conf'; dkms: DkmsDocument };

/** How many parsed documents the service keeps. */
const MAX_CACHED_PARSES = 32;

interface CacheEntry {
  version: number;
  text: string;
  parsed: ParsedDocument;
}

/** Language of a file from its name; see languageOfPath. */
export const languageFromFileName = languageOfPath;

export class LanguageService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly relatedCache = new Map<string, { text: string; parsed: SpecDocument | DkmsDocument }>();

  /** Parses (or returns the cached parse of) a document, keyed by uri and version. */
  parse(doc: DocumentInput): ParsedDocument {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === doc.text && hit.parsed.languageId === doc.languageId) {
      // Most recently used goes last: the cache is an LRU (Map keeps insertion order).
      this.cache.delete(doc.uri);
      this.cache.set(doc.uri, hit);
      return hit.parsed;
    }
    const parsed: ParsedDocument =
      doc.languageId === 'dkms-conf'
        ? { languageId: 'dkms-conf', dkms: parseDkms(doc.text) }
        : { languageId: 'rpm-spec', spec: parseSpec(doc.text) };
    this.cache.delete(doc.uri);
    this.cache.set(doc.uri, { version: doc.version, text: doc.text, parsed });
    // A syntax tree takes several times the memory of its text; with hundreds of files open, keep
    // only the recently used ones (re-parsing a spec takes milliseconds).
    while (this.cache.size > MAX_CACHED_PARSES) this.cache.delete(this.cache.keys().next().value as string);
    return parsed;
  }

  parseSpec(doc: DocumentInput): SpecDocument {
    const p = this.parse({ ...doc, languageId: 'rpm-spec' });
    return (p as { spec: SpecDocument }).spec;
  }

  parseDkms(doc: DocumentInput): DkmsDocument {
    const p = this.parse({ ...doc, languageId: 'dkms-conf' });
    return (p as { dkms: DkmsDocument }).dkms;
  }

  /** Drops cached state for a closed document. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.relatedCache.delete(uri);
  }

  lint(doc: DocumentInput, options: Partial<LintOptions> = {}): LintResult {
    const opts: LintOptions = { ...DEFAULT_LINT_OPTIONS, ...options };
    const parsed = this.parse(doc);
    const profile = profileOf(opts.distro);
    const base = {
      uri: doc.uri,
      distro: profile.family,
      profile,
      related: opts.related,
      parseRelatedSpec: (r: RelatedDocument) => this.parseRelated(r, parseSpec),
      parseRelatedDkms: (r: RelatedDocument) => this.parseRelated(r, parseDkms),
    };
    if (parsed.languageId === 'rpm-spec') {
      const result = runRules('rpm-spec', parsed.spec, parsed.spec.lines, base, opts);
      const embedded = lintEmbeddedDkms(parsed.spec, base, opts);
      if (embedded.length === 0) return result;
      const findings = [...result.findings, ...embedded];
      findings.sort(compareFindings);
      return { findings, ruleErrors: result.ruleErrors };
    }
    return runRules('dkms-conf', parsed.dkms, parsed.dkms.lines, base, opts);
  }

  documentSymbols(doc: DocumentInput, options?: IntelligenceOptions): DocumentSymbol[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specDocumentSymbols(parsed.spec, options?.distro) : dkmsDocumentSymbols(parsed.dkms);
  }

  foldingRanges(doc: DocumentInput): FoldingRange[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specFoldingRanges(parsed.spec) : dkmsFoldingRanges(parsed.dkms);
  }

  // ---- editor intelligence (features/completion, hover, navigation, links, semanticTokens, inlayHints, conditions) ----

  private offsetOf(parsed: ParsedDocument, position: Position): number {
    return (parsed.languageId === 'rpm-spec' ? parsed.spec.lines : parsed.dkms.lines).offsetAt(position);
  }

  complete(doc: DocumentInput, position: Position, options: IntelligenceOptions = DEFAULT_INTELLIGENCE): CompletionList {
    const parsed = this.parse(doc);
    const offset = this.offsetOf(parsed, position);
    if (parsed.languageId === 'rpm-spec') {
      // Inside a here-document that writes a dkms.conf: complete as in a dkms.conf.
      const inner = embeddedConfAt(parsed.spec, offset);
      if (inner) {
        const list = dkmsCompletion(inner.conf.dkms, inner.offset);
        const map = embeddedRangeMapper(parsed.spec, inner.conf);
        return { ...list, items: list.items.map((i) => (i.textEdit ? { ...i, textEdit: { ...i.textEdit, range: map(i.textEdit.range) } } : i)) };
      }
      return specCompletion(parsed.spec, offset, options);
    }
    return dkmsCompletion(parsed.dkms, offset);
  }

  hover(doc: DocumentInput, position: Position, options: IntelligenceOptions = DEFAULT_INTELLIGENCE): Hover | undefined {
    const parsed = this.parse(doc);
    const offset = this.offsetOf(parsed, position);
    if (parsed.languageId === 'rpm-spec') {
      const inner = embeddedConfAt(parsed.spec, offset);
      if (inner) {
        const h = dkmsHover(inner.conf.dkms, inner.offset);
        if (h) return h.range ? { ...h, range: embeddedRangeMapper(parsed.spec, inner.conf)(h.range) } : h;
      }
      return specHover(parsed.spec, offset, options);
    }
    return dkmsHover(parsed.dkms, offset);
  }

  definition(doc: DocumentInput, position: Position): Location[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specDefinition(parsed.spec, doc.uri, this.offsetOf(parsed, position)) : [];
  }

  references(doc: DocumentInput, position: Position, includeDeclaration = true): Location[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specReferences(parsed.spec, doc.uri, this.offsetOf(parsed, position), includeDeclaration) : [];
  }

  documentHighlights(doc: DocumentInput, position: Position): DocumentHighlight[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specHighlights(parsed.spec, this.offsetOf(parsed, position)) : [];
  }

  prepareRename(doc: DocumentInput, position: Position): { range: Range; placeholder: string } | { error: string } {
    const parsed = this.parse(doc);
    if (parsed.languageId !== 'rpm-spec') return { error: 'Nothing to rename in dkms.conf.' };
    return specPrepareRename(parsed.spec, this.offsetOf(parsed, position));
  }

  rename(doc: DocumentInput, position: Position, newName: string): RenameResult {
    const parsed = this.parse(doc);
    if (parsed.languageId !== 'rpm-spec') return { error: 'Nothing to rename in dkms.conf.' };
    return specRename(parsed.spec, doc.uri, this.offsetOf(parsed, position), newName);
  }

  /** Links; local file targets are relative (`./file.patch`): the caller resolves them against the document. */
  documentLinks(doc: DocumentInput, options: IntelligenceOptions = DEFAULT_INTELLIGENCE): DocumentLink[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specDocumentLinks(parsed.spec, options.distro) : [];
  }

  semanticTokens(doc: DocumentInput): SemanticTokens {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specSemanticTokens(parsed.spec) : dkmsSemanticTokens(parsed.dkms);
  }

  inlayHints(doc: DocumentInput, range: Range, options: IntelligenceOptions = DEFAULT_INTELLIGENCE): InlayHint[] {
    const parsed = this.parse(doc);
    if (parsed.languageId !== 'rpm-spec') return [];
    const lines = parsed.spec.lines;
    return specInlayHints(parsed.spec, lines.offsetAt(range.start), lines.offsetAt(range.end), options);
  }

  /** `%if` arms that are false on the profile (for greying out); empty for dkms.conf. */
  inactiveRanges(doc: DocumentInput, distro: ProfileLike): InactiveRange[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? inactiveRanges(parsed.spec, distro) : [];
  }

  /** What rpm would read from the spec on the profile (`specwright query`); never runs spec code. */
  query(doc: DocumentInput, distro: ProfileLike, defines: readonly (readonly [string, string])[] = []): SpecQuery {
    return querySpec(this.parseSpec(doc), distro, { defines });
  }

  /** Edits that format a spec (all of it, or the lines `range` touches); none for dkms.conf. */
  format(doc: DocumentInput, options: Partial<FormatOptions> = {}, range?: Range): TextEdit[] {
    const parsed = this.parse(doc);
    if (parsed.languageId !== 'rpm-spec') return [];
    return formatSpec(parsed.spec, { ...DEFAULT_FORMAT_OPTIONS, ...options }, range);
  }

  /** A packaging chore (bump release, changelog entry, new version, rpmautospec) as edits of a spec. */
  chore(doc: DocumentInput, chore: Chore, input: ChoreInput, version?: string): ChoreResult {
    const spec = this.parseSpec(doc);
    switch (chore) {
      case 'bumpRelease': return bumpRelease(spec, input);
      case 'addChangelogEntry': return addChangelogEntry(spec, input);
      case 'newUpstreamVersion': return newUpstreamVersion(spec, version ?? '', input);
      case 'convertToRpmautospec': return convertToRpmautospec(spec);
    }
  }

  /** Code lenses: on which profiles each %if arm and build conditional is live. */
  codeLenses(doc: DocumentInput): SpecCodeLens[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specCodeLenses(parsed.spec) : [];
  }

  /** Signature help for parametric macros and dkms subcommands. */
  signatureHelp(doc: DocumentInput, position: Position, options: IntelligenceOptions = DEFAULT_INTELLIGENCE): SignatureHelp | undefined {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specSignatureHelp(parsed.spec, this.offsetOf(parsed, position), options.distro) : undefined;
  }

  /** Packages and global macros of a spec, for workspace/symbol. */
  workspaceSymbols(doc: DocumentInput): SpecWorkspaceSymbol[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specWorkspaceSymbols(parsed.spec) : [];
  }

  /** Refactorings for the range (code actions of kind refactor.rewrite). */
  refactorings(doc: DocumentInput, range: Range): Refactoring[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specRefactorings(parsed.spec, range) : [];
  }

  /** Files the spec `%include`s (relative to its folder), for referencesInIncluded. */
  includedFiles(doc: DocumentInput): string[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? includedFiles(parsed.spec) : [];
  }

  /** References of the macro / build conditional at the position inside the included files given. */
  referencesInIncluded(doc: DocumentInput, position: Position, included: readonly { uri: string; text: string }[], includeDeclaration = true): Location[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? referencesInIncluded(parsed.spec, this.offsetOf(parsed, position), included, includeDeclaration) : [];
  }

  /** Call hierarchy of macros: the item at the position (a macro used or defined there). */
  prepareCallHierarchy(doc: DocumentInput, position: Position, included: readonly { uri: string; text: string }[] = []): CallHierarchyItem[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? prepareCallHierarchy(parsed.spec, doc.uri, this.offsetOf(parsed, position), included) : [];
  }

  /** Definitions and sections that use the item's macro, in the spec (`doc`) and the included files. */
  incomingCalls(doc: DocumentInput, item: CallHierarchyItem, included: readonly { uri: string; text: string }[] = []): CallHierarchyIncomingCall[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? incomingCalls(parsed.spec, doc.uri, item, included) : [];
  }

  /** Macros the item's definitions (or section) use. */
  outgoingCalls(doc: DocumentInput, item: CallHierarchyItem, included: readonly { uri: string; text: string }[] = []): CallHierarchyOutgoingCall[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? outgoingCalls(parsed.spec, doc.uri, item, included) : [];
  }

  private parseRelated<T extends SpecDocument | DkmsDocument>(r: RelatedDocument, parse: (text: string) => T): T {
    const key = `${r.languageId}:${r.uri}`;
    const hit = this.relatedCache.get(key);
    if (hit && hit.text === r.text) return hit.parsed as T;
    const parsed = parse(r.text);
    this.relatedCache.set(key, { text: r.text, parsed });
    return parsed;
  }
}

export function createLanguageService(): LanguageService {
  return new LanguageService();
}
