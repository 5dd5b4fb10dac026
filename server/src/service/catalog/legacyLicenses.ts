// Fedora's legacy licence abbreviations ("Callaway names", used in License: before 2023) and the
// SPDX ids they stand for.
//
// Source of every entry: the Fedora Legal team's fedora-license-data
// (https://gitlab.com/fedora/legal/fedora-license-data), one TOML file per SPDX expression under
// data/, whose [fedora] table lists the legacy abbreviations that mean it (`abbreviation`, later
// renamed `legacy-abbreviation`). Read 2026-12-07 from the copy in github.com/maxhbr/LDBcollector
// (data/*.toml); `file` below names the TOML file of each SPDX id. An abbreviation listed by more
// than one file is ambiguous: Fedora used it for several licences, and only the licence text tells
// which one applies. Such entries list every candidate that was checked, and the fix offers each of
// them instead of picking one.
//
// Legacy names that are SPDX ids as well (`MIT`, `ISC`, `OpenSSL`, `EPL-1.0`) are not listed: the
// expression keeps them as written. (Fedora's data also lists `MIT` for MIT-CMU and other
// variants; the SPDX id `MIT` is the licence Fedora called "MIT: Modern Style with sublicense".)
// Abbreviations with an unnamed exception (`GPLv2+ with exceptions`) have no SPDX form without
// reading the source, and are not listed either.

export interface LegacyLicense {
  /** The legacy abbreviation, as written in License:. */
  legacy: string;
  /** SPDX ids it may mean: one when Fedora's data maps it to one licence, else the candidates. */
  spdx: readonly string[];
  /** fedora-license-data files (data/<file>) that list the abbreviation, one per SPDX id. */
  files: readonly string[];
}

const entry = (legacy: string, ...spdx: string[]): LegacyLicense => ({ legacy, spdx, files: spdx.map((id) => `data/${id}.toml`) });

export const LEGACY_LICENSES: readonly LegacyLicense[] = [
  // GNU licences (data/GPL-*.toml, LGPL-*.toml, AGPL-*.toml).
  entry('GPL+', 'GPL-1.0-or-later'),
  entry('GPLv2', 'GPL-2.0-only'),
  entry('GPLv2+', 'GPL-2.0-or-later'),
  entry('GPLv3', 'GPL-3.0-only'),
  entry('GPLv3+', 'GPL-3.0-or-later'),
  // "GNU Lesser General Public License v2 (or 2.1)": both LGPL-2.0-* and LGPL-2.1-* list it.
  entry('LGPLv2', 'LGPL-2.1-only', 'LGPL-2.0-only'),
  entry('LGPLv2+', 'LGPL-2.1-or-later', 'LGPL-2.0-or-later'),
  entry('LGPLv3', 'LGPL-3.0-only'),
  entry('LGPLv3+', 'LGPL-3.0-or-later'),
  entry('AGPLv3', 'AGPL-3.0-only'),
  entry('AGPLv3+', 'AGPL-3.0-or-later'),
  // Apache, Mozilla (data/Apache-*.toml, MPL-*.toml).
  entry('ASL 2.0', 'Apache-2.0'),
  entry('ASL 1.1', 'Apache-1.1'),
  entry('ASL 1.0', 'Apache-1.0'),
  entry('MPLv2.0', 'MPL-2.0'),
  entry('MPLv1.1', 'MPL-1.1'),
  entry('MPLv1.0', 'MPL-1.0'),
  // BSD family (data/BSD-*.toml): "BSD" is listed by BSD-2-Clause.toml and BSD-3-Clause.toml.
  entry('BSD', 'BSD-3-Clause', 'BSD-2-Clause'),
  entry('BSD with advertising', 'BSD-4-Clause'),
  // Others (data/<id>.toml).
  entry('Boost', 'BSL-1.0'),
  entry('zlib', 'Zlib'),
  entry('Artistic 2.0', 'Artistic-2.0'),
  entry('Artistic', 'Artistic-1.0-Perl'),
  entry('CC0', 'CC0-1.0'),
  entry('OFL', 'OFL-1.1'),
  // "PHP License v3.0": listed by PHP-3.01.toml and PHP-3.0.toml.
  entry('PHP', 'PHP-3.01', 'PHP-3.0'),
];

const BY_NAME = new Map(LEGACY_LICENSES.map((l) => [l.legacy, l]));

/** The table's entry for a legacy abbreviation (exact spelling), or undefined. */
export function legacyLicense(name: string): LegacyLicense | undefined {
  return BY_NAME.get(name);
}
