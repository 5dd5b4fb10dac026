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
}
