import { scriptletMatches } from '../../shell/specShell';
import { defineSpecRule } from '../types';

/** `dkms status` whose output goes into a pipe or a command substitution (up to the end of either). */
const PARSED = /\$\(\s*(?:[^\s()|;&]*\/)?dkms\s+status\b[^)\n]*\)|`\s*(?:[^\s`|;&]*\/)?dkms\s+status\b[^`\n]*`|(?:[^\s()|;&`]*\/)?\bdkms\s+status\b[^|\n;&)`]*\|(?!\|)[^\n;&)`]*/g;
/**
 * What depends on the format: field extraction (awk, cut, sed), the separator between name and
 * version (", " in dkms 2.x, "/" since 3.0), the state words. A plain test for the module's name
 * (`grep -c foo`, `[ "$(dkms status …)" ]`) reads the same on every version.
 */
const FORMAT_DEPENDENT = /\b(?:awk|cut|sed)\b|,\s|[\w}]\/[%$\w{]|\b(?:installed|built|added|broken)\b/;

export default defineSpecRule({
  id: 'dkms-status-parsing',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A scriptlet extracts fields or states from `dkms status` output, whose format changed between dkms versions',
  fixSafety: 'none',
  messages: {
    parsesStatus: 'This scriptlet parses `dkms status` output, whose format changed between dkms versions ("name, version, kernel, arch: installed" in dkms 2.x, "name/version, kernel, arch: installed" since 3.0, with more states and warnings since), so the test silently goes wrong on another dkms. Let dkms decide instead: `dkms add` exits 3 when the module is already added and `dkms install` builds what is missing, so `dkms add … || :` and `dkms install … || :` need no status check',
  },
  requires: ['status'],
  check(ctx) {
    for (const { match, start, end } of scriptletMatches(ctx.doc, PARSED)) {
      const parsed = match[0];
      if (!parsed.includes('|') || !FORMAT_DEPENDENT.test(parsed.slice(parsed.indexOf('|')))) continue;
      ctx.report({
        start,
        end,
        messageId: 'parsesStatus',
      });
    }
  },
});
