// What the Node and the browser extension share: commands, the distro status bar item, workspace
// trust and the expanded-spec view. The entry points (extension.ts, browserExtension.ts) only
// say how to make a LanguageClient.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
  DOCUMENT_PROFILE_REQUEST,
  EXPANDED_SPEC_REQUEST,
  EXPLAIN_RULE_COMMAND,
  PLACE_CURSOR_COMMAND,
  TRUST_CHANGED_NOTIFICATION,
  type DocumentProfileParams,
  type DocumentProfileResult,
  type ExpandedSpecParams,
  type ExpandedSpecResult,
  type SpecwrightInitializationOptions,
  type TrustChangedParams,
} from '../../server/src/protocol';
import { NEWEST, RELEASES } from '../../server/src/service/catalog/releases';
import { generateDkmsPackage, validateBuildCommand, validateModuleName, validateVersion, type BuildCommand } from './scaffold';

export const LANGUAGES = ['rpm-spec', 'dkms-conf'] as const;
const PICKER_MACROS = ['fedora', 'rhel', 'suse_version', 'mgaversion', 'dist', 'python3_version'];

/** The profiles the picker offers: each family (its newest release), then each release. */
export const DISTROS: readonly { id: string; label: string; detail: string }[] = [
  { id: 'fedora', label: 'Fedora', detail: `Fedora's newest release (${NEWEST.fedora.short}): macros and packaging guidelines` },
  { id: 'rhel', label: 'RHEL', detail: `Enterprise Linux's newest release (${NEWEST.rhel.short}): RHEL, CentOS Stream, AlmaLinux, Rocky Linux` },
  { id: 'opensuse', label: 'openSUSE', detail: `${NEWEST.opensuse.short}: openSUSE and SUSE Linux Enterprise` },
  { id: 'mageia', label: 'Mageia', detail: `${NEWEST.mageia.short} (and OpenMandriva)` },
  { id: 'generic', label: 'Generic', detail: 'plain rpm macros, no distribution-specific checks' },
  ...RELEASES.filter((r) => r.id !== 'generic').map((r) => ({ id: r.id, label: r.label, detail: [`rpm ${r.rpm}`, ...PICKER_MACROS.filter((k) => typeof r.macros[k] === 'string').map((k) => `%${k} ${r.macros[k]}`)].join(' · ') })),
];
export const EXPANDED_SCHEME = 'specwright-expanded';

export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** Client options common to both hosts; the entry point adds nothing but the transport. */
export function clientOptions(output: vscode.OutputChannel, schemes: string[]): LanguageClientOptions {
  return {
    documentSelector: LANGUAGES.flatMap((language) => schemes.map((scheme) => ({ scheme, language }))),
    synchronize: {
      configurationSection: 'specwright',
      // Project config, rpmlint filters and the spec/dkms.conf pair change what a file's diagnostics are.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{specwright.json,macros.*,*.macros,*rpmlintrc,dkms.conf,dkms.conf.in,dkms-*.conf,*.spec,*.spec.in,Makefile,Kbuild}'),
    },
    // A function: evaluated again on every (re)start, so a restart after a trust grant says so.
    initializationOptions: (): SpecwrightInitializationOptions => ({ trusted: vscode.workspace.isTrusted, explainRuleCommand: true, placeCursorCommand: true }),
    outputChannel: output,
  };
}

export interface Extension {
  readonly output: vscode.OutputChannel;
  client(): BaseLanguageClient | undefined;
  stop(): Promise<void>;
}

export interface HostOptions {
  /** Document schemes the server gets. */
  schemes: string[];
  /** Whether the host can run programs (rpmspec for Show Expanded Spec): false in the browser. */
  processes: boolean;
}

