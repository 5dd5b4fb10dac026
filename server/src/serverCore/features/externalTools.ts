// External tools in the loop: rpmlint, shellcheck (on the spec's shell bodies) and, opt-in,
// `rpmspec -P`, run on open and save of the saved file (never per keystroke, never on unsaved
// text), cancelled when the document changes, published merged with our diagnostics
// (ServerContext.setExtraDiagnostics, which carries them over edits), and only in trusted
// workspaces. Also answers `specwright/expandedSpec` and `specwright/trustChanged`.
// Node only: the web build has no processes and does not include this feature.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  CodeActionKind, DiagnosticSeverity, DiagnosticTag, MessageType, ResponseError, ShowMessageNotification, TextDocumentSyncKind,
  type CodeAction, type Diagnostic,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Severity } from '../../service/types';
import { planTool, type SpecTarget, type ToolSetting } from '../../node/tools/index';
import { isExternalDiagnosticData, type ExternalDiagnosticData } from '../../node/tools/merge';
import { expandedText, rpmspecInvocation } from '../../node/tools/rpmspec';
import { ToolRunner } from '../../node/tools/run';
import { TOOL_NAMES, type ToolFinding, type ToolName, type ToolReport } from '../../node/tools/types';
import { EXPANDED_SPEC_REQUEST, TRUST_CHANGED_NOTIFICATION, type ExpandedSpecParams, type ExpandedSpecResult, type TrustChangedParams } from '../../protocol';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafeVoid } from '../runSafe';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

const CACHE_SIZE = 64;

/** `errorsAsWarnings`: rpmlint's E: messages are warnings unless specwright.rpmlint.errorsAsErrors says otherwise. */
export function toolDiagnostic(f: ToolFinding, version: number, errorsAsWarnings = false): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: errorsAsWarnings && f.severity === 'error' ? DiagnosticSeverity.Warning : SEVERITY[f.severity],
    code: f.code,
    source: f.tool,
    message: f.message,
    data: {
      tool: f.tool,
      version,
      fixes: f.fixes,
      ...(f.duplicates ? { duplicates: f.duplicates } : {}),
      ...(f.lineless ? { lineless: true } : {}),
    } satisfies ExternalDiagnosticData,
  };
  if (f.href) d.codeDescription = { href: f.href };
  if (f.tags) d.tags = f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  return d;
}

/**
 * Quick fixes carried by external diagnostics (shellcheck's own fixes), for the code-action
 * handler: fixes of the current document version only.
 */
export function externalToolCodeActions(uri: string, version: number, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    if (!isExternalDiagnosticData(d.data) || d.data.version !== version) continue;
    for (const fix of d.data.fixes) {
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [uri]: fix.edits } } });
    }
  }
  return out;
}

/** Where a document lives, as the tools need it. */
function targetOf(ctx: ServerContext, uri: string): SpecTarget | undefined {
  const input = ctx.input(uri);
  if (!input || input.languageId !== 'rpm-spec') return undefined;
  const parsed = URI.parse(uri);
  const filePath = parsed.scheme === 'file' ? parsed.fsPath : undefined;
  let fileName = path.posix.basename(parsed.path) || 'untitled.spec';
  if (!/\.spec(\.in)?$/i.test(fileName)) fileName += '.spec';
  return { doc: ctx.service.parseSpec(input), text: input.text, fileName, filePath };
}

/** Why a document's tools do not run now (undefined: they may). Tools read the saved file, never unsaved text. */
function notRunnable(ctx: ServerContext, uri: string): string | undefined {
  const input = ctx.input(uri);
  if (!input || input.languageId !== 'rpm-spec') return 'not an RPM spec';
  const parsed = URI.parse(uri);
  if (parsed.scheme !== 'file') return 'not saved to a file';
  try {
    if (fs.readFileSync(parsed.fsPath, 'utf8') !== input.text) return 'it has unsaved changes';
  } catch {
    return 'the file cannot be read';
  }
  return undefined;
}

