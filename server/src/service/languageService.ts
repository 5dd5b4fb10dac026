// The language service facade: everything the server, the CLI and the tests call.
// Pure: no LSP connection, no file system, no processes.
import type { DkmsDocument } from './dkms/ast';
import { parseDkms } from './dkms/parser';
import { dkmsDocumentSymbols, dkmsFoldingRanges } from './features/dkmsOutline';
import { specFoldingRanges } from './features/folding';
import { specDocumentSymbols } from './features/symbols';
import { DEFAULT_LINT_OPTIONS, runRules, type LintOptions, type LintResult } from './lint';
import type { RelatedDocument } from './rules/types';
import type { SpecDocument } from './spec/ast';
import { parseSpec } from './spec/parser';
import type { DocumentInput, DocumentSymbol, FoldingRange, LanguageId } from './types';

export type ParsedDocument =
  | { languageId: 'rpm-spec'; spec: SpecDocument }
  | { languageId: 'dkms-conf'; dkms: DkmsDocument };

interface CacheEntry {
  version: number;
  text: string;
  parsed: ParsedDocument;
}

/** Language of a file from its name: `*.spec`, `*.spec.in` (and CMake spec templates), `dkms.conf`. */
export function languageFromFileName(fileName: string): LanguageId | undefined {
  const base = fileName.replace(/^.*[\\/]/, '');
  if (base === 'dkms.conf' || /\.dkms\.conf$/.test(base)) return 'dkms-conf';
  if (/\.spec(\.in|\.cmake)?$/i.test(base) || /\.spec-in\.cmake$/i.test(base)) return 'rpm-spec';
  return undefined;
}

export class LanguageService {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly relatedCache = new Map<string, { text: string; parsed: SpecDocument | DkmsDocument }>();

  /** Parses (or returns the cached parse of) a document, keyed by uri and version. */
  parse(doc: DocumentInput): ParsedDocument {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === doc.text && hit.parsed.languageId === doc.languageId) return hit.parsed;
    const parsed: ParsedDocument =
      doc.languageId === 'dkms-conf'
        ? { languageId: 'dkms-conf', dkms: parseDkms(doc.text) }
        : { languageId: 'rpm-spec', spec: parseSpec(doc.text) };
    this.cache.set(doc.uri, { version: doc.version, text: doc.text, parsed });
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
    const base = {
      uri: doc.uri,
      distro: opts.distro,
      related: opts.related,
      parseRelatedSpec: (r: RelatedDocument) => this.parseRelated(r, parseSpec),
      parseRelatedDkms: (r: RelatedDocument) => this.parseRelated(r, parseDkms),
    };
    if (parsed.languageId === 'rpm-spec') return runRules('rpm-spec', parsed.spec, parsed.spec.lines, base, opts);
    return runRules('dkms-conf', parsed.dkms, parsed.dkms.lines, base, opts);
  }

  documentSymbols(doc: DocumentInput): DocumentSymbol[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specDocumentSymbols(parsed.spec) : dkmsDocumentSymbols(parsed.dkms);
  }

  foldingRanges(doc: DocumentInput): FoldingRange[] {
    const parsed = this.parse(doc);
    return parsed.languageId === 'rpm-spec' ? specFoldingRanges(parsed.spec) : dkmsFoldingRanges(parsed.dkms);
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
