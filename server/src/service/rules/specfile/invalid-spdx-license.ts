import parse from 'spdx-expression-parse';
import deprecatedIds from 'spdx-license-ids/deprecated.json';
import currentIds from 'spdx-license-ids/index.json';
import { legacyLicense } from '../../catalog/legacyLicenses';
import type { DistroId } from '../../types';
import { defineSpecRule } from '../types';

/** Profiles whose guidelines require SPDX expressions in License:. RHEL 8/9 and Mageia still use other names. */
const SPDX_PROFILES: readonly DistroId[] = ['fedora', 'opensuse', 'generic'];

/** Deprecated SPDX ids with an exact current equivalent. */
function currentIdFor(id: string): string | undefined {
  const m = /^((?:A|L)?GPL|GFDL)-(\d\.\d)(\+?)$/.exec(id);
  if (m) return `${m[1]}-${m[2]}-${m[3] ? 'or-later' : 'only'}`;
  return undefined;
}

const DEPRECATED = new Set<string>(deprecatedIds as string[]);

function tryParse(text: string): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

const KNOWN_LOWER = new Map<string, string>([...(currentIds as string[]), ...(deprecatedIds as string[])].map((id) => [id.toLowerCase(), id]));

/**
 * True when the expression is SPDX apart from things an outdated id list or the case of an id
 * explain: ids matched case-insensitively (SPDX ids are case-insensitive) and unknown ids that
 * look like SPDX ids (`HPND-Intel`, newer than the installed list). Such expressions are not reported.
 */
function plausiblySpdx(value: string): boolean {
  const tokens = value.split(/(\s+|\(|\))/).filter((t) => t.trim() !== '');
  let afterWith = false;
  const rebuilt = tokens.map((t) => {
    if (t === '(' || t === ')') return t;
    if (/^(?:and|or|with)$/i.test(t)) {
      afterWith = /^with$/i.test(t);
      return ` ${t.toUpperCase()} `;
    }
    const wasWith = afterWith;
    afterWith = false;
    if (/^(?:LicenseRef|DocumentRef)-[A-Za-z0-9.-]+$/.test(t)) return t;
    const plus = t.endsWith('+') ? '+' : '';
    const base = plus ? t.slice(0, -1) : t;
    const known = KNOWN_LOWER.get(base.toLowerCase());
    if (known && !wasWith) return known + plus;
    if (legacyLicense(t) !== undefined || /^(?:A|L)?GPLv|^ASL|^MPLv/i.test(t)) return '\u0000';
    // Looks like an SPDX id or exception the installed list does not know yet.
    if (/^[A-Za-z][A-Za-z0-9.]*-[A-Za-z0-9.-]*[A-Za-z0-9]$/.test(base)) return wasWith ? 'Classpath-exception-2.0' : 'MIT' + plus;
    return '\u0000';
  });
  if (rebuilt.includes('\u0000')) return false;
  return tryParse(rebuilt.join('').replace(/\s+/g, ' ').trim());
}

/** At most this many SPDX forms are offered for one value (ambiguous names multiply them). */
const MAX_CHOICES = 4;

/** The SPDX forms of a legacy value, and the ambiguous legacy names behind several of them. */
interface Translation {
  /** One string when every legacy name has one meaning; several when some are ambiguous. */
  choices: string[];
  /** Legacy names Fedora used for several licences, with their candidates. */
  ambiguous: { legacy: string; spdx: readonly string[] }[];
}

/**
 * Splits `A and B or (C)` into license names and operators, keeping the operators and brackets as
 * written, and maps each legacy name with the table in catalog/legacyLicenses.ts. Names that are
 * SPDX ids already stay; any other name leaves the value without a translation.
 */
function translateLegacy(value: string): Translation | undefined {
  const parts = value.split(/(\s+(?:and|or|AND|OR)\s+|\(|\))/);
  let changed = false;
  const ambiguous = new Map<string, readonly string[]>();
  const template: (string | { legacy: string; raw: string })[] = [];
  for (const p of parts) {
    if (/^\s+(?:and|or|AND|OR)\s+$/.test(p)) {
      template.push(` ${p.trim().toUpperCase()} `);
      continue;
    }
    if (p === '(' || p === ')' || p.trim() === '') {
      template.push(p);
      continue;
    }
    const key = p.trim();
    const entry = legacyLicense(key);
    if (entry) {
      changed = true;
      if (entry.spdx.length > 1) ambiguous.set(key, entry.spdx);
      template.push({ legacy: key, raw: p });
    } else if (tryParse(key)) template.push(p);
    else return undefined;
  }
  if (!changed) return undefined;
  const names = [...ambiguous.keys()];
  let count = 1;
  for (const n of names) count *= ambiguous.get(n)!.length;
  if (count > MAX_CHOICES) return { choices: [], ambiguous: names.map((legacy) => ({ legacy, spdx: ambiguous.get(legacy)! })) };
  const choices: string[] = [];
  for (let k = 0; k < count; k++) {
    // The k-th combination of the ambiguous names' candidates (one choice per distinct name).
    const pick = new Map<string, string>();
    let rest = k;
    for (const n of names) {
      const options = ambiguous.get(n)!;
      pick.set(n, options[rest % options.length]);
      rest = Math.floor(rest / options.length);
    }
    const text = template.map((t) => (typeof t === 'string' ? t : t.raw.replace(t.legacy, pick.get(t.legacy) ?? legacyLicense(t.legacy)!.spdx[0]))).join('');
    if (tryParse(text)) choices.push(text);
  }
  if (choices.length === 0) return undefined;
  return { choices, ambiguous: names.map((legacy) => ({ legacy, spdx: ambiguous.get(legacy)! })) };
}

