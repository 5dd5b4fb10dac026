// What every feature module gets: the connection, the open documents, the language service,
// and the per-document lint options (editor settings + specwright.json + files on disk).
import { MessageType, ShowMessageNotification, type ClientCapabilities, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { languageFromFileName, type LanguageService } from '../service/languageService';
import type { LintOptions, LintResult } from '../service/lint';
import type { DocumentInput, LanguageId } from '../service/types';
import { FsCache } from '../node/fsCache';
import { findProjectConfig, type LoadedConfig } from '../node/config';
import type { FormatOptions } from '../service/features/format';
import { makeProfile, type Profile, type UserMacro } from '../service/catalog/profile';
import { loadFileLintContext } from '../node/lintContext';
import { carryOver } from '../node/tools/merge';
import { formatError, type Logger } from './runSafe';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, normaliseSettings, settingsFromInitializationOptions, type Settings } from './settings';

const LANGUAGE_ALIASES: Record<string, LanguageId> = {
  'rpm-spec': 'rpm-spec',
  spec: 'rpm-spec',
  rpmspec: 'rpm-spec',
  'dkms-conf': 'dkms-conf',
  dkms: 'dkms-conf',
  dkmsconf: 'dkms-conf',
};

/** The service's language for an open document: its languageId, else its file name. */
export function documentLanguage(languageId: string, uri: string): LanguageId | undefined {
  return LANGUAGE_ALIASES[languageId] ?? languageFromFileName(uri.replace(/[?#].*$/, ''));
}

/** A distro and project macros set by a project's specwright.json, and that file. */
interface ProjectDistro {
  distro?: string;
  macros: UserMacro[];
  configFile: string;
}

function projectDistroOf(config: LoadedConfig): ProjectDistro | null {
  const { distro, macros } = config.config;
  if (!distro && !macros?.length) return null;
  return { ...(distro ? { distro } : {}), macros: macros ?? [], configFile: config.file };
}

/**
 * The largest document the server analyses, in UTF-16 code units (the largest Fedora spec has
 * 2 MB; a 10 MB one takes seconds to lint). Beyond it every request answers empty at once and
 * one diagnostic says why, so a huge file cannot exhaust the server's memory or time.
 */
export const MAX_DOCUMENT_LENGTH = 10_000_000;

/** How long to wait for the client's `workspace/configuration` answer. */
const SETTINGS_TIMEOUT_MS = 3000;

export class ServerContext {
  /** Settings when the client cannot answer workspace/configuration. */
  private globalSettings: Settings = DEFAULT_SETTINGS;
  private readonly settingsCache = new Map<string, Promise<Settings>>();
  private readonly reported = new Set<string>();
  clientCapabilities: ClientCapabilities = {};
  /** Workspace folder URIs from initialize (workspace symbols search them). */
  workspaceRoots: string[] = [];
  /**
   * Workspace trust: external tools run only when true. rpmlint and rpmspec let rpm evaluate the
   * spec, which runs its `%(…)` and `%{lua:}` code, so trust is never assumed: it comes from
   * `initializationOptions.trusted === true` (the VS Code client sends it; other editors opt in)
   * and the `specwright/trustChanged` notification.
   */
  trusted = false;
  private readonly trustListeners: ((trusted: boolean) => void)[] = [];
  /**
   * Diagnostics from other sources (external tools), per document and source, merged on publish,
   * with the text they were computed on (they follow edits: see extraDiagnostics).
   */
  private readonly extra = new Map<string, Map<string, { diagnostics: Diagnostic[]; text: string }>>();
  private readonly extraListeners: ((uri: string) => void)[] = [];
  private readonly settingsListeners: (() => void)[] = [];
  /** Per open document: the distro its project's specwright.json sets (null: none), as last read. */
  private readonly projectDistros = new Map<string, ProjectDistro | null>();

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly service: LanguageService,
    /** Whether a file exists (undefined: cannot tell, as in the browser). The service stays pure: the server asks. */
    readonly fileExists: (fsPath: string) => boolean | undefined = () => undefined,
  ) {}

  /** Problems (the Output channel shows them as errors). */
  readonly log: Logger = (message) => this.connection.console.error(message);
  /** What the server does: start, profile, tool runs and their durations (Output channel, info level). */
  readonly info: Logger = (message) => this.connection.console.info(message);

  get supportsConfiguration(): boolean {
    return Boolean(this.clientCapabilities.workspace?.configuration);
  }

  /** The workspace folders' URIs (initialize's workspaceFolders, else rootUri). */
  workspaceFolders: string[] = [];

  /** The client has the specwright.explainRule command (initializationOptions.explainRuleCommand). */
  explainRuleCommand = false;
  /** The client has the specwright.placeCursor command (initializationOptions.placeCursorCommand). */
  placeCursorCommand = false;

  setInitializationOptions(options: unknown): void {
    this.trusted = typeof options === 'object' && options !== null && (options as Record<string, unknown>).trusted === true;
    this.explainRuleCommand = typeof options === 'object' && options !== null && (options as Record<string, unknown>).explainRuleCommand === true;
    this.placeCursorCommand = typeof options === 'object' && options !== null && (options as Record<string, unknown>).placeCursorCommand === true;
    this.setGlobalSettings(settingsFromInitializationOptions(options));
  }

  setGlobalSettings(raw: unknown): void {
    const { settings, problems } = normaliseSettings(raw);
    this.globalSettings = settings;
    this.reportOnce(problems);
  }

  /** Forgets cached per-document settings (didChangeConfiguration). */
  resetSettings(): void {
    this.settingsCache.clear();
    for (const l of this.settingsListeners) l();
  }

  setTrusted(trusted: boolean): void {
    if (this.trusted === trusted) return;
    this.trusted = trusted;
    for (const l of this.trustListeners) l(trusted);
  }

  private readonly watchedFilesListeners: (() => void)[] = [];

  /** Files the client watches changed on disk (specs, dkms.conf, specwright.json and macro files, rpmlintrc). */
  onWatchedFilesChanged(listener: () => void): void {
    this.watchedFilesListeners.push(listener);
  }

  watchedFilesChanged(): void {
    for (const l of this.watchedFilesListeners) l();
  }

  /** After resetSettings (didChangeConfiguration). */
  onSettingsReset(listener: () => void): void {
    this.settingsListeners.push(listener);
  }

  onTrustChanged(listener: (trusted: boolean) => void): void {
    this.trustListeners.push(listener);
  }

  /**
   * Replaces the diagnostics of one external source for a document, computed on `text`;
   * validation republishes the merge.
   */
  setExtraDiagnostics(uri: string, source: string, diagnostics: Diagnostic[], text = ''): void {
    let bySource = this.extra.get(uri);
    if (!bySource) {
      if (diagnostics.length === 0) return;
      bySource = new Map();
      this.extra.set(uri, bySource);
    }
    if (diagnostics.length === 0 && !bySource.has(source)) return;
    if (diagnostics.length === 0) bySource.delete(source);
    else bySource.set(source, { diagnostics, text });
    if (bySource.size === 0) this.extra.delete(uri);
    for (const l of this.extraListeners) l(uri);
  }

  /**
   * Every external diagnostic of a document, for its text now: a tool ran on the saved file, so
   * after an edit its findings on the lines that changed are dropped and the others move with
   * their text (a finding never stays on a line that no longer says what it was about).
   */
  extraDiagnostics(uri: string, text: string): Diagnostic[] {
    const bySource = this.extra.get(uri);
    if (!bySource) return [];
    const out: Diagnostic[] = [];
    for (const [source, entry] of bySource) {
      if (entry.text !== text) {
        const carried = { diagnostics: carryOver(entry.text, text, entry.diagnostics), text };
        bySource.set(source, carried);
        out.push(...carried.diagnostics);
      } else out.push(...entry.diagnostics);
    }
    return out;
  }

  onExtraDiagnosticsChanged(listener: (uri: string) => void): void {
    this.extraListeners.push(listener);
  }

  forget(uri: string): void {
    this.extra.delete(uri);
    this.settingsCache.delete(uri);
    this.projectDistros.delete(uri);
    this.service.forget(uri);
  }

  /** The open document as the service's input, or undefined (not open, not ours, or too large to analyse). */
  input(uri: string): DocumentInput | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const languageId = documentLanguage(doc.languageId, uri);
    if (!languageId) return undefined;
    const text = doc.getText();
    if (text.length > MAX_DOCUMENT_LENGTH) return undefined;
    return { uri, languageId, version: doc.version, text };
  }

  /** The length of an open document of ours that is too large to analyse, else undefined. */
  oversized(uri: string): number | undefined {
    const doc = this.documents.get(uri);
    if (!doc || !documentLanguage(doc.languageId, uri)) return undefined;
    const length = doc.getText().length;
    return length > MAX_DOCUMENT_LENGTH ? length : undefined;
  }

  settings(uri: string): Promise<Settings> {
    if (!this.supportsConfiguration) return Promise.resolve(this.globalSettings);
    let hit = this.settingsCache.get(uri);
    if (!hit) {
      const request = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
        (raw: unknown) => {
          const { settings, problems } = normaliseSettings(raw);
          this.reportOnce(problems);
          return settings;
        },
        (e: unknown) => {
          this.log(formatError('workspace/configuration failed', e));
          return this.globalSettings;
        },
      );
      // A client that never answers must not stop diagnostics for good: fall back to the global
      // settings after a while; a late answer still replaces them for the next request.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Settings>((resolve) => {
        timer = setTimeout(() => {
          this.log(`workspace/configuration for ${uri} got no answer in ${SETTINGS_TIMEOUT_MS} ms: using defaults`);
          resolve(this.globalSettings);
          void request.then((late) => {
            if (this.settingsCache.get(uri) === raced) this.settingsCache.set(uri, Promise.resolve(late));
          });
        }, SETTINGS_TIMEOUT_MS);
      });
      const raced = Promise.race([request, timeout]).finally(() => clearTimeout(timer));
      hit = raced;
      this.settingsCache.set(uri, hit);
    }
    return hit;
  }

  /**
   * The distribution profile for a document: a `distro` in the project's specwright.json wins over
   * the editor setting, as it does for linting, so completion, hover and hints agree with the
   * diagnostics. Called on every completion and hover: for open documents the specwright.json
   * answer comes from the latest lint instead of a walk up the file system.
   */
  async distro(uri: string): Promise<Profile> {
    const settings = await this.settings(uri);
    let known = this.projectDistros.get(uri);
    if (known === undefined) {
      await this.distroWithSource(uri);
      known = this.projectDistros.get(uri) ?? null;
    }
    return makeProfile(known?.distro ?? settings.distro, known?.macros ?? []);
  }

  /** The profile name and where it comes from, read from the file system now (the status bar asks this). */
  async distroWithSource(uri: string): Promise<{ distro: string; configFile?: string }> {
    const settings = await this.settings(uri);
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return { distro: settings.distro };
    let project: ProjectDistro | null = null;
    try {
      const config = findProjectConfig(parsed.fsPath);
      if (config) project = projectDistroOf(config);
    } catch {
      // unreadable: the setting applies
    }
    this.rememberProjectDistro(uri, project);
    return project?.distro ? { distro: project.distro, configFile: project.configFile } : { distro: settings.distro };
  }

  /** For open documents only: closed ones are forgotten, and other files are not tracked. */
  private rememberProjectDistro(uri: string, project: ProjectDistro | null): void {
    if (this.documents.get(uri)) this.projectDistros.set(uri, project);
  }

  /** specwright.json files may have changed on disk: read them again. */
  resetProjectConfigs(): void {
    this.projectDistros.clear();
  }

  /**
   * Lint options for a document: editor settings (`known`: already fetched, e.g. once for a
   * workspace folder), then the project's specwright.json (more specific, so it wins), plus
   * related files and rpmlint filters for file: URIs.
   */
  async lintOptions(input: DocumentInput, known?: Settings): Promise<Partial<LintOptions>> {
    const settings = known ?? (await this.settings(input.uri));
    const options: Partial<LintOptions> = { distro: settings.distro, rules: { ...settings.rules }, related: [], rpmlintFilters: [] };
    const uri = URI.parse(input.uri);
    if (uri.scheme !== 'file') return options;
    try {
      const overlay = (other: string) => this.documents.get(other)?.getText();
      const context = loadFileLintContext(uri.fsPath, input.languageId, { cache: new FsCache(), overlay });
      if (context.config) {
        this.reportOnce(context.config.errors);
        if (context.config.config.distro) options.distro = context.config.config.distro;
        options.rules = { ...options.rules, ...context.config.config.rules };
      }
      this.rememberProjectDistro(input.uri, context.config ? projectDistroOf(context.config) : null);
      if (context.config?.config.macros) options.distro = makeProfile(options.distro as string, context.config.config.macros);
      options.related = context.related;
      options.rpmlintFilters = context.rpmlintFilters;
    } catch (e) {
      this.log(formatError(`reading the files around ${input.uri} failed`, e));
    }
    return options;
  }

  /**
   * Formatter options for a document: the editor settings (`specwright.format`), then the
   * project's specwright.json `format` (more specific, so it wins), as for the distro and rules.
   */
  async formatOptions(uri: string): Promise<FormatOptions> {
    const settings = await this.settings(uri);
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return settings.format;
    try {
      const config = findProjectConfig(parsed.fsPath);
      if (config) this.reportOnce(config.errors);
      return { ...settings.format, ...config?.config.format };
    } catch (e) {
      this.log(formatError(`reading the specwright.json above ${uri} failed`, e));
      return settings.format;
    }
  }

  /** Lints an open document with its current options; undefined when it is not open or not ours. */
  async lint(uri: string): Promise<{ input: DocumentInput; result: LintResult } | undefined> {
    const input = this.input(uri);
    if (!input) return undefined;
    const options = await this.lintOptions(input);
    const current = this.input(uri);
    const latest = current && current.version === input.version ? input : current;
    if (!latest) return undefined;
    return { input: latest, result: this.service.lint(latest, options) };
  }

  /** Shows a configuration problem once per session (log + warning message). */
  reportOnce(problems: string[]): void {
    for (const p of problems) {
      if (this.reported.has(p)) continue;
      this.reported.add(p);
      this.log(p);
      void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Specwright: ${p}` });
    }
  }
}
