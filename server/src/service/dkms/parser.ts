// TEMPORARY STUB: replaced by the real dkms.conf parser.
import { LineIndex } from '../text/lineIndex';
import type { DkmsDocument } from './ast';

export function parseDkms(text: string): DkmsDocument {
  return { text, lines: new LineIndex(text), assignments: [], comments: [], shellCode: [], problems: [], hasCrlf: text.includes('\r\n'), placeholders: [] };
}