/** All license ids of a parsed expression. */
function idsOf(node: parse.Info, out: { license: string; plus: boolean }[] = []): { license: string; plus: boolean }[] {
  if ('license' in node) out.push({ license: node.license, plus: !!node.plus });
  else {
    idsOf(node.left, out);
    idsOf(node.right, out);
  }
  return out;
}

/** What the License value is, which depends on the text alone. */
type LicenseAnalysis = { info: parse.Info } | { info: undefined; plausible: true } | { info: undefined; plausible: false; translation: Translation | undefined };

// License texts repeat across specs and across edits of one spec, and the SPDX parser reports
// invalid input by throwing (slow): remember the answers, boundedly.
const analyses = new Map<string, LicenseAnalysis>();
const MAX_ANALYSES = 4096;

function analyse(value: string): LicenseAnalysis {
  const hit = analyses.get(value);
  if (hit) return hit;
  let result: LicenseAnalysis;
  let info: parse.Info | undefined;
  try {
    info = parse(value);
  } catch {
    info = undefined;
  }
  if (info) result = { info };
  else if (plausiblySpdx(value)) result = { info: undefined, plausible: true };
  else result = { info: undefined, plausible: false, translation: translateLegacy(value) };
  if (analyses.size >= MAX_ANALYSES) analyses.clear();
  analyses.set(value, result);
  return result;
}

export default defineSpecRule({
  id: 'invalid-spdx-license',
  category: 'correctness',
  defaultSeverity: 'warning',
  description: 'License: is not a valid SPDX expression (Fedora, openSUSE and generic profiles)',
  fixSafety: 'unsafe',
  messages: {
    deprecatedIds: 'License uses deprecated SPDX identifier{{plural}} {{names}}{{fix}}',
    invalid: '"{{value}}" is not a valid SPDX license expression (see https://spdx.org/licenses/)',
    invalidLegacy: '"{{value}}" is not a valid SPDX license expression: in SPDX it is {{spdx}} (Fedora\'s legacy-abbreviation data)',
    invalidAmbiguous: '"{{value}}" is not a valid SPDX license expression: Fedora used a legacy name here for several licences ({{which}}); the licence text tells which applies',
    invalidTooMany: '"{{value}}" is not a valid SPDX license expression: Fedora used the legacy names here for several licences each ({{which}}); too many combinations to offer',
  },
  check(ctx) {
    if (!SPDX_PROFILES.includes(ctx.distro)) return;
    const { doc } = ctx;
    for (const tag of doc.tags) {
      if (tag.key !== 'license') continue;
      const { start, end } = tag.valueSpan;
      const raw = doc.text.slice(start, end);
      const value = raw.trim();
      if (value === '' || value.includes('%') || /@[A-Za-z_][A-Za-z0-9_]*@/.test(value)) continue;
      const valueStart = start + raw.indexOf(value);
      const valueEnd = valueStart + value.length;
      const analysis = analyse(value);
      const info = analysis.info;
      if (info) {
        // Valid, but deprecated ids (`GPL-2.0+`) are reported on Fedora and generic; openSUSE still accepts them.
        if (ctx.distro === 'opensuse') continue;
        const deprecated = idsOf(info).filter((x) => DEPRECATED.has(x.license) || (x.plus && /^(?:A|L)?GPL-|^GFDL-/.test(x.license)));
        if (deprecated.length === 0) continue;
        let fixed = value;
        let fixable = true;
        for (const d of deprecated) {
          const written = d.license + (d.plus ? '+' : '');
          const current = currentIdFor(written);
          if (!current) fixable = false;
          else fixed = fixed.replace(new RegExp(`(^|[\\s(])${written.replace(/[.+]/g, '\\$&')}(?=$|[\\s)])`), `$1${current}`);
        }
        const names = deprecated.map((d) => d.license + (d.plus ? '+' : '')).join(', ');
        ctx.report({
          start: valueStart,
          end: valueEnd,
          messageId: 'deprecatedIds', data: { plural: deprecated.length > 1 ? 's' : '', names, fix: fixable ? `: write ${fixed}` : '' },
          fixes: fixable && fixed !== value ? [{ title: `Replace with ${fixed}`, safety: 'safe', edits: [{ start: valueStart, end: valueEnd, newText: fixed }] }] : [],
        });
        continue;
      }
      if (!('plausible' in analysis) || analysis.plausible) continue;
      const translation = analysis.translation;
      const fixes: { title: string; safety: 'unsafe'; edits: { start: number; end: number; newText: string }[] }[] = [];
      let report: { messageId: 'invalid' } | { messageId: 'invalidLegacy'; data: { spdx: string } } | { messageId: 'invalidAmbiguous' | 'invalidTooMany'; data: { which: string } };
      if (!translation) report = { messageId: 'invalid' };
      else {
        const which = translation.ambiguous.map((a) => `"${a.legacy}" may be ${a.spdx.join(' or ')}`).join('; ');
        if (translation.ambiguous.length === 0) report = { messageId: 'invalidLegacy', data: { spdx: translation.choices[0] } };
        else if (translation.choices.length > 0) report = { messageId: 'invalidAmbiguous', data: { which } };
        else report = { messageId: 'invalidTooMany', data: { which } };
        for (const choice of translation.choices) fixes.push({ title: `Replace with ${choice}`, safety: 'unsafe', edits: [{ start: valueStart, end: valueEnd, newText: choice }] });
      }
      ctx.report({ start: valueStart, end: valueEnd, ...report, data: { value, ...('data' in report ? report.data : {}) }, fixes });
    }
  },
});
