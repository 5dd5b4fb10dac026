import { deleteLines } from '../../specfile/edits';
import { scopeOf } from '../../specfile/macroScope';
import { defineSpecRule, type ReportFix } from '../types';

/**
 * Sections rpm reads at most once per package: a second one makes rpmbuild refuse the spec
 * (rpm 4.18: `error: line N: second %build`, `Second %preun`, `%package foo: package … already
 * exists`). A second %files, %description or trigger is accepted by rpm and not reported here;
 * a second %changelog has its own rule.
 */
/** Build sections that rpm ≥ 4.20 lets appear again with `-a` (append) or `-p` (prepend). */
const APPENDABLE = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean']);
const ONCE = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean', 'scriptlet', 'package']);

export default defineSpecRule({
  id: 'spec-duplicate-section',
  category: 'syntax',
  defaultSeverity: 'error',
  description: 'A section rpm allows once per package appears twice: rpmbuild refuses the spec',
  fixSafety: 'unsafe',
  messages: {
    duplicatePackage: '{{label}} declares a package a second time (first on line {{firstLine}}): rpmbuild refuses the spec ("package … already exists")',
    duplicateSection: 'A second {{label}} for the same package (the first is on line {{firstLine}}): rpmbuild refuses the spec ("second %{{name}}")',
  },
  check(ctx) {
    const { doc } = ctx;
    doc.sections.forEach((s, k) => {
      if (s.duplicateOf === undefined || !ONCE.has(s.kind)) return;
      const appends = (t: typeof s) => APPENDABLE.has(t.kind) && t.options.some((o) => o.flag === '-a' || o.flag === '-p');
      if (appends(s)) return;
      const key = (t: typeof s) => `${t.kind}\u0000${t.name.toLowerCase()}\u0000${t.nameOption ?? t.target ?? ''}`;
      // The first one may sit in an arm that is false on the profile (a SUSE-only %preun before
      // a Fedora-only one): then only an earlier live one on the same path, or outside any %if, counts.
      let first = doc.sections[s.duplicateOf];
      const scope = scopeOf(doc, ctx.profile);
      if (appends(first) || scope.lineCondition(first.headerLine).dead) {
        const live = doc.sections.slice(0, k).find((t) => key(t) === key(s) && !appends(t) && !scope.lineCondition(t.headerLine).dead
          && (t.conditionalPath === 0 || t.conditionalPath === s.conditionalPath));
        if (live === undefined) return;
        first = live;
      }
      const firstIndex = doc.sections.indexOf(first);
      const label = s.kind === 'package' ? `%package ${s.args.trim()}` : `%${s.name}`;
      let empty = true;
      for (let l = s.headerLine + 1; l <= s.endLine; l++) if (doc.lineKinds[l] !== 'blank') empty = false;
      const fixes: ReportFix[] = [];
      if (empty) {
        fixes.push({ title: `Remove the empty second ${label}`, safety: 'safe', edits: [deleteLines(doc, s.headerLine, s.endLine)] });
      } else if (s.kind !== 'package') {
        if (firstIndex === k - 1) {
          // The first one ends where this one starts: dropping the header merges the bodies.
          fixes.push({ title: `Merge into the ${label} above`, safety: 'unsafe', edits: [deleteLines(doc, s.headerLine)] });
        } else {
          const { lines } = doc;
          const bodyText = doc.text.slice(lines.lineStarts[s.headerLine + 1], lines.lineEndWithBreak(s.endLine));
          const at = lines.lineEndWithBreak(first.endLine);
          const sep = at > 0 && doc.text[at - 1] !== '\n' ? '\n' : '';
          fixes.push({
            title: `Move its body to the end of the first ${label} (line ${first.headerLine + 1})`,
            safety: 'unsafe',
            edits: [
              { start: at, end: at, newText: sep + (bodyText.endsWith('\n') ? bodyText : `${bodyText}\n`) },
              deleteLines(doc, s.headerLine, s.endLine),
            ],
          });
        }
      }
      ctx.report({
        start: s.keywordSpan.start,
        end: s.header.end,
        ...(s.kind === 'package' ? { messageId: 'duplicatePackage', data: { label, firstLine: first.headerLine + 1 } } : { messageId: 'duplicateSection', data: { label, firstLine: first.headerLine + 1, name: s.name } }),
        related: [{ start: first.keywordSpan.start, end: first.header.end, message: `first ${label}` }],
        fixes,
      });
    });
  },
});
