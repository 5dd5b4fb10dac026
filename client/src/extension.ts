// The VS Code side (desktop / remote): starts the Specwright language server for rpm-spec and
// dkms-conf documents over IPC. All language logic lives in the server; the commands, the
// status bar item and workspace trust handling are shared with the web build (common.ts).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateCommon, type Extension } from './common';

let extension: Extension | undefined;

/**
 * The Node client, except that a server leaving with exit code 0 (after shutdown: a restart or
 * closing the window) is logged as information, not as "[Error] Server process exited with code 0".
 */
class SpecwrightLanguageClient extends LanguageClient {
  override error(message: string, data?: unknown, showNotification?: boolean | 'force'): void {
    if (message === 'Server process exited with code 0.') {
      this.info('The language server stopped (exit code 0).');
      return;
    }
    super.error(message, data, showNotification);
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  extension = await activateCommon(context, (options) => new SpecwrightLanguageClient('specwright', 'Specwright', serverOptions, options), {
    schemes: ['file', 'untitled'],
    processes: true,
  });
}

export async function deactivate(): Promise<void> {
  const e = extension;
  extension = undefined;
  if (e) await e.stop();
}
