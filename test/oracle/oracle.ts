// Loads the rpm oracle (scripts/oracle/*.mjs, plain ESM shared with `npm run oracle`) from the
// compiled tests, with the types the tests use.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface RpmDependency {
  name: string;
  op?: string;
  version?: string;
  when?: string[];
  rpmAdded?: boolean;
  interpreter?: boolean;
}

export interface RpmPackage {
  name: string;
  summary: string | null;
  requires: RpmDependency[];
  provides: RpmDependency[];
  conflicts?: RpmDependency[];
  obsoletes?: RpmDependency[];
  hasFiles: boolean;
  files: string | null;
  scriptlets: Record<string, { body: string | null; program: unknown }>;
}

export interface RpmView {
  ok: boolean;
  error?: string;
  stderr?: string;
  /** rpm's `warning:` and `error:` lines when it accepted the spec. */
  messages?: string[];
  name: string;
  epoch: string | null;
  version: string;
  release: string;
  sources: { kind: string; number: number; file: string }[];
  sections: string[];
  sectionBodies: Record<'prep' | 'build' | 'install' | 'check' | 'clean', string | null>;
  buildRequires: RpmDependency[];
  packages: RpmPackage[];
  changelog: { time: number; name: string; text: string }[];
}

export interface RpmModule {
  rpmAvailability(): { ok: true; rpmVersion: string } | { ok: false; reason: string };
  rpmView(text: string, options?: { fileName?: string; defines?: Record<string, string>; timeoutMs?: number }): Promise<RpmView>;
  rpmViews(items: { file: string }[], options?: { jobs?: number }): Promise<RpmView[]>;
  rpmTool(tool: string, args: string[], text: string, options?: { fileName?: string; then?: string; timeoutMs?: number }): Promise<{ status: number | null; stdout: string; stderr: string }>;
}

export interface FieldTotals { compared: number; equal: number; certainWrong: number; uncertainWrong: number }

export interface CompareModule {
  FIELDS: string[];
  queryAvailability(repo: string): { ok: boolean; reason?: string };
  specwrightQuery(repo: string, files: string[]): Map<string, unknown>;
  aggregate(rows: { file: string; rpm: RpmView; ours: unknown }[]): { totals: Record<string, FieldTotals>; certainWrong: { file: string; field: string; rpm: unknown; ours: unknown }[]; missing: string[] };
}

export interface CorporaModule {
  sharedCorpusSpecs(): string[] | null;
  fedoraSample(options?: { step?: number; count?: number; quiet?: boolean }): string[] | null;
  fedoraSpecsDir: { reason?: string };
}

/** The repository root (the folder with scripts/oracle), from out/test/oracle or test/oracle. */
export function repoRoot(): string {
  let dir = __dirname;
  for (let k = 0; k < 6; k++) {
    if (fs.existsSync(path.join(dir, 'scripts', 'oracle', 'rpm.mjs'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

async function load<T>(...parts: string[]): Promise<T> {
  return (await import(pathToFileURL(path.join(repoRoot(), ...parts)).href)) as T;
}

export const loadRpm = () => load<RpmModule>('scripts', 'oracle', 'rpm.mjs');
export const loadCompare = () => load<CompareModule>('scripts', 'oracle', 'compare.mjs');
export const loadCorpora = () => load<CorporaModule>('scripts', 'corpora.mjs');
