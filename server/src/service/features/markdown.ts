// Small markdown helpers shared by hover and completion documentation.
import { PROFILES, lookupMacro, type MacroInfo } from '../catalog/index';
import type { DistroId } from '../types';

/** Inline code that survives backticks in the text. */
export function code(text: string): string {
  if (text === '') return '*(empty)*';
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Plain catalog text inside Markdown: `<lua>` would be read as an HTML tag and dropped by the
 * renderer ("e.g. or /sbin/ldconfig"), so angle brackets are escaped.
 */
export function plain(text: string): string {
  // Odd parts are inside `code` spans, where the renderer shows `<` as it is.
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** A cell of a markdown table. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function truncate(text: string, max = 120): string {
  const one = text.replace(/\s*\\?\r?\n\s*/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

export const DISTRO_LABEL: Record<DistroId, string> = { fedora: 'Fedora', rhel: 'RHEL', opensuse: 'openSUSE', mageia: 'Mageia', generic: 'generic rpm' };

/** What a catalog macro becomes on a profile, as one line of text. */
export function macroExpansionText(info: MacroInfo, distro: DistroId): string {
  const v = info.values[distro];
  if (v !== undefined) return v;
  if (!info.definedOn.includes(distro)) return `not defined on ${DISTRO_LABEL[distro]}`;
  const def = info.definitions[distro];
  if (def !== undefined) return def;
  return info.valueless ?? 'no static value';
}

/** The per-profile values of a catalog macro as a markdown table (rows that say something). */
export function valuesTable(info: MacroInfo, active: DistroId): string {
  const rows: string[] = [];
  for (const p of PROFILES) {
    const v = info.values[p] ?? info.definitions[p];
    let shown: string;
    if (v !== undefined) shown = code(truncate(v, 80));
    else if (info.definedOn.includes(p)) shown = info.valueless ? `*${info.valueless}*` : '*defined*';
    else shown = '*undefined*';
    const name = p === active ? `**${DISTRO_LABEL[p]}**` : DISTRO_LABEL[p];
    rows.push(`| ${name} | ${cell(shown)} |`);
  }
  // A table where every profile says the same thing is noise.
  const uniq = new Set(rows.map((r) => r.replace(/^\| [^|]*\|/, '')));
  if (uniq.size === 1 && (info.values[active] !== undefined || info.valueless)) return '';
  return ['| Profile | Value |', '|---|---|', ...rows].join('\n');
}

/** Catalog documentation of a macro: description, usage, options, values, advice. */
export function macroDocumentation(info: MacroInfo, active: DistroId, options: { table?: boolean } = {}): string {
  const parts: string[] = [];
  parts.push(info.description);
  if (info.usage) parts.push(`Usage: ${code(info.usage)}`);
  if (info.options.length > 0) parts.push(info.options.map((o) => `- ${code(o.argument ? `${o.name} ${o.argument}` : o.name)}: ${o.description}`).join('\n'));
  if (options.table !== false) {
    const table = valuesTable(info, active);
    if (table) parts.push(table);
    else if (info.values[active] !== undefined) parts.push('*Same value on every profile.*');
  }
  const advice = info.preferInstead.filter((p) => !p.distros || p.distros.includes(active));
  for (const p of info.preferInstead) {
    const where = p.distros ? p.distros.map((d) => DISTRO_LABEL[d]).join(', ') : 'everywhere';
    const mark = advice.includes(p) ? '**Prefer**' : 'Prefer';
    const on = p.distros && !p.distros.includes(active) ? p.distros[0] : active;
    const value = lookupMacro(p.macro)?.values[on];
    parts.push(`${mark} ${code(`%{${p.macro}}`)} (${where}): ${p.reason}${value ? ` — ${code(value)} on ${DISTRO_LABEL[on]}` : ''}`);
  }
  if (info.deprecated) parts.push(`*Deprecated:* ${info.deprecated}`);
  if (info.since) parts.push(`*Since rpm ${info.since}.*`);
  if (info.source) parts.push(`*Source: ${info.source}.*`);
  return parts.join('\n\n');
}
