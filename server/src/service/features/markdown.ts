// Small markdown helpers shared by hover and completion documentation.
import { PROFILES, isMacroDefined, lookupMacro, macroDefinition, macroValue, type MacroInfo } from '../catalog/index';
import { NEWEST, RELEASES, type Release } from '../catalog/releases';
import type { DistroId } from '../types';
import { profileOf, type ProfileLike } from '../catalog/profile';

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

/** Label of a profile for messages: `Fedora 44`, `EL 9`, `Tumbleweed`. */
export function profileLabel(p: ProfileLike): string {
  return profileOf(p).release.short;
}

/** What a catalog macro becomes on a profile, as one line of text. */
export function macroExpansionText(info: MacroInfo, active: ProfileLike): string {
  const release = profileOf(active).release;
  const v = macroValue(info.name, release);
  if (v !== undefined) return v;
  if (!isMacroDefined(info.name, release)) return `not defined on ${release.short}`;
  const def = macroDefinition(info.name, release);
  if (def !== undefined) return def;
  return info.valueless ?? 'no static value';
}

/** The value of a catalog macro on one release, as a table cell. */
function shownValue(info: MacroInfo, release: Release): string {
  const v = macroValue(info.name, release) ?? macroDefinition(info.name, release);
  if (v !== undefined) return code(truncate(v, 80));
  if (isMacroDefined(info.name, release)) return info.valueless ? `*${info.valueless}*` : '*defined*';
  return '*undefined*';
}

/**
 * The per-profile values of a catalog macro as a markdown table (rows that say something): one
 * row per family (its newest release), or one per release when releases differ (%dist, %fedora,
 * %python3_version…).
 */
export function valuesTable(info: MacroInfo, activeLike: ProfileLike): string {
  const active = profileOf(activeLike).release;
  const perRelease = RELEASES.some((r) => Object.prototype.hasOwnProperty.call(r.macros, info.name));
  const shown = perRelease ? RELEASES.filter((r) => r.maintained || r === active) : PROFILES.map((p) => NEWEST[p]);
  const rows: string[] = [];
  for (const r of shown) {
    const label = perRelease ? r.short : DISTRO_LABEL[r.family];
    const bold = perRelease ? r === active : r.family === active.family;
    rows.push(`| ${bold ? `**${label}**` : label} | ${cell(shownValue(info, r))} |`);
  }
  // A table where every profile says the same thing is noise.
  const uniq = new Set(rows.map((r) => r.replace(/^\| [^|]*\|/, '')));
  if (uniq.size === 1 && (macroValue(info.name, active) !== undefined || info.valueless)) return '';
  return [`| ${perRelease ? 'Release' : 'Profile'} | Value |`, '|---|---|', ...rows].join('\n');
}

/** Catalog documentation of a macro: description, usage, options, values, advice. */
export function macroDocumentation(info: MacroInfo, activeLike: ProfileLike, options: { table?: boolean } = {}): string {
  const activeRelease = profileOf(activeLike).release;
  const active = activeRelease.family;
  const parts: string[] = [];
  parts.push(info.description);
  if (info.usage) parts.push(`Usage: ${code(info.usage)}`);
  if (info.options.length > 0) parts.push(info.options.map((o) => `- ${code(o.argument ? `${o.name} ${o.argument}` : o.name)}: ${o.description}`).join('\n'));
  if (options.table !== false) {
    const table = valuesTable(info, activeRelease);
    if (table) parts.push(table);
    else if (macroValue(info.name, activeRelease) !== undefined) parts.push('*Same value on every profile.*');
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
