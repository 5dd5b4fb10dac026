// Helpers for the editor-intelligence tests: `|` cursor fixtures against the service.
import { extractCursor } from '../helpers/fixtures';
import { createLanguageService, LineIndex } from '../../server/src/service/index';
import type { DocumentInput, LanguageId, Position } from '../../server/src/service/index';

export const service = createLanguageService();
let version = 0;

export interface CursorDoc {
  doc: DocumentInput;
  position: Position;
  offset: number;
  lines: LineIndex;
}

/** A document from a fixture with a `|` cursor; `crlf` turns line breaks into CRLF first. */
export function cursorDoc(source: string, options: { languageId?: LanguageId; crlf?: boolean; uri?: string } = {}): CursorDoc {
  const src = options.crlf ? source.replace(/\r?\n/g, '\r\n') : source;
  const { text, offset } = extractCursor(src);
  const languageId = options.languageId ?? 'rpm-spec';
  const uri = options.uri ?? (languageId === 'dkms-conf' ? 'file:///fixture/dkms.conf' : 'file:///fixture/test.spec');
  const lines = new LineIndex(text);
  return { doc: { uri, languageId, version: ++version, text }, position: lines.positionAt(offset), offset, lines };
}

/** Text covered by an LSP range. */
export function textAt(c: CursorDoc, range: { start: Position; end: Position }): string {
  return c.doc.text.slice(c.lines.offsetAt(range.start), c.lines.offsetAt(range.end));
}

/** The document after applying one completion item's edit. */
export function applyItem(c: CursorDoc, item: { textEdit?: { range: { start: Position; end: Position }; newText: string } }): string {
  const e = item.textEdit!;
  return c.doc.text.slice(0, c.lines.offsetAt(e.range.start)) + e.newText + c.doc.text.slice(c.lines.offsetAt(e.range.end));
}
