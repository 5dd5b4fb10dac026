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
  /**
   * After applying, the cursor belongs at the end of the first edit's new text (where the user
   * types next: the version after an inserted ` >= `). Editors that can place it do.
   */
  cursorAfterEdit?: boolean;
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
  /** Which of the rule's messages (its `messages` key); absent for findings not made by a rule. */
  messageId?: string;
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

// ---- Editor intelligence (completion, hover, navigation, tokens, hints, links): LSP shapes ----

export interface MarkupContent {
  kind: 'markdown' | 'plaintext';
  value: string;
}

/** LSP CompletionItemKind values. */
export const CompletionItemKind = {
  Text: 1, Method: 2, Function: 3, Constructor: 4, Field: 5, Variable: 6, Class: 7, Interface: 8, Module: 9,
  Property: 10, Unit: 11, Value: 12, Enum: 13, Keyword: 14, Snippet: 15, Color: 16, File: 17, Reference: 18,
  Folder: 19, EnumMember: 20, Constant: 21, Struct: 22, Event: 23, Operator: 24, TypeParameter: 25,
} as const;
export type CompletionItemKindValue = (typeof CompletionItemKind)[keyof typeof CompletionItemKind];

/** LSP InsertTextFormat: 1 plain text, 2 snippet. */
export type InsertTextFormatValue = 1 | 2;

export interface Command {
  title: string;
  command: string;
  arguments?: unknown[];
}

export interface CompletionItem {
  label: string;
  kind?: CompletionItemKindValue;
  detail?: string;
  documentation?: MarkupContent;
  sortText?: string;
  filterText?: string;
  insertTextFormat?: InsertTextFormatValue;
  /** Always single-line and containing the request position. */
  textEdit?: TextEdit;
  additionalTextEdits?: TextEdit[];
  /** 1 = deprecated (LSP CompletionItemTag). */
  tags?: 1[];
  command?: Command;
}

export interface CompletionList {
  isIncomplete: boolean;
  items: CompletionItem[];
}

export interface Hover {
  contents: MarkupContent;
  range?: Range;
}

export interface Location {
  uri: string;
  range: Range;
}

/** LSP DocumentHighlightKind: 1 text, 2 read, 3 write. */
export interface DocumentHighlight {
  range: Range;
  kind?: 1 | 2 | 3;
}

export interface DocumentLink {
  range: Range;
  /** Absolute URL, or a path relative to the document (`./fix.patch`) that the server resolves. */
  target?: string;
  tooltip?: string;
}

export interface WorkspaceEdit {
  changes: Record<string, TextEdit[]>;
}

/** Rename answer: the edit, or why the rename is refused. */
export type RenameResult = { edit: WorkspaceEdit } | { error: string };

export interface SemanticTokensLegend {
  tokenTypes: string[];
  tokenModifiers: string[];
}

/** LSP relative encoding: [deltaLine, deltaStart, length, tokenType, tokenModifiers] per token. */
export interface SemanticTokens {
  data: number[];
}

export interface InlayHint {
  position: Position;
  label: string;
  /** 1 type, 2 parameter */
  kind?: 1 | 2;
  tooltip?: MarkupContent;
  paddingLeft?: boolean;
  paddingRight?: boolean;
}
