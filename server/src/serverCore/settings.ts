// Editor settings (section `specwright`), turned from untrusted JSON into typed values.
import { getRule } from '../service/rules/registry';
import { SEVERITIES, type SeverityOrOff } from '../service/types';
import { isProfileName } from '../service/catalog/profile';
import { DEFAULT_TOOL_SETTINGS, type ToolSettings } from '../node/tools/index';
import { TOOL_NAMES } from '../node/tools/types';
import { formatOptionsFrom, type FormatOptions } from '../service/features/format';

export const SETTINGS_SECTION = 'specwright';

export interface Settings {
  /** Profile name: a family (its newest release) or a release id (`fedora-44`, `rhel-9`…). */
  distro: string;
  rules: Record<string, SeverityOrOff>;
  /** `specwright.inlayHints.macroExpansion`: show what directory macros expand to. */
  inlayMacroExpansion: boolean;
  /** `specwright.dimInactiveBranches`: grey out %if arms that are false on the profile. */
  dimInactiveBranches: boolean;
  /**
   * `specwright.externalTools` (`auto`, `off` or a list of tools), with `specwright.<tool>.path`
   * and, under `auto`, the older `specwright.<tool>.enable` (docs/external-tools.md).
   */
  tools: ToolSettings;
  /** `specwright.format.*`: the formatter (docs/formatting.md). */
  format: FormatOptions;
  /** `specwright.rpmlint.errorsAsErrors`: rpmlint's E: messages as errors (else warnings). */
  rpmlintErrorsAsErrors: boolean;
  /** `specwright.changelog.author`: `Name <email>` for new changelog entries ('' = find it). */
  changelogAuthor: string;
  /** `specwright.workspaceDiagnostics.maxFiles`: closed files checked for the workspace-wide report; 0 turns it off. */
  workspaceDiagnosticsMaxFiles: number;
}

export const DEFAULT_SETTINGS: Settings = {
  distro: 'fedora',
  rules: {},
  inlayMacroExpansion: false,
  dimInactiveBranches: false,
  tools: DEFAULT_TOOL_SETTINGS,
  format: formatOptionsFrom(undefined),
  rpmlintErrorsAsErrors: false,
  changelogAuthor: '',
  workspaceDiagnosticsMaxFiles: 500,
};

/** Total: invalid values fall back to defaults; unknown rule ids and levels are reported in `problems`. */
export function normaliseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (typeof raw !== 'object' || raw === null) return { settings, problems };
  const obj = raw as Record<string, unknown>;
  if (typeof obj.distro === 'string') {
    if (isProfileName(obj.distro)) settings.distro = obj.distro.trim().toLowerCase();
    else problems.push(`specwright.distro: unknown distribution '${obj.distro}'`);
  }
  if (typeof obj.rules === 'object' && obj.rules !== null && !Array.isArray(obj.rules)) {
    for (const [id, level] of Object.entries(obj.rules as Record<string, unknown>)) {
      if (!getRule(id)) problems.push(`specwright.rules: unknown rule '${id}'`);
      else if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) problems.push(`specwright.rules.${id}: invalid level ${JSON.stringify(level)}`);
      else settings.rules[id] = level as SeverityOrOff;
    }
  }
  const inlay = obj.inlayHints;
  const macroExpansion = typeof inlay === 'object' && inlay !== null ? (inlay as Record<string, unknown>).macroExpansion : obj['inlayHints.macroExpansion'];
  if (typeof macroExpansion === 'boolean') settings.inlayMacroExpansion = macroExpansion;
  if (typeof obj.dimInactiveBranches === 'boolean') settings.dimInactiveBranches = obj.dimInactiveBranches;
  settings.tools = normaliseToolSettings(obj, problems);
  const changelog = obj.changelog;
  const author = typeof changelog === 'object' && changelog !== null ? (changelog as Record<string, unknown>).author : obj['changelog.author'];
  if (typeof author === 'string') settings.changelogAuthor = author.trim();
  settings.format = formatOptionsFrom(typeof obj.format === 'object' && obj.format !== null ? obj.format : {
    mode: obj['format.mode'], tagValueColumn: obj['format.tagValueColumn'], indentConditionals: obj['format.indentConditionals'], indentWidth: obj['format.indentWidth'],
  });
  const rpmlint = obj.rpmlint;
  const errorsAsErrors = typeof rpmlint === 'object' && rpmlint !== null ? (rpmlint as Record<string, unknown>).errorsAsErrors : obj['rpmlint.errorsAsErrors'];
  if (typeof errorsAsErrors === 'boolean') settings.rpmlintErrorsAsErrors = errorsAsErrors;
  const workspace = obj.workspaceDiagnostics;
  const maxFiles = typeof workspace === 'object' && workspace !== null ? (workspace as Record<string, unknown>).maxFiles : obj['workspaceDiagnostics.maxFiles'];
  if (typeof maxFiles === 'number' && Number.isInteger(maxFiles) && maxFiles >= 0) settings.workspaceDiagnosticsMaxFiles = maxFiles;
  else if (maxFiles !== undefined) problems.push(`specwright.workspaceDiagnostics.maxFiles: expected a whole number ≥ 0, not ${JSON.stringify(maxFiles)}`);
  return { settings, problems };
}

/**
 * `externalTools`: `auto` (the default: rpmlint and shellcheck where installed, plus the older
 * per-tool `enable` settings, so `rpmspec.enable: true` still adds rpmspec), `off`, or a list of
 * tool names (exactly those; the `enable` settings are then ignored). Paths come from
 * `rpmlint: { path }` or the flat `rpmlint.path` keys, trimmed; an empty path disables the tool.
 */
function normaliseToolSettings(obj: Record<string, unknown>, problems: string[]): ToolSettings {
  const tools = { ...DEFAULT_TOOL_SETTINGS };
  const mode = obj.externalTools;
  let listed: Set<string> | undefined;
  if (mode === 'off') listed = new Set();
  else if (Array.isArray(mode)) {
    listed = new Set();
    for (const item of mode as unknown[]) {
      if (typeof item === 'string' && (TOOL_NAMES as readonly string[]).includes(item)) listed.add(item);
      else problems.push(`specwright.externalTools: unknown tool ${JSON.stringify(item)} (known: ${TOOL_NAMES.join(', ')})`);
    }
  } else if (mode !== undefined && mode !== 'auto') {
    problems.push(`specwright.externalTools: expected "auto", "off" or a list of tools, not ${JSON.stringify(mode)}`);
  }
  for (const name of TOOL_NAMES) {
    const nested = obj[name];
    const o = typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : {};
    const enable = o.enable ?? obj[`${name}.enable`];
    const path = o.path ?? obj[`${name}.path`];
    tools[name] = {
      enable: listed ? listed.has(name) : typeof enable === 'boolean' ? enable : DEFAULT_TOOL_SETTINGS[name].enable,
      path: typeof path === 'string' ? path.trim() : DEFAULT_TOOL_SETTINGS[name].path,
      ...(listed?.has(name) ? { explicit: true } : {}),
    };
  }
  return tools;
}

/** initializationOptions may hold the settings directly or under `specwright`. */
export function settingsFromInitializationOptions(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const obj = options as Record<string, unknown>;
  return SETTINGS_SECTION in obj ? obj[SETTINGS_SECTION] : obj;
}
