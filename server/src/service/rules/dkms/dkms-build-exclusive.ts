import {
  NEWEST_SERIES, SAMPLE_ARCHES, SAMPLE_KERNELS, compileEre, configContradictions, configNonOptions, dkmsVer, ereMatches, literalXWildcards, numberRangeClasses,
} from '../../dkms/buildExclusive';
import type { DkmsAssignment, DkmsValue } from '../../dkms/ast';
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

/** The BUILD_EXCLUSIVE_* settings: dkms reads each as one value for the whole package. */
const PACKAGE_WIDE = new Set(['BUILD_EXCLUSIVE_KERNEL', 'BUILD_EXCLUSIVE_KERNEL_MIN', 'BUILD_EXCLUSIVE_KERNEL_MAX', 'BUILD_EXCLUSIVE_ARCH', 'BUILD_EXCLUSIVE_CONFIG']);

/** `NAME[1]=`, `NAME[$i]=`: an element dkms never reads (only `$NAME`, element 0, is read). */
function unreadElement(a: DkmsAssignment): boolean {
  return a.indexText !== undefined && a.index !== 0;
}

function list(items: readonly string[], max = 4): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, …` : items.join(', ');
}

export default defineDkmsRule({
  id: 'dkms-build-exclusive',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A BUILD_EXCLUSIVE_* setting that excludes kernels it did not mean to (invalid pattern, [18-19] ranges, literal .x, no 7.x kernel, contradictions, CONFIG words that are not option names, per-module [i] entries dkms never reads)',
  fixSafety: 'none',
  messages: {
    bracketExpression: '{{text}} is a bracket expression: it matches one character ({{members}}), not the numbers {{range}}. Write the numbers out as alternatives, for example (1[0-9])',
    backwardsRange: "{{text}} is a bracket expression with a backwards range, which bash cannot compile: dkms's [[ $kernelver =~ … ]] fails and dkms treats every kernel as excluded, so the module is never built. Write the alternatives out, for example (18|19)",
    bashCannotCompilePattern: 'bash cannot compile this pattern ({{reason}}): dkms treats every {{what}} as excluded, so the module is never built',
    matchesLetterXKernel: '"{{text}}" matches the letter x (kernel releases have numbers there): dkms reads BUILD_EXCLUSIVE_KERNEL as a regular expression, so write \\.[0-9]+ or leave the rest of the version out (the pattern is not anchored at the end)',
    matchesNoneSampleKernel: '"{{pattern}}" matches none of the sample kernel releases ({{length}} from {{first}} to {{last}}): dkms skips every such kernel, so the module is never built',
    matchesButNoXKernel: '"{{pattern}}" matches {{list}} but no {{newestSeries}}x kernel ({{newest}}): dkms silently skips current kernels (exit 77, autoinstall moves on), so the module disappears after a kernel update. Use BUILD_EXCLUSIVE_KERNEL_MIN (dkms ≥ 3.0.11) for a lower bound instead of listing major versions',
    matchesNoneMachine: '"{{pattern}}" matches none of the machine names dkms compares with ({{arches}}): dkms uses uname -m style names, not Debian\'s amd64/arm64',
    maxBelowMin: 'BUILD_EXCLUSIVE_KERNEL_MAX "{{text}}" is below BUILD_EXCLUSIVE_KERNEL_MIN "{{min}}": dkms 3.0.11 and later exclude every kernel (older dkms ignores both)',
    elementNeverRead: '{{name}}[{{index}}] is never read: dkms reads {{name}} as one setting for the whole package (the shell variable, which is element [0]), so this entry restricts neither module {{index}} nor anything else (checked with dkms 3.0.10; per-module BUILD_EXCLUSIVE arrays were proposed upstream but are in no release up to 3.2.2). A module that needs its own kernel range belongs in a dkms package of its own',
    elementZeroWholePackage: '{{name}}[0] is the same as {{name}} for dkms: it applies to the whole package ({{modules}}), not only to module 0, and BUILD_EXCLUSIVE_* entries with other indexes are never read (checked with dkms 3.0.10; per-module BUILD_EXCLUSIVE arrays were proposed upstream but are in no release up to 3.2.2). Write {{name}} without an index if the whole package is meant',
    configNotAnOption: "BUILD_EXCLUSIVE_CONFIG lists {{word}}, which is not a kernel option name (CONFIG_ followed by letters, digits and _): dkms looks for a line {{word}}=y or {{word}}=m in the kernel's configuration, never finds one, and excludes every kernel whose configuration it can read. Write the option as {{suggestion}}",
    configNegationNoEffect: "BUILD_EXCLUSIVE_CONFIG lists {{word}}, but {{bare}} is not a kernel option name (CONFIG_ followed by letters, digits and _): dkms looks for a line {{bare}}=y or {{bare}}=m in the kernel's configuration, never finds one, so this entry excludes no kernel. Write it as {{suggestion}}",
    contradictoryConfig: "BUILD_EXCLUSIVE_CONFIG lists both {{c}} and !{{c}}: no kernel configuration satisfies both, so dkms (when it can read the kernel's configuration) excludes every kernel",
  },
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
      if (unreadElement(a)) continue;
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
            ...(compiled.ok ? { messageId: 'bracketExpression', data: { text: r.text, members: classMembers(chars.replace(/^\^/, '')).join(', '), range: chars.replace(/^\^/, '').replace('-', ' to ') } } : { messageId: 'backwardsRange', data: { text: r.text } }),
          });
        }
        if (!compiled.ok && ranges.length === 0) {
          ctx.report({ start: v.start, end: v.end, messageId: 'bashCannotCompilePattern', data: { reason: compiled.reason, what: kernel ? 'kernel' : 'arch' } });
          continue;
        }
        if (!compiled.ok) continue;
        if (kernel) {
          for (const x of literalXWildcards(pattern)) {
            ctx.report({
              ...offsetIn(v, x.index, x.text.length),
              messageId: 'matchesLetterXKernel', data: { text: x.text },
            });
          }
          // Inside an `if`, a pattern that matches nothing is the usual way to exclude on purpose.
          if (a.conditional) continue;
          const accepted = SAMPLE_KERNELS.filter((k) => ereMatches(compiled, k));
          if (accepted.length === 0) {
            if (literalXWildcards(pattern).length > 0 || ranges.length > 0) continue;
            ctx.report({ start: v.start, end: v.end, messageId: 'matchesNoneSampleKernel', data: { pattern, length: SAMPLE_KERNELS.length, first: SAMPLE_KERNELS[0], last: SAMPLE_KERNELS[SAMPLE_KERNELS.length - 1] } });
          } else {
            const newest = SAMPLE_KERNELS.filter((k) => k.startsWith(NEWEST_SERIES));
            // Reported when the pattern lets the newest 6.x through (it means "current kernels")
            // but no 7.x; a pattern that stops earlier is a deliberate cap (a backport for old kernels).
            const last6 = [...SAMPLE_KERNELS].reverse().find((k) => k.startsWith('6.'))!;
            if (ereMatches(compiled, last6) && newest.every((k) => !ereMatches(compiled, k))) {
              ctx.report({
                start: v.start,
                end: v.end,
                messageId: 'matchesButNoXKernel', data: { pattern, list: list(accepted), newestSeries: NEWEST_SERIES, newest: newest.join(', ') },
              });
            }
          }
        } else {
          const accepted = SAMPLE_ARCHES.filter((k) => ereMatches(compiled, k));
          if (accepted.length === 0 && /amd64|arm64|x86-64|ppc64el|armhf/.test(pattern)) {
            ctx.report({ start: v.start, end: v.end, messageId: 'matchesNoneMachine', data: { pattern, arches: SAMPLE_ARCHES.join(', ') } });
          }
        }
      }
    }
    const min = scalar('BUILD_EXCLUSIVE_KERNEL_MIN');
    const max = scalar('BUILD_EXCLUSIVE_KERNEL_MAX');
    if (min && max && min.v.text && max.v.text && dkmsVer(min.v.text) > dkmsVer(max.v.text)) {
      ctx.report({ start: max.v.start, end: max.v.end, messageId: 'maxBelowMin', data: { text: max.v.text, min: min.v.text } });
    }
    for (const a of doc.assignments) {
      if (a.name !== 'BUILD_EXCLUSIVE_CONFIG' || unreadElement(a)) continue;
      for (const v of a.values) {
        if (isDynamicValue(doc, v)) continue;
        for (const c of configContradictions(v.text)) {
          ctx.report({ start: v.start, end: v.end, messageId: 'contradictoryConfig', data: { c } });
        }
        for (const { word, index } of configNonOptions(v.text)) {
          const bare = word.replace(/^!/, '').replace(/=.*$/, '');
          const option = /^CONFIG_/.test(bare) ? bare : `CONFIG_${bare}`;
          const span = offsetIn(v, index, word.length);
          if (word.startsWith('!')) ctx.report({ ...span, messageId: 'configNegationNoEffect', data: { word, bare: word.slice(1), suggestion: `!${option}` } });
          else ctx.report({ ...span, messageId: 'configNotAnOption', data: { word, suggestion: option } });
        }
      }
    }
    // Per-module BUILD_EXCLUSIVE_*[i]: dkms has none (an upstream attempt was reverted before 3.2.2)
    const indexed = doc.assignments.filter((a) => PACKAGE_WIDE.has(a.name) && a.indexText !== undefined && !a.isArray);
    const records = new Set(doc.assignments.filter((a) => (a.name === 'BUILT_MODULE_NAME' || a.name === 'DEST_MODULE_LOCATION') && a.index !== undefined).map((a) => a.index)).size;
    for (const a of indexed) {
      if (a.index === undefined) continue; // an index only the shell knows
      const span = { start: a.nameSpan.start, end: a.indexSpan ? a.indexSpan.end + 1 : a.nameSpan.end };
      if (a.index > 0) {
        ctx.report({ ...span, messageId: 'elementNeverRead', data: { name: a.name, index: a.index } });
      } else if (indexed.some((b) => b.index !== undefined && b.index !== 0)) {
        ctx.report({ ...span, messageId: 'elementZeroWholePackage', data: { name: a.name, modules: records > 1 ? `all ${records} modules` : 'every module' } });
      }
    }
  },
});
