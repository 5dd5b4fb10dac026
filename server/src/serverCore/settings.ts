// Editor settings (section `specwright`), turned from untrusted JSON into typed values.
import { getRule } from '../service/rules/registry';
import { DISTRO_IDS, SEVERITIES, type DistroId, type SeverityOrOff } from '../service/types';

export const SETTINGS_SECTION = 'specwright';

export interface Settings {
  distro: DistroId;
  rules: Record<string, SeverityOrOff>;
  /** `specwright.inlayHints.macroExpansion`: show what directory macros expand to. */
  inlayMacroExpansion: boolean;
  /** `specwright.dimInactiveBranches`: grey out %if arms that are false on the profile. */
  dimInactiveBranches: boolean;
}

export const DEFAULT_SETTINGS: Settings = { distro: 'fedora', rules: {}, inlayMacroExpansion: false, dimInactiveBranches: false };

/** Total: invalid values fall back to defaults; unknown rule ids and levels are reported in `problems`. */
export function normaliseSettings(raw: unknown): { settings: Settings; problems: string[] } {
  const problems: string[] = [];
  const settings: Settings = { ...DEFAULT_SETTINGS, rules: {} };
  if (typeof raw !== 'object' || raw === null) return { settings, problems };
  const obj = raw as Record<string, unknown>;
  if (typeof obj.distro === 'string') {
    if ((DISTRO_IDS as readonly string[]).includes(obj.distro)) settings.distro = obj.distro as DistroId;
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
  return { settings, problems };
}

/** initializationOptions may hold the settings directly or under `specwright`. */
export function settingsFromInitializationOptions(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return undefined;
  const obj = options as Record<string, unknown>;
  return SETTINGS_SECTION in obj ? obj[SETTINGS_SECTION] : obj;
}
