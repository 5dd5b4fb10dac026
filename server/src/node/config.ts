// The project configuration file, `specwright.json`, found by walking up from the linted file:
//   { "distro": "fedora" | "fedora-44" | "rhel-9" | …,
//     "rules": { "rule-id": "off" | "hint" | "information" | "warning" | "error" },
//     "format": { "mode": "full", "tagValueColumn": 16, "indentConditionals": false, "indentWidth": 2 },
//     "macroFiles": ["macros.myproject"], "define": { "name": "value" } }
// Macro files are read (never executed) relative to the folder of specwright.json.
import path from 'node:path';
import { getRule, ALL_RULES } from '../service/rules/registry';
import { SEVERITIES, type SeverityOrOff } from '../service/types';
import type { FormatOptions } from '../service/features/format';
import { PROFILE_NAMES } from '../service/catalog/releases';
import { isProfileName, makeProfile, parseDefine, parseMacroFile, type Profile, type UserMacro } from '../service/catalog/profile';
import { FsCache } from './fsCache';
import { didYouMean } from './suggest';

export const CONFIG_FILE_NAME = 'specwright.json';

export interface ProjectConfig {
  /** Profile name: a family (`fedora`) or a release (`fedora-44`, `rhel-9`, `opensuse-leap-15.6`…). */
  distro?: string;
  rules: Record<string, SeverityOrOff>;
  /** Macro files, relative to the folder of specwright.json, in load order. */
  macroFiles?: string[];
  /** Macros defined by the project (after the macro files, as rpm's --define). */
  define?: Record<string, string>;
  /** The project's macros read from macroFiles and define (filled by findProjectConfig). */
  macros?: UserMacro[];
  /** Formatter settings (the same keys as `specwright.format.*`); they win over editor settings and lose to CLI options. */
  format?: Partial<FormatOptions>;
}

const PROPERTIES = ['distro', 'rules', 'format', 'macroFiles', 'define'];
const FORMAT_KEYS = ['mode', 'tagValueColumn', 'indentConditionals', 'indentWidth'];

/** The valid settings of a `format` object; each invalid one is a problem. */
function parseFormatConfig(value: unknown, fail: (msg: string) => void): Partial<FormatOptions> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail('"format" must be an object like { "mode": "full", "tagValueColumn": 16, "indentConditionals": false, "indentWidth": 2 }');
    return undefined;
  }
  const out: Partial<FormatOptions> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const bad = (expected: string) => fail(`"format"."${key}" must be ${expected}, not ${JSON.stringify(v)}`);
    if (key === 'mode') {
      if (v === 'full' || v === 'minimal') out.mode = v;
      else bad('"full" or "minimal"');
    } else if (key === 'tagValueColumn') {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 80) out.tagValueColumn = v;
      else bad('a whole number from 0 to 80');
    } else if (key === 'indentConditionals') {
      if (typeof v === 'boolean') out.indentConditionals = v;
      else bad('true or false');
    } else if (key === 'indentWidth') {
      if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 8) out.indentWidth = v;
      else bad('a whole number from 1 to 8');
    } else fail(`"format": unknown setting "${key}" (expected ${FORMAT_KEYS.join(', ')})${didYouMean(key, FORMAT_KEYS)}`);
  }
  return out;
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
      if (typeof value === 'string' && isProfileName(value)) config.distro = value.trim().toLowerCase();
      else fail(`"distro" must be one of ${PROFILE_NAMES.join(', ')}, not ${JSON.stringify(value)}${typeof value === 'string' ? didYouMean(value, PROFILE_NAMES) : ''}`);
    } else if (key === 'macroFiles') {
      if (Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '')) config.macroFiles = value as string[];
      else fail('"macroFiles" must be a list of macro file paths relative to specwright.json, e.g. ["macros.myproject"]');
    } else if (key === 'define') {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        fail('"define" must be an object mapping macro names to values, e.g. { "_myprefix": "/opt/my" }');
        continue;
      }
      config.define = {};
      for (const [name, body] of Object.entries(value as Record<string, unknown>)) {
        if (!/^%?[A-Za-z_]\w*(\([^)]*\))?$/.test(name)) fail(`"define"."${name}": not a macro name (letters, digits and _, not starting with a digit)`);
        else if (typeof body !== 'string') fail(`"define"."${name}": the value must be a string, not ${JSON.stringify(body)}`);
        else config.define[name.replace(/^%/, '')] = body;
      }
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
    } else if (key === 'format') {
      const format = parseFormatConfig(value, fail);
      if (format) config.format = format;
    } else {
      fail(`unknown property "${key}" (expected "distro", "rules", "format", "macroFiles" or "define")${didYouMean(key, PROPERTIES)}`);
    }
  }
  return { file, config, errors };
}

/**
 * The project's macros: each macro file (relative to the config's folder) in order, then "define".
 * Unreadable files and lines that are not definitions become errors naming the file.
 */
export function loadProjectMacros(config: ProjectConfig, configFile: string, cache: FsCache): { macros: UserMacro[]; errors: string[] } {
  const macros: UserMacro[] = [];
  const errors: string[] = [];
  const dir = path.dirname(configFile);
  for (const rel of config.macroFiles ?? []) {
    const file = path.resolve(dir, rel);
    const r = cache.read(file);
    if (!r.ok) {
      errors.push(`${configFile}: "macroFiles": cannot read ${rel}: ${r.message}`);
      continue;
    }
    const parsed = parseMacroFile(r.text, rel);
    macros.push(...parsed.macros);
    for (const p of parsed.problems) errors.push(`${configFile}: "macroFiles": ${p}`);
  }
  for (const [name, body] of Object.entries(config.define ?? {})) {
    const m = parseDefine(`${name} ${body}`, `${path.basename(configFile)} "define"`);
    if (m) macros.push(m);
  }
  return { macros, errors };
}

/**
 * The profile a file is read with (CLI lint and query): an explicit name (--distro) wins over the
 * config's, plus the project's macros and extra defines. (In the editor it is the other way round:
 * specwright.json's distro wins over the specwright.distro setting; serverCore/context.ts.)
 */
export function projectProfile(config: ProjectConfig | undefined, name: string | undefined, fallback: string, extra: readonly UserMacro[] = []): Profile {
  return makeProfile(name ?? config?.distro ?? fallback, [...(config?.macros ?? []), ...extra]);
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
  const dir = path.dirname(path.resolve(file));
  // Once per folder and cache: every spec of a folder has the same one.
  return cache.derived('specwright.json', dir, () => searchProjectConfig(dir, cache));
}

function searchProjectConfig(start: string, cache: FsCache): LoadedConfig | undefined {
  let dir = start;
  for (;;) {
    if (cache.hasFile(dir, CONFIG_FILE_NAME)) {
      const configFile = path.join(dir, CONFIG_FILE_NAME);
      const r = cache.read(configFile);
      if (!r.ok) return { file: configFile, config: { rules: {} }, errors: [`${configFile}: ${r.message}`] };
      const loaded = parseProjectConfig(r.text, configFile);
      if (loaded.config.macroFiles || loaded.config.define) {
        const { macros, errors } = loadProjectMacros(loaded.config, configFile, cache);
        loaded.config.macros = macros;
        loaded.errors.push(...errors);
      }
      return loaded;
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
