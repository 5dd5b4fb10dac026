// Diagnostics: pushed on open and change (debounced per document, latest version only),
// cleared on close, re-run for every open document when settings change.
import { DiagnosticSeverity, TextDocumentSyncKind, type Diagnostic } from 'vscode-languageserver';
import { MAX_DOCUMENT_LENGTH, type ServerContext } from '../context';
import type { DocumentInput } from '../../service/types';
import { toDiagnostic } from '../diagnostics';
import type { Feature } from '../feature';
import { formatError, runSafeVoid } from '../runSafe';
import { withoutDuplicates } from '../../node/tools/merge';

// Short: a lint of even a 14,000-line spec takes tens of milliseconds, so diagnostics can follow
// typing closely; the delay only coalesces bursts of keystrokes.
export const VALIDATION_DELAY_MS = 50;

/**
 * The most diagnostics published for one document. A crafted 50 MB spec gave a million, and
 * serialising them ran the server out of memory; no one reads past the first thousand.
 */
export const MAX_DIAGNOSTICS_PER_DOCUMENT = 1000;

const SEVERITY_RANK: Record<number, number> = { [DiagnosticSeverity.Error]: 0, [DiagnosticSeverity.Warning]: 1, [DiagnosticSeverity.Information]: 2, [DiagnosticSeverity.Hint]: 3 };

/** At most `max` diagnostics, the most severe first (in document order within a level), plus one that says how many were left out. */
export function capDiagnostics(diagnostics: Diagnostic[], max = MAX_DIAGNOSTICS_PER_DOCUMENT): Diagnostic[] {
  if (diagnostics.length <= max) return diagnostics;
  const rank = (d: Diagnostic) => SEVERITY_RANK[d.severity ?? DiagnosticSeverity.Error] ?? 4;
  const kept = diagnostics
    .map((d, i) => ({ d, i }))
    .sort((a, b) => rank(a.d) - rank(b.d) || a.i - b.i)
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.d);
  const dropped = diagnostics.length - max;
  const start = { line: 0, character: 0 };
  kept.push({
    range: { start, end: start },
    severity: DiagnosticSeverity.Information,
    source: 'specwright',
    message: `${dropped.toLocaleString('en-US')} more problems in this file are not shown: Specwright shows at most ${max.toLocaleString('en-US')} per file, the most severe first (run specwright lint on it to see all).`,
  });
  return kept;
}

/** The one diagnostic of a document too large to analyse. */
export function oversizedDiagnostic(length: number): Diagnostic {
  const start = { line: 0, character: 0 };
  const mb = (n: number) => `${(n / 1_000_000).toFixed(1)} million characters`;
  return {
    range: { start, end: start },
    severity: DiagnosticSeverity.Information,
    source: 'specwright',
    message: `This file has ${mb(length)}, more than the ${mb(MAX_DOCUMENT_LENGTH)} Specwright analyses in the editor: no diagnostics, completion or hover here (specwright lint on the command line still checks it).`,
  };
}

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
    const oversized = this.ctx.oversized(uri);
    if (oversized !== undefined) {
      await this.ctx.connection.sendDiagnostics({ uri, version: this.ctx.documents.get(uri)?.version, diagnostics: [oversizedDiagnostic(oversized)] });
      return;
    }
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
    const external = withoutDuplicates(findings, this.ctx.extraDiagnostics(uri, input.text));
    for (const e of ruleErrors) this.ctx.log(`rule ${e.rule} failed on ${uri}: ${e.error}`);
    const diagnostics = capDiagnostics([...findings.map((f) => toDiagnostic(f, uri, input.version)), ...extra, ...external]);
    await this.ctx.connection.sendDiagnostics({ uri, version: input.version, diagnostics });
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
        ctx.watchedFilesChanged();
        validator.scheduleAll();
      }),
    );
  },
};
