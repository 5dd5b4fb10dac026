import parse from 'spdx-expression-parse';
import deprecatedIds from 'spdx-license-ids/deprecated.json';
import currentIds from 'spdx-license-ids/index.json';
import type { DistroId } from '../../types';
import { defineSpecRule } from '../types';

/** Profiles whose guidelines require SPDX expressions in License:. RHEL 8/9 and Mageia still use other names. */
const SPDX_PROFILES: readonly DistroId[] = ['fedora', 'opensuse', 'generic'];

/** Old Fedora short names with one unambiguous SPDX meaning. Ambiguous ones (BSD, GPL+, LGPLv2+) are left out. */
const LEGACY: Record<string, string> = {
  'GPLv2': 'GPL-2.0-only', 'GPLv2+': 'GPL-2.0-or-later', 'GPLv3': 'GPL-3.0-only', 'GPLv3+': 'GPL-3.0-or-later',
  'LGPLv2.1': 'LGPL-2.1-only', 'LGPLv2.1+': 'LGPL-2.1-or-later', 'LGPLv3': 'LGPL-3.0-only', 'LGPLv3+': 'LGPL-3.0-or-later',
  'AGPLv3': 'AGPL-3.0-only', 'AGPLv3+': 'AGPL-3.0-or-later', 'ASL 2.0': 'Apache-2.0', 'ASL 1.1': 'Apache-1.1',
  'ASL 1.0': 'Apache-1.0', 'MPLv2.0': 'MPL-2.0', 'MPLv1.1': 'MPL-1.1', 'MPLv1.0': 'MPL-1.0', 'Boost': 'BSL-1.0',
  'zlib': 'Zlib', 'Artistic 2.0': 'Artistic-2.0', 'CC0': 'CC0-1.0', 'OFL': 'OFL-1.1', 'PHP': 'PHP-3.01',
  'EPL': 'EPL-1.0',
};

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
    if (LEGACY[t] !== undefined || /^(?:A|L)?GPLv|^ASL|^MPLv/i.test(t)) return '\u0000';
    // Looks like an SPDX id or exception the installed list does not know yet.
    if (/^[A-Za-z][A-Za-z0-9.]*-[A-Za-z0-9.-]*[A-Za-z0-9]$/.test(base)) return wasWith ? 'Classpath-exception-2.0' : 'MIT' + plus;
    return '\u0000';
  });
  if (rebuilt.includes('\u0000')) return false;
  return tryParse(rebuilt.join('').replace(/\s+/g, ' ').trim());
}

/** Splits `A and B or (C)` into license names and operators, keeping the operators and brackets as written. */
function translateLegacy(value: string): string | undefined {
  const parts = value.split(/(\s+(?:and|or|AND|OR)\s+|\(|\))/);
  let changed = false;
  const out = parts.map((p) => {
    if (/^\s+(?:and|or|AND|OR)\s+$/.test(p)) return ` ${p.trim().toUpperCase()} `;
    if (p === '(' || p === ')' || p.trim() === '') return p;
    const key = p.trim();
    const mapped = LEGACY[key];
    if (mapped) {
      changed = changed || mapped !== key;
      return p.replace(key, mapped);
    }
    return tryParse(key) ? p : '\u0000';
  });
  if (!changed || out.includes('\u0000')) return undefined;
  const result = out.join('');
  return tryParse(result) ? result : undefined;
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
type LicenseAnalysis = { info: parse.Info } | { info: undefined; plausible: true } | { info: undefined; plausible: false; suggestion: string | undefined };

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
  else result = { info: undefined, plausible: false, suggestion: translateLegacy(value) };
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
          message: `License uses deprecated SPDX identifier${deprecated.length > 1 ? 's' : ''} ${names}${fixable ? `: write ${fixed}` : ''}`,
          fixes: fixable && fixed !== value ? [{ title: `Replace with ${fixed}`, safety: 'safe', edits: [{ start: valueStart, end: valueEnd, newText: fixed }] }] : [],
        });
        continue;
      }
      if (!('plausible' in analysis) || analysis.plausible) continue;
      const suggestion = analysis.suggestion;
      ctx.report({
        start: valueStart,
        end: valueEnd,
        message: `"${value}" is not a valid SPDX license expression${suggestion ? `: the SPDX form is probably ${suggestion}` : ' (see https://spdx.org/licenses/)'}`,
        fixes: suggestion ? [{ title: `Replace with ${suggestion}`, safety: 'unsafe', edits: [{ start: valueStart, end: valueEnd, newText: suggestion }] }] : [],
      });
    }
  },
});
