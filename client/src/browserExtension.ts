// The VS Code for the Web side: the same client, with the language server in a Web Worker
// (dist/web/server.js). External tools (rpmlint, shellcheck, rpmspec) do not exist there.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateCommon, type Extension } from './common';

let extension: Extension | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/web/server.js');
  extension = await activateCommon(
    context,
    (options) => new LanguageClient('specwright', 'Specwright', options, new Worker(serverMain.toString(true))),
    // Web workspaces are virtual (vscode-vfs, vscode-remote, memfs…): take every scheme but our own view.
    ['file', 'untitled', 'vscode-vfs', 'vscode-remote', 'vscode-test-web', 'memfs', 'vscode-userdata'],
  );
}

export async function deactivate(): Promise<void> {
  const e = extension;
  extension = undefined;
  if (e) await e.stop();
}
