import type { OffsetEdit } from '../../types';
import { BUILD_SECTION_KINDS } from '../../shell/specShell';
import { defineSpecRule } from '../types';

interface Use {
  start: number;
  end: number;
  form: 'macro' | 'variable';
}

/**
 * `$RPM_BUILD_ROOT` and `%{buildroot}` name the same directory; using both in one spec is a
 * style inconsistency. Each use of the less common form is reported, with a fix to the other
 * (unsafe: inside single quotes the shell variable is not expanded but the macro is).
 */
export default defineSpecRule({
  id: 'mixed-buildroot-macros',
  category: 'style',
  defaultSeverity: 'information',
  description: 'Both $RPM_BUILD_ROOT and %{buildroot} are used: pick one',
  fixSafety: 'unsafe',
  messages: {
    mixed: '{{written}} is mixed with {{other}} in this spec ({{macros}} × %{buildroot}, {{vars}} × $RPM_BUILD_ROOT): use one form',
  },
  check(ctx) {
    const { doc } = ctx;
    const uses: Use[] = [];
    const inShell = (offset: number) => {
      const line = doc.lines.lineOf(offset);
      const s = doc.sections[doc.lineSection[line]];
      return !!s && BUILD_SECTION_KINDS.includes(s.kind) && doc.lineKinds[line] !== 'comment' && doc.lineKinds[line] !== 'definition' && doc.lineKinds[line] !== 'definition-continuation';
    };
    for (const r of doc.macroReferences) {
      if (r.name !== 'buildroot' || (r.form !== 'plain' && r.form !== 'braced') || r.argument) continue;
      if (inShell(r.start)) uses.push({ start: r.start, end: r.end, form: 'macro' });
    }
    const re = /\$(?:RPM_BUILD_ROOT(?![A-Za-z0-9_])|\{RPM_BUILD_ROOT\})/g;
    for (const s of doc.sections) {
      if (!BUILD_SECTION_KINDS.includes(s.kind)) continue;
      re.lastIndex = s.body.start;
      const body = doc.text.slice(0, s.body.end);
      let m: RegExpExecArray | null;
      while ((m = re.exec(body))) if (inShell(m.index)) uses.push({ start: m.index, end: m.index + m[0].length, form: 'variable' });
    }
    const macros = uses.filter((u) => u.form === 'macro').length;
    const vars = uses.length - macros;
    if (macros === 0 || vars === 0) return;
    const minority: Use['form'] = vars < macros ? 'variable' : macros < vars ? 'macro' : 'variable';
    const replacement = minority === 'variable' ? '%{buildroot}' : '$RPM_BUILD_ROOT';
    const other = minority === 'variable' ? '%{buildroot}' : '$RPM_BUILD_ROOT';
    // One finding per spec, on the first use of the less common form; its fix rewrites them all.
    const minorityUses = uses.filter((u) => u.form === minority).sort((a, b) => a.start - b.start);
    const edits: OffsetEdit[] = minorityUses.map((u) => {
      // `${RPM_BUILD_ROOT}` followed by a name character must keep its braces.
      const next = doc.text[u.end] ?? '';
      const newText = replacement === '$RPM_BUILD_ROOT' && /[A-Za-z0-9_]/.test(next) ? '${RPM_BUILD_ROOT}' : replacement;
      return { start: u.start, end: u.end, newText };
    });
    const first = minorityUses[0];
    const written = doc.text.slice(first.start, first.end);
    ctx.report({
      start: first.start,
      end: first.end,
      messageId: 'mixed', data: { written, other, macros, vars },
      fixes: [{ title: `Replace every ${minority === 'variable' ? '$RPM_BUILD_ROOT' : '%{buildroot}'} with ${replacement}`, edits }],
    });
  },
});
