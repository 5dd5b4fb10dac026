import { maskMacros } from '../../specfile/depTokens';
import { defineSpecRule } from '../types';

const OPERATOR_CHAR = /[<>=]/;

/**
 * `Requires: foo>=1.0` without blanks around the operator: rpm reads one capability named
 * `foo>=1.0`, not a versioned dependency. rpmlint checks Requires, BuildRequires, PreReq,
 * Provides, Obsoletes, Conflicts and BuildConflicts; the weak dependency tags have the same trap.
 */
export default defineSpecRule({
  id: 'comparison-operator-in-deptoken',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'A comparison operator inside a dependency name (foo>=1.0): blanks are needed around it',
  fixSafety: 'safe',
  messages: {
    oneToken: "'{{name}}' is read as one capability name: write '{{left}} {{operator}} {{right}}' with blanks around the operator",
  },
  rpmlintId: 'comparison-operator-in-deptoken',
  check(ctx) {
    for (const tag of ctx.doc.tags) {
      if (!tag.dependencies) continue;
      for (const dep of tag.dependencies) {
        // `foo >=1.0` is split by the dependency parser: only operators inside a name remain.
        if (dep.operator || dep.rich) continue;
        // `=>` and `=<` standing alone are not names: rpm reads them as `>=` and `<=` (checked against rpm 4.18).
        if (dep.name === '=>' || dep.name === '=<') continue;
        // No operator character at all (nearly every dependency): nothing to mask or look for.
        if (!OPERATOR_CHAR.test(dep.name)) continue;
        // Operators inside a capability's parentheses belong to its argument: font(:lang=en).
        const masked = maskMacros(dep.name).replace(/\([^()]*\)/g, (x) => '(' + ' '.repeat(x.length - 2) + ')');
        const m = /(<=|>=|==|<|>|=)/.exec(masked);
        if (!m) continue;
        const name = dep.name.slice(0, m.index);
        const version = dep.name.slice(m.index + m[0].length);
        const base = dep.nameSpan.start;
        const canFix = name !== '' && version !== '' && !/[<>=]/.test(maskMacros(version));
        ctx.report({
          start: dep.nameSpan.start,
          end: dep.nameSpan.end,
          messageId: 'oneToken', data: { name: dep.name, left: name || '…', operator: m[0], right: version || '…' },
          fixes: canFix ? [{
            title: `Write '${name} ${m[0]} ${version}'`,
            edits: [{ start: base + m.index, end: base + m.index + m[0].length, newText: ` ${m[0]} ` }],
          }] : [],
        });
      }
    }
  },
});
