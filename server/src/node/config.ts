// The project configuration file, `specwright.json`, found by walking up from the linted file:
//   { "distro": "fedora", "rules": { "rule-id": "off" | "hint" | "information" | "warning" | "error" } }
import path from 'node:path';
import { getRule, ALL_RULES } from '../service/rules/registry';
import { DISTRO_IDS, SEVERITIES, type DistroId, type SeverityOrOff } from '../service/types';
import { FsCache } from './fsCache';
import { didYouMean } from './suggest';

export const CONFIG_FILE_NAME = 'specwright.json';

export interface ProjectConfig {
  distro?: DistroId;
  rules: Record<string, SeverityOrOff>;
}

export interface LoadedConfig {
  /** Absolute path of the file. */
  file: string;
  /** The valid part of the file (invalid entries are left out). */
  config: ProjectConfig;
  /** Problems found, each a full sentence naming the file; empty when the file is valid. */
  errors: string[];
}

/** Checks untrusted JSON text; never throws. */
export function parseProjectConfig(text: string, file: string): LoadedConfig {
  const config: ProjectConfig = { rules: {} };
  const errors: string[] = [];
  const fail = (msg: string) => errors.push(`${file}: ${msg}`);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    fail(`invalid JSON: ${(e as Error).message}`);
    return { file, config, errors };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail('expected a JSON object like { "distro": "fedora", "rules": { "rule-id": "off" } }');
    return { file, config, errors };
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '$schema') continue;
    if (key === 'distro') {
      if (typeof value === 'string' && (DISTRO_IDS as readonly string[]).includes(value)) config.distro = value as DistroId;
      else fail(`"distro" must be one of ${DISTRO_IDS.join(', ')}, not ${JSON.stringify(value)}${typeof value === 'string' ? didYouMean(value, DISTRO_IDS) : ''}`);
    } else if (key === 'rules') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('"rules" must be an object mapping rule ids to off, hint, information, warning or error');
        continue;
      }
      for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
        const problem = checkRuleSetting(id, level);
        if (problem) fail(`"rules"."${id}": ${problem}`);
        else config.rules[id] = level as SeverityOrOff;
      }
    } else {
      fail(`unknown property "${key}" (expected "distro" or "rules")${didYouMean(key, ['distro', 'rules'])}`);
    }
  }
  return { file, config, errors };
}

/** Why a rule id / level pair is invalid, or undefined when it is valid. */
export function checkRuleSetting(id: string, level: unknown): string | undefined {
  if (!getRule(id)) return `unknown rule${didYouMean(id, ALL_RULES.map((r) => r.id))}`;
  if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) {
    const hint = typeof level === 'string' ? didYouMean(level, SEVERITIES) : '';
    return `level must be one of ${SEVERITIES.join(', ')}, not ${JSON.stringify(level)}${hint}`;
  }
  return undefined;
}

/** The nearest specwright.json in the file's folder or above it, or undefined. */
export function findProjectConfig(file: string, cache: FsCache = new FsCache()): LoadedConfig | undefined {
  let dir = path.dirname(path.resolve(file));
  for (;;) {
    if (cache.hasFile(dir, CONFIG_FILE_NAME)) {
      const configFile = path.join(dir, CONFIG_FILE_NAME);
      const r = cache.read(configFile);
      if (!r.ok) return { file: configFile, config: { rules: {} }, errors: [`${configFile}: ${r.message}`] };
      return parseProjectConfig(r.text, configFile);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
