// A feature module: the capabilities it adds and the handlers it registers. To add one
// (completion, hover, definition, references, rename, semantic tokens, inlay hints…), write
// `features/<name>.ts` exporting a Feature and add it to FEATURES in features/index.ts.
import type { ClientCapabilities, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export interface Feature {
  name: string;
  capabilities(client: ClientCapabilities): ServerCapabilities;
  register(ctx: ServerContext): void;
}
