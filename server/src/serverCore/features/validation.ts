// Diagnostics: pushed on open and change (debounced per document, latest version only),
// cleared on close, re-run for every open document when settings change.
import { TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { DocumentInput } from '../../service/types';
import { toDiagnostic } from '../diagnostics';
import type { Feature } from '../feature';
import { formatError, runSafeVoid } from '../runSafe';
import { withoutDuplicates } from '../../node/tools/merge';

// Short: a lint of even a 14,000-line spec takes tens of milliseconds, so diagnostics can follow
// typing closely; the delay only coalesces bursts of keystrokes.
export const VALIDATION_DELAY_MS = 50;

/** Extra diagnostics another feature publishes together with the lint findings (e.g. inactive %if arms). */
export type DiagnosticContributor = (input: DocumentInput) => Promise<Diagnostic[]> | Diagnostic[];

const contributors = new WeakMap<ServerContext, DiagnosticContributor[]>();

export function addDiagnosticContributor(ctx: ServerContext, contributor: DiagnosticContributor): void {
  const list = contributors.get(ctx) ?? [];
  list.push(contributor);
  contributors.set(ctx, list);
}

export class Validator {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly ctx: ServerContext) {}

  schedule(uri: string, delay = VALIDATION_DELAY_MS): void {
    const previous = this.timers.get(uri);
    if (previous) clearTimeout(previous);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.validate(uri).catch((e: unknown) => this.ctx.log(formatError(`validating ${uri} failed`, e)));
      }, delay),
    );
  }

  scheduleAll(): void {
    for (const doc of this.ctx.documents.all()) this.schedule(doc.uri);
  }

  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  private async validate(uri: string): Promise<void> {
    const input = this.ctx.input(uri);
    if (!input) return;
    const options = await this.ctx.lintOptions(input);
    const extra: Diagnostic[] = [];
    for (const contribute of contributors.get(this.ctx) ?? []) {
      try {
        extra.push(...(await contribute(input)));
      } catch (e) {
        this.ctx.log(formatError(`extra diagnostics for ${uri} failed`, e));
      }
    }
    // Changed or closed while the settings were fetched: the newer version has its own timer.
    if (this.ctx.documents.get(uri)?.version !== input.version || this.timers.has(uri)) return;
    const { findings, ruleErrors } = this.ctx.service.lint(input, options);
    // External tools (rpmlint, shellcheck, rpmspec): their latest results, minus what our rules already report.
    const external = withoutDuplicates(findings, this.ctx.extraDiagnostics(uri));
    for (const e of ruleErrors) this.ctx.log(`rule ${e.rule} failed on ${uri}: ${e.error}`);
    await this.ctx.connection.sendDiagnostics({ uri, version: input.version, diagnostics: [...findings.map((f) => toDiagnostic(f, uri, input.version)), ...extra, ...external] });
  }
}

export const validationFeature: Feature = {
  name: 'validation',
  capabilities: () => ({ textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } }),
  register(ctx) {
    const validator = new Validator(ctx);
    // New external-tool results: publish them merged with ours.
    ctx.onExtraDiagnosticsChanged((uri) => validator.schedule(uri, 0));
    const log = ctx.log;
    ctx.documents.onDidOpen(runSafeVoid(log, 'didOpen', (e) => validator.schedule(e.document.uri)));
    ctx.documents.onDidChangeContent(runSafeVoid(log, 'didChange', (e) => validator.schedule(e.document.uri)));
    ctx.documents.onDidClose(
      runSafeVoid(log, 'didClose', (e) => {
        validator.cancel(e.document.uri);
        ctx.forget(e.document.uri);
        void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
      }),
    );
    ctx.connection.onDidChangeConfiguration(
      runSafeVoid(log, 'didChangeConfiguration', (params) => {
        if (!ctx.supportsConfiguration) {
          const settings: unknown = params.settings;
          ctx.setGlobalSettings(typeof settings === 'object' && settings !== null && 'specwright' in settings ? (settings as Record<string, unknown>).specwright : settings);
        }
        ctx.resetSettings();
        validator.scheduleAll();
        // Inlay hints and semantic tokens depend on the distro profile: ask the client to re-query.
        const workspace = ctx.clientCapabilities.workspace;
        if (workspace?.inlayHint?.refreshSupport) void ctx.connection.languages.inlayHint.refresh();
        if (workspace?.semanticTokens?.refreshSupport) ctx.connection.languages.semanticTokens.refresh();
      }),
    );
    // specwright.json, rpmlintrc or a related file changed on disk (when the client watches them).
    ctx.connection.onDidChangeWatchedFiles(
      runSafeVoid(log, 'didChangeWatchedFiles', () => {
        ctx.resetProjectConfigs();
        validator.scheduleAll();
      }),
    );
  },
};
