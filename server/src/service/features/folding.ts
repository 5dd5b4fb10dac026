import type { SpecDocument } from '../spec/ast';
import type { FoldingRange } from '../types';

export function specFoldingRanges(_doc: SpecDocument): FoldingRange[] {
  return [];
}