export class ExternalTools {
  readonly runner: ToolRunner;
  /** Tools found missing: not tried again until their settings change. */
  private readonly missing = new Map<ToolName, string>();
  private readonly cache = new Map<string, ToolReport>();

  constructor(private readonly ctx: ServerContext, spawn?: ConstructorParameters<typeof ToolRunner>[0]['spawn']) {
    this.runner = new ToolRunner({ isTrusted: () => ctx.trusted, spawn });
  }

  /**
   * Runs every enabled tool on the saved document and publishes what they find. Called on open
   * and save (and when settings or trust change): a document with unsaved changes keeps its
   * earlier results, which follow its edits (ServerContext.extraDiagnostics).
   */
  async check(uri: string): Promise<void> {
    if (!this.ctx.trusted) return;
    const why = notRunnable(this.ctx, uri);
    if (why) {
      if (why !== 'not an RPM spec') this.ctx.info(`external tools: not run on ${uri}: ${why}`);
      return;
    }
    const settings = await this.ctx.settings(uri);
    await Promise.all(TOOL_NAMES.map((tool) => this.checkWith(uri, tool, settings.tools[tool], settings.rpmlintErrorsAsErrors)));
  }

  private async checkWith(uri: string, tool: ToolName, setting: ToolSetting, rpmlintErrorsAsErrors: boolean): Promise<void> {
    const command = setting.path;
    if (!setting.enable || command === '' || this.missing.get(tool) === command) {
      this.ctx.setExtraDiagnostics(uri, tool, []);
      return;
    }
    const target = targetOf(this.ctx, uri);
    const version = this.ctx.documents.get(uri)?.version;
    if (!target || version === undefined) return;
    const plan = planTool(tool, command, target);
    if (!plan) {
      this.ctx.setExtraDiagnostics(uri, tool, []);
      return;
    }
    const cacheKey = createHash('sha256').update(`${tool}\0${command}\0${target.filePath ?? ''}\0${target.text}`).digest('hex');
    let report = this.cache.get(cacheKey);
    const name = target.fileName;
    if (!report) {
      const started = Date.now();
      const result = await this.runner.runOnce(ToolRunner.key(uri, tool), plan.invocation);
      report = plan.interpret(result);
      const ms = Date.now() - started;
      if (!report.problem) {
        this.cache.set(cacheKey, report);
        if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
        const superseded = report.superseded ? ` (${report.superseded} more left to Specwright's own rules)` : '';
        this.ctx.info(`${tool} on ${name}: ${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}${superseded} in ${ms} ms`);
      } else if (report.problem.kind !== 'not-found') this.ctx.info(`${tool} on ${name}: ${report.problem.kind} after ${ms} ms`);
    } else this.ctx.info(`${tool} on ${name}: unchanged since the last run (${report.findings.length} findings, cached)`);
    // Changed (or closed) while the tool ran: the result belongs to an older text.
    if (this.ctx.documents.get(uri)?.version !== version) return;
    if (report.problem) {
      this.handleProblem(tool, setting, report.problem);
      if (report.problem.kind === 'cancelled' || report.problem.kind === 'refused') return;
    }
    const diagnostics = report.findings.map((f) => toolDiagnostic(f, version, tool === 'rpmlint' && !rpmlintErrorsAsErrors));
    this.ctx.setExtraDiagnostics(uri, tool, diagnostics, target.text);
  }

