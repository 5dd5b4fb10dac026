// The VS Code side: starts the Specwright language server for rpm-spec and dkms-conf documents.
// All language logic lives in the server; this file only starts, restarts and shows it.
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let outputChannel: vscode.OutputChannel | undefined;

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'rpm-spec' },
      { scheme: 'untitled', language: 'rpm-spec' },
      { scheme: 'file', language: 'dkms-conf' },
      { scheme: 'untitled', language: 'dkms-conf' },
    ],
    synchronize: {
      configurationSection: 'specwright',
      // Project config, rpmlint filters and the spec/dkms.conf pair change what a file's diagnostics are.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{specwright.json,*rpmlintrc,dkms.conf,*.spec,*.spec.in}'),
    },
    outputChannel: output,
  };
  return new LanguageClient('specwright', 'Specwright', serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = (outputChannel = vscode.window.createOutputChannel('Specwright'));
  context.subscriptions.push(output);
  client = createClient(context, output);

  context.subscriptions.push(
    vscode.commands.registerCommand('specwright.restartServer', async () => {
      if (client) await client.restart();
      else {
        client = createClient(context, output);
        await client.start();
      }
    }),
    vscode.commands.registerCommand('specwright.showOutput', () => outputChannel?.show(true)),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) await c.stop();
}
