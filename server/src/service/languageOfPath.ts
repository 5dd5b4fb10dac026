// Which language a file is, from its path alone. The one place that knows the file names: the
// CLI (named files and the folder walk), the server (documents the client did not label) and
// the workspace scan all call languageOfPath. Pure: looks at the name only, never at the disk.
import { isDkmsConfName } from './dkms/fileNames';
import type { LanguageId } from './types';

/** The file name part of a path (either separator). */
export function baseName(path: string): string {
  return path.replace(/^.*[\\/]/, '');
}

/**
 * Language of a file from its name, or undefined for a name Specwright does not claim:
 * - rpm-spec: `*.spec`, templates `*.spec.in`, CMake spec templates `*.spec.cmake`, `*.spec-in.cmake`;
 * - dkms-conf: `dkms.conf`, `*.dkms.conf`, `dkms-*.conf`, their templates (`dkms.conf.in`, `.tmpl`,
 *   `.template`, `.cmake`) and Debian's `debian/*.dkms` (see dkms/fileNames).
 */
export function languageOfPath(path: string): LanguageId | undefined {
  const base = baseName(path);
  if (isDkmsConfName(path)) return 'dkms-conf';
  if (/\.spec(?:\.in|\.cmake)?$/i.test(base) || /\.spec-in\.cmake$/i.test(base)) return 'rpm-spec';
  return undefined;
}
