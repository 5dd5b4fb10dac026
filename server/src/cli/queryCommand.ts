// `specwright query`: the static, safe counterpart of `rpmspec -q`. Reads each spec with the
// definition model on one profile and prints what rpm would read: JSON (one array, one object
// per spec) or one NAME-[EPOCH:]VERSION-RELEASE line per package. Never runs spec code.
import path from 'node:path';
import { URI } from 'vscode-uri';
import { createLanguageService } from '../service/languageService';
import { queryNevrs, type SpecQuery } from '../service/specfile/rpmQuery';
import { projectProfile } from '../node/config';
import { FsCache } from '../node/fsCache';
import { loadFileLintContext } from '../node/lintContext';
import { readTextFile } from '../node/readText';
import { collectTargets } from './files';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io';

export interface QueryCommandOptions {
  format: 'json' | 'text';
  distro?: string;
  /** `--define 'NAME VALUE'`, in order. */
  defines: [string, string][];
  paths: string[];
}

export function runQuery(options: QueryCommandOptions, io: CliIo): number {
  const { targets, missing } = collectTargets(options.paths);
  const failures: { file: string; message: string }[] = missing.map((file) => ({ file, message: 'no such file or directory' }));
  const service = createLanguageService();
  const cache = new FsCache();
  const results: ({ file: string } & SpecQuery)[] = [];
  for (const target of targets) {
    if (target.languageId !== 'rpm-spec') continue;
    const read = readTextFile(target.file);
    if (!read.ok) {
      failures.push({ file: target.file, message: read.message });
      continue;
    }
    const distro = projectProfile(loadFileLintContext(target.file, 'rpm-spec', { cache }).config?.config, options.distro, 'fedora');
    const uri = URI.file(path.resolve(target.file)).toString();
    results.push({ file: target.file, ...service.query({ uri, languageId: 'rpm-spec', version: 1, text: read.text }, distro, options.defines) });
    service.forget(uri);
  }
  if (options.format === 'json') io.stdout(JSON.stringify(results, null, 2) + '\n');
  else for (const r of results) for (const line of queryNevrs(r)) io.stdout(line + '\n');
  for (const f of failures) io.stderr(`${f.file}: error: ${f.message}\n`);
  if (targets.length === 0 && missing.length === 0) io.stderr('specwright: no *.spec or *.spec.in files found\n');
  return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
