// Wires the features to a connection. Transport-independent: server.ts makes the connection.
import { TextDocuments, type Connection, type InitializeResult, type ServerCapabilities } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../service/languageService';
import { VERSION } from '../cli/version';
import { ServerContext } from './context';
import type { Feature } from './feature';
import { FEATURES } from './features/index';
import { guardedDocumentConnection, type InitializeGuard } from './protocolGuards';

/** What the host can do beyond the protocol (Node: look at files). */
export interface ServerHost {
  fileExists?(fsPath: string): boolean;
}

/** `guard`: the initialize guard whose messageStrategy the connection was made with. */
export function startServer(connection: Connection, features: Feature[] = FEATURES, guard?: InitializeGuard, host: ServerHost = {}): ServerContext {
  const documents = new TextDocuments(TextDocument);
  const ctx = new ServerContext(connection, documents, createLanguageService(), host.fileExists);

  connection.onInitialize((params): InitializeResult => {
    ctx.clientCapabilities = params.capabilities;
    ctx.workspaceRoots = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    ctx.setInitializationOptions(params.initializationOptions);
    ctx.workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    const capabilities: ServerCapabilities = {};
    for (const f of features) Object.assign(capabilities, f.capabilities(params.capabilities));
    return { capabilities, serverInfo: { name: 'specwright', version: VERSION } };
  });

  connection.onInitialized(() => {
    const runtime = typeof process === 'object' && process.versions?.node ? `Node ${process.versions.node}` : 'browser';
    const tools = features.some((f) => f.name === 'externalTools') ? (ctx.trusted ? 'external tools allowed (trusted workspace)' : 'no external tools (workspace not trusted)') : 'no external tools here';
    ctx.info(`Specwright ${VERSION} language server started (${runtime}); ${tools}`);
  });
  guard?.register(connection);
  for (const f of features) f.register(ctx);
  documents.listen(guardedDocumentConnection(connection, ctx.log));
  connection.listen();
  return ctx;
}
