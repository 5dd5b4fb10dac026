import type { Dependency, SpecDocument, Tag } from '../../specfile/ast';
import { deleteLines } from '../../specfile/edits';
import { isRegeneratedSpec } from '../../specfile/generator';
import { defineSpecRule } from '../types';

const DEPENDENCY_TAGS = new Set([
  'requires', 'buildrequires', 'provides', 'obsoletes', 'conflicts', 'recommends', 'suggests', 'supplements',
  'enhances', 'buildconflicts', 'orderwithrequires', 'requires_eq',
]);

const WHITESPACE = /\s/;

function norm(dep: Dependency): string {
  const op = dep.operator === '==' ? '=' : (dep.operator ?? '');
  const version = dep.version ?? '';
  // The common case (no whitespace inside a part) without the regex passes: big specs have
  // tens of thousands of dependencies.
  if (!WHITESPACE.test(dep.name) && !WHITESPACE.test(version)) return [dep.name, op, version].filter((p) => p !== '').join(' ');
  return `${dep.name} ${op} ${version}`.replace(/\s+/g, ' ').trim();
}

/** A whole-line `#` comment between two lines. */
function commentBetween(doc: SpecDocument, from: number, to: number): boolean {
  for (let line = from + 1; line < to; line++) if (doc.lineKinds[line] === 'comment') return true;
  return false;
}

/** The tag's value holds the output of a shell command, `%(…)`. */
function withCommandOutput(tag: Tag): boolean {
  return tag.dependencies?.some((d) => d.name.startsWith('%(')) ?? false;
}

/**
 * The same dependency twice for the same package, tag and qualifier, in the same conditional arm.
 * The whole dependency is compared: a macro call with its arguments (`%py3_dist six`) is one.
 * Duplicates in different arms of an %if are not reported, nor a repeat in a later group headed by
 * a comment (Fedora's Perl specs list build dependencies per phase, cabal-rpm per missing package),
 * nor a name repeated on two lines that each add a command's output (the X drivers' idiom).
 */
export default defineSpecRule({
  id: 'duplicate-dependency',
  category: 'dependencies',
  defaultSeverity: 'warning',
  description: 'The same dependency is listed twice for one package',
  fixSafety: 'safe',
  messages: {
    duplicate: '{{name}}{{qualifier}}: {{norm}} is already listed on line {{firstLine}}',
  },
  tags: ['unnecessary'],
  check(ctx) {
    const { doc } = ctx;
    // A spec its generator writes again at each update (TeX Live's catalogue specs: the same
    // `Requires: texlive-siunitx` twice from the catalogue's dependency list): a hand edit is lost
    // at the next update; the repeat is the generator's to fix, and rpm merges it.
    if (isRegeneratedSpec(doc)) return;
    const seen = new Map<string, { tag: Tag; dep: Dependency }>();
    for (const tag of doc.tags) {
      if (!DEPENDENCY_TAGS.has(tag.key) || !tag.dependencies) continue;
      const tagKey = `${tag.packageIndex}\u0000${tag.key}\u0000${(tag.qualifier ?? '').replace(/\s+/g, '').toLowerCase()}\u0000${tag.conditionalPath}\u0000`;
      for (const dep of tag.dependencies) {
        // Not a dependency of its own: an operator rpm reads another way (`=>`), or the output of
        // `%(…)` (` = 1.0.9`, a version for the name before it), known only when rpm runs it.
        if (/^[<>=!]+$/.test(dep.name) || dep.name.startsWith('%(')) continue;
        const key = tagKey + norm(dep);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, { tag, dep });
          continue;
        }
        // A repeat in another group headed by a comment (`# Test Suite`, cabal-rpm's `# for missing
        // dep 'x':`) lists the dependency again on purpose; the group now owns it.
        if (commentBetween(doc, first.tag.line, tag.line)) {
          seen.set(key, { tag, dep });
          continue;
        }
        // Lines written as one template with the output of a command (the X drivers' `Requires: Xorg
        // %(xserver-sdk-abi-requires ansic)` and `Requires: Xorg %(xserver-sdk-abi-requires
        // videodrv)`): the name repeats with the template, harmlessly; rpm merges the two.
        if (tag !== first.tag && withCommandOutput(tag) && withCommandOutput(first.tag)) continue;
        const alone = tag.dependencies.length === 1 && tag !== first.tag;
        const firstLine = doc.lines.positionAt(first.dep.start).line + 1;
        ctx.report({
          start: dep.start,
          end: dep.end,
          messageId: 'duplicate', data: { name: tag.name, qualifier: tag.qualifier ? `(${tag.qualifier})` : '', norm: norm(dep), firstLine },
          related: [{ start: first.dep.start, end: first.dep.end, message: 'first listed here' }],
          fixes: alone ? [{ title: 'Remove the duplicate line', edits: [deleteLines(doc, tag.line)] }] : [],
        });
      }
    }
  },
});
