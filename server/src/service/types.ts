// Value types shared by the whole language service. They are shaped like their LSP
// counterparts (0-based lines, UTF-16 character offsets) so the server can pass them through.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An edit in document offsets (UTF-16 code units), as rules produce them. */
export interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

export type LanguageId = 'rpm-spec' | 'dkms-conf';
export type DistroId = 'fedora' | 'rhel' | 'opensuse' | 'mageia' | 'generic';
export const DISTRO_IDS: readonly DistroId[] = ['fedora', 'rhel', 'opensuse', 'mageia', 'generic'];

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly SeverityOrOff[] = ['off', 'hint', 'information', 'warning', 'error'];

export type FixSafety = 'safe' | 'unsafe';

export interface Fix {
  title: string;
  safety: FixSafety;
  edits: TextEdit[];
}

export type DiagnosticTagName = 'unnecessary' | 'deprecated';

export interface RelatedInformation {
  /** Absent: the same document. */
  uri?: string;
  range: Range;
  message: string;
}

/** One finding of one rule, in LSP coordinates. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  tags?: DiagnosticTagName[];
  related?: RelatedInformation[];
}

/** The text the service works on. Matches the shape of vscode-languageserver-textdocument. */
export interface DocumentInput {
  uri: string;
  languageId: LanguageId;
  version: number;
  text: string;
}

/** LSP SymbolKind values (stable in the protocol). */
export const SymbolKind = {
  File: 1, Module: 2, Namespace: 3, Package: 4, Class: 5, Method: 6, Property: 7, Field: 8,
  Constructor: 9, Enum: 10, Interface: 11, Function: 12, Variable: 13, Constant: 14, String: 15,
  Number: 16, Boolean: 17, Array: 18, Object: 19, Key: 20, Null: 21, EnumMember: 22, Struct: 23,
  Event: 24, Operator: 25, TypeParameter: 26,
} as const;
export type SymbolKindValue = (typeof SymbolKind)[keyof typeof SymbolKind];

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: SymbolKindValue;
  range: Range;
  selectionRange: Range;
  children?: DocumentSymbol[];
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'imports' | 'region';
}
