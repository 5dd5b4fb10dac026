import type { DkmsDocument } from '../dkms/ast';
import type { SpecDocument } from '../spec/ast';
import type { FoldingRange } from '../types';

export function specFoldingRanges(_doc: SpecDocument): FoldingRange[] {
  return [];
}

export function dkmsFoldingRanges(_doc: DkmsDocument): FoldingRange[] {
  return [];
}