export async function activateCommon(context: vscode.ExtensionContext, makeClient: ClientFactory, host: HostOptions): Promise<Extension> {
  const schemes = host.schemes;
  const output = vscode.window.createOutputChannel('Specwright');
  context.subscriptions.push(output);
  let client: BaseLanguageClient | undefined = makeClient(clientOptions(output, schemes));
  const expanded = new ExpandedSpecProvider();
  const distroStatus = createDistroStatusItem(() => client);

  context.subscriptions.push(
    vscode.commands.registerCommand('specwright.restartServer', async () => {
      output.appendLine(`[${new Date().toLocaleTimeString()}] Restarting the language server (Specwright: Restart Language Server).`);
      if (client) {
        // BaseLanguageClient has no restart(): stop + start is what the Node client's restart does.
        if (client.isRunning()) await client.stop();
        await client.start();
      } else {
        client = makeClient(clientOptions(output, schemes));
        await client.start();
      }
      distroStatus.refresh();
    }),
    vscode.commands.registerCommand('specwright.showOutput', () => output.show(true)),
    vscode.commands.registerCommand(PLACE_CURSOR_COMMAND, (uri?: unknown, position?: { line: number; character: number }) => placeCursor(uri, position)),
    vscode.commands.registerCommand(EXPLAIN_RULE_COMMAND, (rule?: unknown) => explainRule(context.extensionUri, typeof rule === 'string' ? rule : undefined)),
    vscode.commands.registerCommand('specwright.newDkmsPackage', (folder?: vscode.Uri) => newDkmsPackage(folder instanceof vscode.Uri ? folder : undefined)),
    vscode.commands.registerCommand('specwright.selectDistro', () => selectDistro(() => client)),
    vscode.commands.registerCommand('specwright.showExpandedSpec', (uri?: vscode.Uri) =>
      host.processes
        ? showExpandedSpec(client, expanded, uri)
        : void vscode.window.showErrorMessage('Specwright: Show Expanded Spec runs rpmspec, which VS Code for the Web cannot run: open the folder in desktop VS Code or on a remote.'),
    ),
    vscode.workspace.registerTextDocumentContentProvider(EXPANDED_SCHEME, expanded),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      const params: TrustChangedParams = { trusted: true };
      if (client?.isRunning()) void client.sendNotification(TRUST_CHANGED_NOTIFICATION, params);
    }),
    distroStatus.disposable,
    ...registerChoreCommands(() => client),
  );

  await client.start();
  distroStatus.refresh();
  return {
    output,
    client: () => client,
    stop: async () => {
      const c = client;
      client = undefined;
      if (c) await c.stop();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Explain Rule: the rule's page from docs/rules, shipped inside the extension (works offline)

/** A rule id as the file names in docs/rules spell it (ten start with `%`); nothing that leaves the folder. */
const RULE_ID = /^%?[A-Za-z0-9][A-Za-z0-9_%-]*$/;

/** The Specwright rule ids of the diagnostics at the cursor of the active editor. */
function rulesAtCursor(): string[] {
  const editor = activeLanguageEditor();
  if (!editor) return [];
  const at = editor.selection.active;
  const ids = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'specwright' && d.range.contains(at))
    .map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '')))
    .filter((id) => RULE_ID.test(id));
  return [...new Set(ids)];
}

export async function explainRule(extensionUri: vscode.Uri, rule?: string): Promise<void> {
  const folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
  let id = rule;
  if (id === undefined) {
    const here = rulesAtCursor();
    let all: string[] = [];
    try {
      all = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).filter((n) => n.endsWith('.md')).map((n) => n.slice(0, -3)).sort();
    } catch {
      // no docs shipped (a development build): the message below says so
    }
    const items = [...here.map((r) => ({ label: r, description: 'at the cursor' })), ...all.filter((r) => !here.includes(r)).map((r) => ({ label: r, description: '' }))];
    if (here.length === 1 && rule === undefined) id = here[0];
    else id = (await vscode.window.showQuickPick(items, { title: 'Specwright: Explain Rule', placeHolder: 'Rule id' }))?.label;
    if (id === undefined) return;
  }
  if (!RULE_ID.test(id)) {
    void vscode.window.showErrorMessage(`Specwright: '${id}' is not a rule id.`);
    return;
  }
  const page = vscode.Uri.joinPath(folder, `${id}.md`);
  try {
    await vscode.workspace.fs.stat(page);
  } catch {
    void vscode.window.showErrorMessage(`Specwright: no documentation page for '${id}' in this installation.`);
    return;
  }
  // The rendered page; a plain editor where the Markdown preview is not available.
  await vscode.commands.executeCommand('markdown.showPreview', page).then(undefined, async () => {
    await vscode.window.showTextDocument(page, { preview: true });
  });
}

// ---------------------------------------------------------------------------------------------
// Distro profile: status bar item + QuickPick

function activeLanguageEditor(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && (LANGUAGES as readonly string[]).includes(editor.document.languageId) ? editor : undefined;
}

function distroLabel(id: string | undefined): string {
  return DISTROS.find((d) => d.id === id)?.label ?? id ?? 'Fedora';
}

/**
 * The profile the server analyses a document with: a specwright.json `distro` wins over the
 * setting, and only the server reads that file. Undefined when the server cannot answer (not
 * started yet, stopped, or an older server).
 */
