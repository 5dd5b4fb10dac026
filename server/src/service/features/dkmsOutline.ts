// Document symbols and folding ranges for dkms.conf.
import type { DkmsDocument } from '../dkms/ast';
import type { DocumentSymbol, FoldingRange } from '../types';

export function dkmsDocumentSymbols(_doc: DkmsDocument): DocumentSymbol[] {
  return [];
}

export function dkmsFoldingRanges(_doc: DkmsDocument): FoldingRange[] {
  return [];
}
