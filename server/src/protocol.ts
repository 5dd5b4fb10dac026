// Custom protocol shared by the VS Code client and the language server. Pure types and
// constants only (no imports), so both the Node and the browser bundles can include it.

/** Client → server request: the spec as rpm expands it (`rpmspec -P`). Trusted workspaces only. */
export const EXPANDED_SPEC_REQUEST = 'specwright/expandedSpec';
export interface ExpandedSpecParams {
  /** The document's URI, as in textDocument/didOpen. */
  uri: string;
}
export interface ExpandedSpecResult {
  text: string;
}

/**
 * Client → server notification: the workspace trust changed. The initial value is sent as
 * `initializationOptions.trusted`; VS Code can only grant trust at run time (never revoke it).
 */
export const TRUST_CHANGED_NOTIFICATION = 'specwright/trustChanged';
export interface TrustChangedParams {
  trusted: boolean;
}

/** The initializationOptions the VS Code client sends (other clients may send none). */
export interface SpecwrightInitializationOptions {
  /** true: the workspace is trusted, so the server may run external tools (rpmlint, shellcheck, rpmspec). Absent or false: it never does. */
  trusted?: boolean;
  /**
   * true: the client has the `specwright.explainRule` command (argument: a rule id), which opens
   * the rule's page shipped with the extension; the server then offers it as a code action.
   */
  explainRuleCommand?: boolean;
  /**
   * true: the client has the `specwright.placeCursor` command (arguments: a document URI and an
   * LSP position), which moves the cursor there in that document's editor; the server then adds it
   * to quick fixes that leave something to type (the version after an inserted ` >= `). LSP 3.17
   * has no snippet edits in a WorkspaceEdit (they are proposed for 3.18), so a command does it.
   */
  placeCursorCommand?: boolean;
}

/** The client command that shows a rule's documentation page (VS Code: the page inside the extension, offline). */
export const EXPLAIN_RULE_COMMAND = 'specwright.explainRule';

/** The client command that puts the cursor at a position of a document (after a quick fix). */
export const PLACE_CURSOR_COMMAND = 'specwright.placeCursor';

/**
 * Client → server request: which distribution profile a document is analysed with, and where it
 * comes from. A project's specwright.json `distro` wins over the editor setting, so only the
 * server knows the answer; the VS Code status bar shows it.
 */
export const DOCUMENT_PROFILE_REQUEST = 'specwright/documentProfile';
export interface DocumentProfileParams {
  /** The document's URI, as in textDocument/didOpen. */
  uri: string;
}
export interface DocumentProfileResult {
  /** The profile id: fedora, rhel, opensuse, mageia or generic. */
  distro: string;
  /** 'specwright.json' when a project file sets it, 'settings' when the editor setting (or the default) does. */
  source: 'specwright.json' | 'settings';
  /** The specwright.json that sets it (a file system path), when source is 'specwright.json'. */
  configFile?: string;
}
