// Compares the catalog with a macro table in the format of shared/reference/rpm-macros.tsv:
// name, kind, generic, fedora, rhel, opensuse, mageia, note. A cell is
//   `-`          the macro must be undefined on that profile;
//   `same`       as the generic cell;
//   trailing `?` unverified, still checked;
//   `%other`     (a lone macro reference) defined; when `other` is not the macro itself the
//                catalog must point at it (seeAlso / preferInstead);
//   text with `…` the pieces around the ellipsis must occur, in order, in the value/definition;
//   descriptive text (usage forms of built-ins and %files directives, `builtin`, `deprecated`,
//                `-j<ncpus>`, …) only says the macro is defined;
//   anything else the exact raw definition or the exact expanded value.
import type { DistroId } from '../../server/src/service/index';
import { isMacroDefined, macroDefinition, macroValue, type MacroInfo } from '../../server/src/service/catalog/index';
import { findRelease, type Release } from '../../server/src/service/catalog/releases';

export const TABLE_PROFILES: readonly DistroId[] = ['generic', 'fedora', 'rhel', 'opensuse', 'mageia'];

/** The release each column of shared/reference/rpm-macros.tsv describes (its README). */
export const TABLE_RELEASES: Readonly<Record<DistroId, Release>> = {
  generic: findRelease('generic')!,
  fedora: findRelease('fedora-43')!,
  rhel: findRelease('rhel-9')!,
  opensuse: findRelease('opensuse-tumbleweed')!,
  mageia: findRelease('mageia-10')!,
};

/**
 * Cells of the reference table Specwright deliberately disagrees with, the value it has instead
 * and why; the catalog must hold the corrected value (checked like any other cell).
 */
export const TABLE_CORRECTIONS: Readonly<Record<string, { cell: string; why: string }>> = {
  'python3_version [mageia]': { cell: '3.13', why: 'Mageia 10 ships Python 3.13 (blog.mageia.org, 2026-01-07: no move to 3.14; the table has the earlier 3.12)' },
  'python3_sitelib [mageia]': { cell: '/usr/lib/python3.13/site-packages', why: 'follows %python3_version' },
  'python3_sitearch [mageia]': { cell: '/usr/lib64/python3.13/site-packages', why: 'follows %python3_version' },
};

export interface TableRow {
  name: string;
  kind: string;
  cells: Record<DistroId, string>;
}

export function parseMacroTable(tsv: string): TableRow[] {
  const lines = tsv.split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const header = lines[0].split('\t');
  const col = (n: string) => {
    const i = header.indexOf(n);
    if (i < 0) throw new Error(`table has no column ${n}`);
    return i;
  };
  return lines.slice(1).map((line) => {
    const f = line.split('\t');
    const cells = {} as Record<DistroId, string>;
    for (const p of TABLE_PROFILES) cells[p] = (f[col(p)] ?? '').trim();
    return { name: f[col('name')].trim(), kind: f[col('kind')].trim(), cells };
  });
}

const DESCRIPTIVE_KINDS = new Set(['builtin', 'files']);
const DESCRIPTIVE_WORDS = new Set(['builtin', 'builtin macro', 'deprecated', 'old form', 'distro CFLAGS', './configure with dirs', '(build host)']);

function isDescriptive(cell: string, kind: string): boolean {
  return DESCRIPTIVE_KINDS.has(kind) || DESCRIPTIVE_WORDS.has(cell) || /[<≥]|^per flavor|^\(empty/.test(cell);
}

/** Returns one message per disagreement (empty: the catalog agrees with the table). */
export function compareWithTable(rows: TableRow[], lookup: (name: string) => MacroInfo | undefined, corrections: Readonly<Record<string, { cell: string }>> = {}): string[] {
  const problems: string[] = [];
  for (const row of rows) {
    const info = lookup(row.name);
    if (!info) {
      problems.push(`${row.name}: missing from the catalog`);
      continue;
    }
    for (const p of TABLE_PROFILES) {
      let cell = row.cells[p];
      if (cell === 'same') cell = row.cells.generic;
      cell = cell.replace(/\?$/, '');
      const where = `${row.name} [${p}]`;
      if (corrections[where]) cell = corrections[where].cell;
      const release = TABLE_RELEASES[p];
      const defined = isMacroDefined(info.name, release);
      if (cell === '-' || cell === '') {
        if (defined) problems.push(`${where}: table says undefined, catalog defines it`);
        continue;
      }
      if (!defined) {
        problems.push(`${where}: table says "${cell}", catalog has it undefined`);
        continue;
      }
      const def = macroDefinition(info.name, release);
      const value = macroValue(info.name, release);
      const ref = /^%([A-Za-z_]\w*)$/.exec(cell);
      if (ref || cell === row.name) {
        const other = ref ? ref[1] : row.name;
        if (other !== row.name) {
          const pointers = [...info.seeAlso, ...info.preferInstead.map((x) => x.macro), def ?? ''];
          if (!pointers.some((x) => x === other || x.includes(`%${other}`) || x.includes(`%{${other}`))) {
            problems.push(`${where}: table points at %${other}, catalog does not mention it`);
          }
        }
        continue;
      }
      if (isDescriptive(cell, row.kind)) continue;
      if (cell.includes('…')) {
        const pieces = cell.split('…').map((x) => x.trim()).filter(Boolean);
        const ok = [def, value].some((text) => {
          if (text === undefined) return false;
          let at = 0;
          for (const piece of pieces) {
            const found = text.indexOf(piece, at);
            if (found < 0) return false;
            at = found + piece.length;
          }
          return true;
        });
        if (!ok) problems.push(`${where}: table "${cell}" does not match catalog value "${value ?? def ?? '(none)'}"`);
        continue;
      }
      if (cell !== def && cell !== value) {
        problems.push(`${where}: table "${cell}", catalog definition "${def ?? '(none)'}", value "${value ?? '(none)'}"`);
      }
    }
  }
  return problems;
}
