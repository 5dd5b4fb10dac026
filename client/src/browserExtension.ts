// The VS Code for the Web side: the same client, with the language server in a Web Worker
// (dist/web/server.js). External tools (rpmlint, shellcheck, rpmspec) do not exist there.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCommon, type Extension } from './common';

let extension: Extension | undefined;

/**
 * The URL to start the server worker from. The web extension host refuses workers from
 * vscode-remote: URIs (a web extension installed on a remote, e.g. code-server), so there the
 * script is read through the remote file system and started from a blob: URL.
 */
async function serverWorkerUrl(context: vscode.ExtensionContext): Promise<string> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  if (serverMain.scheme !== 'vscode-remote') return serverMain.toString(true);
  const code = await vscode.workspace.fs.readFile(serverMain);
  return URL.createObjectURL(new Blob([new Uint8Array(code)], { type: 'text/javascript' }));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const workerUrl = await serverWorkerUrl(context);
  extension = await activateCommon(
    context,
    (options) => new LanguageClient('specwright', 'Specwright', options, new Worker(workerUrl)),
    {
      // Web workspaces are virtual (vscode-vfs, vscode-remote, memfs…), never our own expanded view.
      schemes: ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web', 'memfs', 'vscode-userdata'],
      processes: false,
    },
  );
}

export async function deactivate(): Promise<void> {
  const e = extension;
  extension = undefined;
  if (e) await e.stop();
}