  private handleProblem(tool: ToolName, setting: ToolSetting, problem: NonNullable<ToolReport['problem']>): void {
    const command = setting.path;
    switch (problem.kind) {
      case 'cancelled':
      case 'refused':
        return;
      case 'not-found':
        this.missing.set(tool, command);
        this.ctx.info(`${tool}: ${problem.message}`);
        // Under `auto` a tool runs where it is installed: its absence is only logged. Named in a
        // specwright.externalTools list, it was asked for, so say so.
        if (setting.explicit) {
          void this.ctx.connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Info,
            message: `Specwright: ${tool} was not found ('${command}'), so its checks are off. Install it or set specwright.${tool}.path, or remove it from specwright.externalTools.`,
          });
        }
        return;
      default:
        this.ctx.log(`${tool}: ${problem.message}`);
    }
  }

  /** The document changed: its running tools are out of date. */
  cancel(uri: string): void {
    this.runner.cancelDocument(uri);
  }

  /** Settings changed: tools found missing may be there now. */
  resetMissing(): void {
    this.missing.clear();
  }

  clearAll(): void {
    this.runner.cancelAll();
    for (const doc of this.ctx.documents.all()) for (const tool of TOOL_NAMES) this.ctx.setExtraDiagnostics(doc.uri, tool, []);
  }

  /** `specwright/expandedSpec`: `rpmspec -P` on the document (trusted workspaces only). */
  async expand(params: ExpandedSpecParams): Promise<ExpandedSpecResult> {
    const target = targetOf(this.ctx, params.uri);
    if (!target) throw new ResponseError(-32602, 'Specwright: the document is not an open RPM spec');
    if (!this.ctx.trusted) throw new ResponseError(-32001, 'Specwright: the workspace is not trusted; rpmspec -P runs the spec\'s %(…) shell commands, so it only runs in trusted workspaces');
    const command = (await this.ctx.settings(params.uri)).tools.rpmspec.path;
    if (command === '') throw new ResponseError(-32001, 'Specwright: specwright.rpmspec.path is empty');
    const dir = target.filePath ? path.dirname(target.filePath) : undefined;
    const inv = rpmspecInvocation({ command, fileName: target.fileName, text: target.text, dir });
    const expanded = expandedText(await this.runner.runOnce(ToolRunner.key(params.uri, 'expand'), inv));
    if (!expanded.ok) throw new ResponseError(-32002, `Specwright: ${expanded.message}`);
    return { text: expanded.text };
  }
}

/** The instance of a context (tests reach the runner through it). */
export const externalToolsOf = new WeakMap<ServerContext, ExternalTools>();

export const externalToolsFeature: Feature = {
  name: 'externalTools',
  // Repeats validation's sync options (capabilities are merged shallowly) and adds save events.
  capabilities: () => ({ textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } } }),
  register(ctx) {
    const tools = new ExternalTools(ctx);
    externalToolsOf.set(ctx, tools);
    const log = ctx.log;
    const check = (uri: string) => tools.check(uri).catch((e: unknown) => log(`external tools on ${uri} failed: ${String(e)}`));
    ctx.documents.onDidOpen(runSafeVoid(log, 'externalTools.didOpen', (e) => void check(e.document.uri)));
    ctx.documents.onDidSave(runSafeVoid(log, 'externalTools.didSave', (e) => void check(e.document.uri)));
    ctx.documents.onDidChangeContent(runSafeVoid(log, 'externalTools.didChange', (e) => tools.cancel(e.document.uri)));
    ctx.documents.onDidClose(runSafeVoid(log, 'externalTools.didClose', (e) => tools.cancel(e.document.uri)));
    ctx.onSettingsReset(() => {
      tools.resetMissing();
      for (const doc of ctx.documents.all()) void check(doc.uri);
    });
    ctx.onTrustChanged((trusted) => {
      ctx.info(trusted ? 'The workspace is now trusted: external tools may run' : 'The workspace is not trusted: external tools stopped');
      if (!trusted) tools.clearAll();
      else for (const doc of ctx.documents.all()) void check(doc.uri);
    });
    ctx.connection.onNotification(TRUST_CHANGED_NOTIFICATION, runSafeVoid(log, 'trustChanged', (p: TrustChangedParams) => ctx.setTrusted(typeof p === 'object' && p !== null && p.trusted === true)));
    ctx.connection.onRequest(EXPANDED_SPEC_REQUEST, async (params: ExpandedSpecParams) => {
      // Errors are answers here (the client shows them), so no runSafe fallback.
      try {
        return await tools.expand(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        log(`expandedSpec failed: ${String(e)}`);
        throw new ResponseError(-32603, `Specwright: expanding the spec failed: ${String(e)}`);
      }
    });
  },
};