async function documentProfile(client: BaseLanguageClient | undefined, uri: vscode.Uri): Promise<DocumentProfileResult | undefined> {
  if (!client?.isRunning()) return undefined;
  try {
    const params: DocumentProfileParams = { uri: uri.toString() };
    return (await client.sendRequest<DocumentProfileResult | null>(DOCUMENT_PROFILE_REQUEST, params)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The status bar item; `refresh` asks the server again (it starts after the item exists, and may restart). */
function createDistroStatusItem(client: () => BaseLanguageClient | undefined): { disposable: vscode.Disposable; refresh: () => void } {
  const item = vscode.window.createStatusBarItem('specwright.distro', vscode.StatusBarAlignment.Right, 100);
  item.name = 'Specwright Distribution Profile';
  item.command = 'specwright.selectDistro';
  let generation = 0;
  const update = async () => {
    const current = ++generation;
    const editor = activeLanguageEditor();
    if (!editor) {
      item.hide();
      return;
    }
    // The setting at once; the server's answer (which knows specwright.json) replaces it.
    const setting = vscode.workspace.getConfiguration('specwright', editor.document.uri).get<string>('distro');
    item.text = `$(package) ${distroLabel(setting)}`;
    item.tooltip = `Specwright distribution profile: ${distroLabel(setting)} (macro values and distribution checks). Click to change.`;
    item.show();
    const profile = await documentProfile(client(), editor.document.uri);
    if (!profile || current !== generation) return; // another editor or change came first
    if (profile.source !== 'specwright.json') {
      // The setting is in charge, and the editor's copy is the fresh one: the server may not
      // have heard of a change made a moment ago.
      item.tooltip = `Specwright distribution profile: ${distroLabel(setting)}, from the editor setting specwright.distro (macro values and distribution checks). Click to change.`;
      return;
    }
    item.text = `$(package) ${distroLabel(profile.distro)}`;
    item.tooltip = `Specwright distribution profile: ${distroLabel(profile.distro)}, set by ${profile.configFile ?? 'specwright.json'} (it wins over the editor setting). Click to change.`;
  };
  const refresh = () => void update();
  refresh();
  const projectFiles = vscode.workspace.createFileSystemWatcher('**/specwright.json');
  const disposable = vscode.Disposable.from(
    item,
    projectFiles,
    projectFiles.onDidCreate(refresh),
    projectFiles.onDidChange(refresh),
    projectFiles.onDidDelete(refresh),
    vscode.window.onDidChangeActiveTextEditor(refresh),
    vscode.workspace.onDidOpenTextDocument(refresh), // language changes (setTextDocumentLanguage) reopen the document
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('specwright.distro')) refresh();
    }),
  );
  return { disposable, refresh };
}

async function selectDistro(client: () => BaseLanguageClient | undefined): Promise<void> {
  const editor = activeLanguageEditor();
  const profile = editor ? await documentProfile(client(), editor.document.uri) : undefined;
  if (profile?.source === 'specwright.json' && profile.configFile) {
    // The editor setting would change nothing here: say so instead of silently doing nothing.
    const open = 'Open specwright.json';
    const anyway = 'Change the Editor Setting';
    const choice = await vscode.window.showInformationMessage(
      `This file's profile (${distroLabel(profile.distro)}) is set by ${profile.configFile}, which wins over the editor setting. Edit its "distro" to change it here.`,
      open,
      anyway,
    );
    if (choice === open) {
      await vscode.window.showTextDocument(vscode.Uri.file(profile.configFile));
      return;
    }
    if (choice !== anyway) return;
  }
  const config = vscode.workspace.getConfiguration('specwright', editor?.document.uri);
  const current = config.get<string>('distro');
  const pick = await vscode.window.showQuickPick(
    DISTROS.map((d) => ({ label: d.label, description: d.id === current ? `${d.id} (current)` : d.id, detail: d.detail, id: d.id })),
    { title: 'Specwright: Distribution Profile', placeHolder: 'Macro values and distribution-specific checks follow this profile' },
  );
  if (!pick || pick.id === current) return;
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('distro', pick.id, target);
}

// ---------------------------------------------------------------------------------------------
// New DKMS Package…

