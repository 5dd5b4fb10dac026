import type { SpecDocument } from '../spec/ast';
import type { DocumentSymbol } from '../types';

export function specDocumentSymbols(_doc: SpecDocument): DocumentSymbol[] {
  return [];
}
