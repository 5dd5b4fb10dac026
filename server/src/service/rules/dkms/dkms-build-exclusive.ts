import {
  NEWEST_SERIES, SAMPLE_ARCHES, SAMPLE_KERNELS, compileEre, configContradictions, dkmsVer, ereMatches, literalXWildcards, numberRangeClasses,
} from '../../dkms/buildExclusive';
import type { DkmsValue } from '../../dkms/ast';
import { defineDkmsRule } from '../types';
import { isDynamicValue } from './_util';

/** Offset in the document of an index into a value's unquoted text (exact when the value has no escapes). */
function offsetIn(v: DkmsValue, index: number, length: number): { start: number; end: number } {
  const inner = v.raw.indexOf(v.text);
  if (inner < 0 || v.text.length === 0) return { start: v.start, end: v.end };
  return { start: v.start + inner + index, end: v.start + inner + index + length };
}

/** The characters a simple bracket expression of digits and ranges matches (`[10-19]` → 0, 1, 9). */
function classMembers(body: string): string[] {
  const set = new Set<string>();
  for (let i = 0; i < body.length; i++) {
    if (body[i + 1] === '-' && i + 2 < body.length) {
      for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) set.add(String.fromCharCode(c));
      i += 2;
    } else set.add(body[i]);
  }
  return [...set].sort();
}

function list(items: readonly string[], max = 4): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ');
}

export default defineDkmsRule({
  id: 'dkms-build-exclusive',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A BUILD_EXCLUSIVE_* setting that excludes kernels it did not mean to (invalid pattern, [18-19] ranges, literal .x, no 7.x kernel, contradictions)',
  fixSafety: 'none',
  requires: ['BUILD_EXCLUSIVE_'],
  check(ctx) {
    const doc = ctx.doc;
    const scalar = (name: string) => {
      const a = doc.assignments.filter((x) => x.name === name && !x.isArray && x.values.length === 1 && (x.indexText === undefined || x.index === 0)).pop();
      const v = a?.values[0];
      return v && !isDynamicValue(doc, v) ? { a, v } : undefined;
    };
    for (const a of doc.assignments) {
      if (a.name !== 'BUILD_EXCLUSIVE_KERNEL' && a.name !== 'BUILD_EXCLUSIVE_ARCH') continue;
      const kernel = a.name === 'BUILD_EXCLUSIVE_KERNEL';
      for (const v of a.values) {
        if (isDynamicValue(doc, v) || v.text === '') continue;
        const pattern = v.text;
        const compiled = compileEre(pattern);
        const ranges = numberRangeClasses(pattern);
        for (const r of ranges) {
          const chars = r.text.slice(1, -1);
          ctx.report({
            ...offsetIn(v, r.index, r.text.length),
            message: compiled.ok
              ? `${r.text} is a bracket expression: it matches one character (${classMembers(chars.replace(/^\^/, '')).join(', ')}), not the numbers ${chars.replace(/^\^/, '').replace('-', ' to ')}. Write the numbers out as alternatives, for example (1[0-9])`
              : `${r.text} is a bracket expression with a backwards range, which bash cannot compile: dkms's [[ $kernelver =~ … ]] fails and dkms treats every kernel as excluded, so the module is never built. Write the alternatives out, for example (18|19)`,
          });
        }
        if (!compiled.ok && ranges.length === 0) {
          ctx.report({ start: v.start, end: v.end, message: `bash cannot compile this pattern (${compiled.reason}): dkms treats every ${kernel ? 'kernel' : 'arch'} as excluded, so the module is never built` });
          continue;
        }
        if (!compiled.ok) continue;
        if (kernel) {
          for (const x of literalXWildcards(pattern)) {
            ctx.report({
              ...offsetIn(v, x.index, x.text.length),
              message: `"${x.text}" matches the letter x (kernel releases have numbers there): dkms reads BUILD_EXCLUSIVE_KERNEL as a regular expression, so write \\.[0-9]+ or leave the rest of the version out (the pattern is not anchored at the end)`,
            });
          }
          // Inside an `if`, a pattern that matches nothing is the usual way to exclude on purpose.
          if (a.conditional) continue;
          const accepted = SAMPLE_KERNELS.filter((k) => ereMatches(compiled, k));
          if (accepted.length === 0) {
            if (literalXWildcards(pattern).length > 0 || ranges.length > 0) continue;
            ctx.report({ start: v.start, end: v.end, message: `"${pattern}" matches none of the sample kernel releases (${SAMPLE_KERNELS.length} from ${SAMPLE_KERNELS[0]} to ${SAMPLE_KERNELS[SAMPLE_KERNELS.length - 1]}): dkms skips every such kernel, so the module is never built` });
          } else {
            const newest = SAMPLE_KERNELS.filter((k) => k.startsWith(NEWEST_SERIES));
            // Reported when the pattern lets the newest 6.x through (it means "current kernels")
            // but no 7.x; a pattern that stops earlier is a deliberate cap (a backport for old kernels).
            const last6 = [...SAMPLE_KERNELS].reverse().find((k) => k.startsWith('6.'))!;
            if (ereMatches(compiled, last6) && newest.every((k) => !ereMatches(compiled, k))) {
              ctx.report({
                start: v.start,
                end: v.end,
                message: `"${pattern}" matches ${list(accepted)} but no ${NEWEST_SERIES}x kernel (${newest.join(', ')}): dkms silently skips current kernels (exit 77, autoinstall moves on), so the module disappears after a kernel update. Use BUILD_EXCLUSIVE_KERNEL_MIN (dkms ≥ 3.0.11) for a lower bound instead of listing major versions`,
              });
            }
          }
        } else {
          const accepted = SAMPLE_ARCHES.filter((k) => ereMatches(compiled, k));
          if (accepted.length === 0 && /amd64|arm64|x86-64|ppc64el|armhf/.test(pattern)) {
            ctx.report({ start: v.start, end: v.end, message: `"${pattern}" matches none of the machine names dkms compares with (${SAMPLE_ARCHES.join(', ')}): dkms uses uname -m style names, not Debian's amd64/arm64` });
          }
        }
      }
    }
    const min = scalar('BUILD_EXCLUSIVE_KERNEL_MIN');
    const max = scalar('BUILD_EXCLUSIVE_KERNEL_MAX');
    if (min && max && min.v.text && max.v.text && dkmsVer(min.v.text) > dkmsVer(max.v.text)) {
      ctx.report({ start: max.v.start, end: max.v.end, message: `BUILD_EXCLUSIVE_KERNEL_MAX "${max.v.text}" is below BUILD_EXCLUSIVE_KERNEL_MIN "${min.v.text}": dkms 3.0.11 and later exclude every kernel (older dkms ignores both)` });
    }
    for (const a of doc.assignments) {
      if (a.name !== 'BUILD_EXCLUSIVE_CONFIG') continue;
      for (const v of a.values) {
        if (isDynamicValue(doc, v)) continue;
        for (const c of configContradictions(v.text)) {
          ctx.report({ start: v.start, end: v.end, message: `BUILD_EXCLUSIVE_CONFIG lists both ${c} and !${c}: no kernel configuration satisfies both, so dkms (when it can read the kernel's configuration) excludes every kernel` });
        }
      }
    }
  },
});
