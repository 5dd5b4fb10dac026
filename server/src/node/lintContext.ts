// Everything the file system adds to a lint run of one file: project config, related files
// and rpmlint filters. Shared by the CLI and the language server.
import type { RelatedDocument } from '../service/rules/types';
import type { LanguageId } from '../service/types';
import { findProjectConfig, type LoadedConfig } from './config';
import { FsCache } from './fsCache';
import { findRelatedDocuments } from './related';
import { findRpmlintFilters } from './rpmlintrc';

export interface FileLintContext {
  config?: LoadedConfig;
  related: RelatedDocument[];
  rpmlintFilters: string[];
}

export interface FileLintContextOptions {
  cache?: FsCache;
  overlay?: (uri: string) => string | undefined;
}

export function loadFileLintContext(file: string, languageId: LanguageId, options: FileLintContextOptions = {}): FileLintContext {
  const cache = options.cache ?? new FsCache();
  return {
    config: findProjectConfig(file, cache),
    related: findRelatedDocuments(file, languageId, { cache, overlay: options.overlay }),
    rpmlintFilters: languageId === 'rpm-spec' ? findRpmlintFilters(file, cache) : [],
  };
}