async function pickTargetFolder(): Promise<vscode.Uri | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 1) return folders[0].uri;
  if (folders.length > 1) return (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Folder to create the package folder in' }))?.uri;
  const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Create Package Here', title: 'Specwright: folder to create the DKMS package in' });
  return picked?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** `folder`: the explorer folder the command was run on (explorer/context), else asked for. */
export async function newDkmsPackage(folder?: vscode.Uri): Promise<vscode.Uri | undefined> {
  const title = 'Specwright: New DKMS Package';
  const module = await vscode.window.showInputBox({
    title: `${title} (1/4)`,
    prompt: 'Kernel module name (the package is <name>-dkms)',
    placeHolder: 'acme-wifi',
    validateInput: validateModuleName,
    ignoreFocusOut: true,
  });
  if (module === undefined) return undefined;
  const version = await vscode.window.showInputBox({
    title: `${title} (2/4)`,
    prompt: 'Version of the module sources',
    value: '1.0.0',
    validateInput: validateVersion,
    ignoreFocusOut: true,
  });
  if (version === undefined) return undefined;
  const kbuild = { label: 'make', description: 'kbuild (default)', detail: 'make -C ${kernel_source_dir} M=${dkms_tree}/${PACKAGE_NAME}/${PACKAGE_VERSION}/build modules', build: 'kbuild' as const };
  const cmake = { label: 'cmake', description: 'CMake driving Kbuild', detail: 'A CMakeLists.txt that runs make -C <kernel tree> M=<sources> modules (needs cmake on the target machine)', build: 'cmake' as const };
  const custom = { label: 'Custom command…', description: 'MAKE[0] in dkms.conf', detail: 'Pass the kernel dkms builds for, e.g. KVER=$kernelver', build: 'custom' as const };
  const choice = await vscode.window.showQuickPick([kbuild, cmake, custom], { title: `${title} (3/4)`, placeHolder: 'How dkms builds the module', ignoreFocusOut: true });
  if (!choice) return undefined;
  let build: BuildCommand = { kind: choice.build === 'cmake' ? 'cmake' : 'kbuild' };
  if (choice.build === 'custom') {
    const command = await vscode.window.showInputBox({
      title: `${title} (3/4)`,
      prompt: 'Build command (dkms runs it in the build directory)',
      value: 'make -C ${kernel_source_dir} M=${dkms_tree}/${PACKAGE_NAME}/${PACKAGE_VERSION}/build',
      validateInput: validateBuildCommand,
      ignoreFocusOut: true,
    });
    if (command === undefined) return undefined;
    build = { kind: 'custom', command };
  }
  const target = folder ?? (await pickTargetFolder());
  if (!target) return undefined;

  const pkg = generateDkmsPackage({ module, version, build });
  const files = pkg.files.map((f) => ({ ...f, uri: vscode.Uri.joinPath(target, ...f.path.split('/')) }));
  const existing: typeof files = [];
  for (const f of files) if (await exists(f.uri)) existing.push(f);
  let skip = new Set<string>();
  if (existing.length > 0) {
    const names = existing.map((f) => f.path).join(', ');
    const answer = await vscode.window.showWarningMessage(
      `${existing.length === 1 ? 'A file' : `${existing.length} files`} of the new package already exist${existing.length === 1 ? 's' : ''}: ${names}.`,
      { modal: true, detail: 'Specwright never overwrites a file without asking.' },
      'Keep Existing, Write the Others',
      'Overwrite',
    );
    if (!answer) return undefined;
    if (answer !== 'Overwrite') skip = new Set(existing.map((f) => f.path));
  }
  for (const f of files) {
    if (skip.has(f.path)) continue;
    await vscode.workspace.fs.writeFile(f.uri, new TextEncoder().encode(f.content));
  }
  const specUri = vscode.Uri.joinPath(target, ...pkg.specPath.split('/'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(specUri));
  const written = files.length - skip.size;
  void vscode.window.showInformationMessage(`Specwright: created ${pkg.folder} (${written} file${written === 1 ? '' : 's'}${skip.size ? `, ${skip.size} kept` : ''}).`);
  return specUri;
}

// ---------------------------------------------------------------------------------------------
// Show Expanded Spec (`rpmspec -P` on the server; read-only virtual document)

export class ExpandedSpecProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** specwright-expanded:/dir/name.spec (expanded)?<source uri>. */
  static uriFor(source: vscode.Uri): vscode.Uri {
    const base = source.path.split('/').pop() || 'spec';
    return vscode.Uri.from({ scheme: EXPANDED_SCHEME, path: `/${base} (expanded)`, query: source.toString() });
  }

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

function describeFailure(e: unknown): string {
  const err = e as { code?: number; message?: string } | undefined;
  if (err?.code === -32601) return 'this language server cannot expand specs (no rpm here: e.g. VS Code for the Web, or another server version).';
  return (err?.message || String(e)).replace(/^Specwright:\s*/, '');
}

async function showExpandedSpec(client: BaseLanguageClient | undefined, provider: ExpandedSpecProvider, arg?: vscode.Uri): Promise<void> {
  const doc = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
  if (!doc || doc.languageId !== 'rpm-spec') {
    void vscode.window.showErrorMessage('Specwright: open an RPM spec file to show its expansion.');
    return;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage('Specwright: Show Expanded Spec runs rpmspec, which evaluates the spec\'s shell and Lua: trust this workspace first.');
    return;
  }
  if (!client?.isRunning()) {
    void vscode.window.showErrorMessage('Specwright: the language server is not running (Specwright: Restart Language Server).');
    return;
  }
  const params: ExpandedSpecParams = { uri: client.code2ProtocolConverter.asUri(doc.uri) };
  let result: ExpandedSpecResult;
  try {
    result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Expanding spec…' }, () =>
      client.sendRequest<ExpandedSpecResult>(EXPANDED_SPEC_REQUEST, params),
    );
  } catch (e) {
    void vscode.window.showErrorMessage(`Specwright: could not expand ${doc.uri.path.split('/').pop()}: ${describeFailure(e)}`);
    return;
  }
  if (typeof result?.text !== 'string') {
    void vscode.window.showErrorMessage('Specwright: the language server returned no expanded text.');
    return;
  }
  const uri = ExpandedSpecProvider.uriFor(doc.uri);
  provider.set(uri, result.text);
  const view = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(view, 'rpm-spec').then(undefined, () => undefined);
  await vscode.window.showTextDocument(view, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
}

// ---------------------------------------------------------------------------------------------
// Packaging chores: the server does the work (workspace/executeCommand, so every LSP editor has
// them); the client asks for the comment or the version and moves the cursor into the new entry.

const CHORE_PROMPTS: Record<string, { command: string; ask?: 'comment' | 'version' }> = {
  'specwright.bumpRelease': { command: 'specwright.server.bumpRelease', ask: 'comment' },
  'specwright.addChangelogEntry': { command: 'specwright.server.addChangelogEntry', ask: 'comment' },
  'specwright.newUpstreamVersion': { command: 'specwright.server.newUpstreamVersion', ask: 'version' },
  'specwright.convertToRpmautospec': { command: 'specwright.server.convertToRpmautospec' },
};

function registerChoreCommands(getClient: () => BaseLanguageClient | undefined): vscode.Disposable[] {
  return Object.entries(CHORE_PROMPTS).map(([id, chore]) =>
    vscode.commands.registerCommand(id, async (args?: { comment?: string; version?: string }) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'rpm-spec') {
        void vscode.window.showWarningMessage('Specwright: open a spec file first.');
        return;
      }
      const client = getClient();
      if (!client?.isRunning()) {
        void vscode.window.showWarningMessage('Specwright: the language server is not running.');
        return;
      }
      const params: { uri: string; comment?: string; version?: string } = { uri: editor.document.uri.toString() };
      // Arguments given (tests, keybindings) skip the prompts.
      if (args && typeof args === 'object') {
        if (typeof args.comment === 'string') params.comment = args.comment;
        if (typeof args.version === 'string') params.version = args.version;
      } else if (chore.ask === 'comment') {
        const comment = await vscode.window.showInputBox({ title: 'Changelog entry', prompt: 'What changed? (empty: write it in the editor)', placeHolder: 'Rebuilt for …' });
        if (comment === undefined) return;
        if (comment.trim()) params.comment = comment;
      } else if (chore.ask === 'version') {
        const version = await vscode.window.showInputBox({ title: 'New upstream version', prompt: 'Version', validateInput: (v) => (/^[A-Za-z0-9._+~^]+$/.test(v) ? undefined : 'letters, digits and . _ + ~ ^ only') });
        if (!version) return;
        params.version = version;
      }
      // The server saves nothing: the edit goes into the open document like any other edit.
      const result = await client.sendRequest<{ applied: boolean; message: string; cursor?: { line: number; character: number } } | null>('workspace/executeCommand', {
        command: chore.command,
        arguments: [params],
      });
      if (result?.applied && result.cursor && vscode.window.activeTextEditor?.document === editor.document) {
        const p = new vscode.Position(result.cursor.line, result.cursor.character);
        editor.selection = new vscode.Selection(p, p);
        editor.revealRange(new vscode.Range(p, p));
      }
      return result;
    }),
  );
}

/** After a quick fix that leaves something to type (` >= ` before a version): the cursor goes there. */
function placeCursor(uri: unknown, position?: { line: number; character: number }): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || typeof uri !== 'string' || editor.document.uri.toString() !== uri) return;
  if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') return;
  const p = editor.document.validatePosition(new vscode.Position(position.line, position.character));
  editor.selection = new vscode.Selection(p, p);
  editor.revealRange(new vscode.Range(p, p));
}
