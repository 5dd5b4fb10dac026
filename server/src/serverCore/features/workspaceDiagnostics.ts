// Workspace-wide problems: every spec and dkms.conf of the workspace folders in the Problems panel
// without opening them, through LSP pull diagnostics (`workspace/diagnostic`), for clients that
// support it. Open documents keep being pushed (publishDiagnostics, version-exact, with the
// external tools' results), so their document pull (`textDocument/diagnostic`) answers empty and
// the workspace report covers the files that are not open. The first report walks and lints
// `specwright.workspaceDiagnostics.maxFiles` files (0: off) with progress in the status bar; a
// client such as VS Code asks again right after each answer, so later requests wait until
// something changed (files on disk, settings, a document closed) and then report only the files
// whose result changed ("unchanged" for the others). Node only: it reads the file system.
import { createHash } from 'node:crypto';
import {
  DocumentDiagnosticReportKind,
  type CancellationToken,
  type ClientCapabilities,
  type DocumentDiagnosticReport,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { collectTargets } from '../../cli/files';
import { readTextFile } from '../../node/readText';
import type { ServerContext } from '../context';
import { toDiagnostic } from '../diagnostics';
import type { Feature } from '../feature';
import { formatError, runSafe } from '../runSafe';
import { capDiagnostics } from './validation';

/** Whether the client pulls diagnostics (then the server offers the workspace report). */
export function supportsPull(capabilities: ClientCapabilities): boolean {
  return capabilities.textDocument?.diagnostic !== undefined;
}

const yieldToOtherRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

class WorkspaceReporter {
  /** Bumped by every event that may change a closed file's result. */
  private generation = 0;
  /** The generation of the last answer, and who waits for the next change. */
  private answered = -1;
  private waiters: (() => void)[] = [];

  constructor(private readonly ctx: ServerContext) {}

  changed(): void {
    this.generation++;
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** Resolves when something changed since the last answer (at once if it already did), or on cancellation. */
  private async nextChange(token: CancellationToken): Promise<void> {
    if (this.generation !== this.answered) return;
    await new Promise<void>((resolve) => {
      this.waiters.push(resolve);
      token.onCancellationRequested(() => resolve());
    });
  }

  async report(params: WorkspaceDiagnosticParams, token: CancellationToken): Promise<WorkspaceDiagnosticReport> {
    await this.nextChange(token);
    if (token.isCancellationRequested) return { items: [] };
    const generation = this.generation;
    const folder = this.ctx.workspaceFolders.find((f) => f.startsWith('file:'));
    if (!folder) {
      this.answered = generation;
      return { items: [] };
    }
    const settings = await this.ctx.settings(folder);
    const limit = settings.workspaceDiagnosticsMaxFiles;
    const files: { file: string; languageId: 'rpm-spec' | 'dkms-conf' }[] = [];
    if (limit > 0) {
      for (const f of this.ctx.workspaceFolders) {
        if (!f.startsWith('file:')) continue;
        const found = collectTargets([URI.parse(f).fsPath]).targets;
        for (const t of found) if (files.length < limit + 1) files.push(t);
      }
    }
    if (files.length > limit) {
      this.ctx.info(`workspace diagnostics: more than ${limit} spec and dkms.conf files; checking the first ${limit} (specwright.workspaceDiagnostics.maxFiles)`);
      files.length = limit;
    }
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const progress = files.length > 0 && this.ctx.clientCapabilities.window?.workDoneProgress ? await this.ctx.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Specwright', 0, `checking ${files.length} files`, true);
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const started = Date.now();
    let fresh = 0;
    try {
      for (let i = 0; i < files.length; i++) {
        if (token.isCancellationRequested || progress?.token.isCancellationRequested) break;
        if (i % 10 === 0) {
          progress?.report(Math.round((i / files.length) * 100), `checking ${i + 1}/${files.length}`);
          await yieldToOtherRequests();
        }
        const { file, languageId } = files[i];
        const uri = URI.file(file).toString();
        // Open documents are pushed with their unsaved text: not here.
        if (this.ctx.documents.get(uri)) continue;
        const read = readTextFile(file);
        if (!read.ok) continue;
        const resultId = createHash('sha1').update(`${generation}\0${JSON.stringify(settings)}\0${read.text}`).digest('hex');
        if (previous.get(uri) === resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId });
          continue;
        }
        try {
          const input = { uri, languageId, version: 0, text: read.text };
          const options = await this.ctx.lintOptions(input, settings);
          const { findings } = this.ctx.service.lint(input, options);
          this.ctx.service.forget(uri);
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: capDiagnostics(findings.map((f) => toDiagnostic(f, uri, 0))) });
          fresh++;
        } catch (e) {
          this.ctx.log(formatError(`workspace diagnostics for ${uri} failed`, e));
        }
      }
    } finally {
      progress?.done();
    }
    this.answered = generation;
    if (fresh > 0) this.ctx.info(`workspace diagnostics: ${fresh} of ${files.length} files checked in ${Date.now() - started} ms`);
    return { items };
  }
}

export const workspaceDiagnosticsFeature: Feature = {
  name: 'workspaceDiagnostics',
  capabilities: (client) => (supportsPull(client) ? { diagnosticProvider: { identifier: 'specwright', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
  register(ctx) {
    const reporter = new WorkspaceReporter(ctx);
    // Open documents are pushed: their pulled report is empty, so nothing shows twice.
    ctx.connection.languages.diagnostics.on(
      runSafe(ctx.log, 'textDocument/diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport, () => ({ kind: DocumentDiagnosticReportKind.Full, items: [] })),
    );
    ctx.connection.languages.diagnostics.onWorkspace(
      runSafe(ctx.log, 'workspace/diagnostic', { items: [] } as WorkspaceDiagnosticReport, (params, token) =>
        reporter.report(params, token ?? { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) }),
      ),
    );
    // What may change a closed file's result: its content, a related file or specwright.json on
    // disk, the settings, and a document being closed (it moves from push to the workspace report).
    // (A save shows up as a changed file on disk.)
    ctx.documents.onDidClose(() => reporter.changed());
    ctx.onSettingsReset(() => reporter.changed());
    ctx.onWatchedFilesChanged(() => reporter.changed());
  },
};
