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

/**
 * What a dependency is grouped by before its full key is built: the start of norm(dep) up to
 * its first space, so two dependencies with the same key are in the same group. In the common
 * case that is the name as parsed (a name without whitespace starts its normal form), a string
 * that already exists: most dependencies are listed once and need no key.
 */
function groupOf(dep: Dependency): string {
  if (dep.name !== '' && !WHITESPACE.test(dep.name)) return dep.name;
  const n = norm(dep);
  const space = n.indexOf(' ');
  return space < 0 ? n : n.slice(0, space);
}

/** Same key, same dependency: package, tag, qualifier, conditional arm and the normal form. */
function keyOf(tag: Tag, dep: Dependency): string {
  return `${tag.packageIndex}\u0000${tag.key}\u0000${(tag.qualifier ?? '').replace(/\s+/g, '').toLowerCase()}\u0000${tag.conditionalPath}\u0000${norm(dep)}`;
}

/** A dependency seen before: its key is made when another of its group comes. */
interface Seen {
  tag: Tag;
  dep: Dependency;
  key?: string;
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
    const groups = new Map<string, Seen[]>();
    for (const tag of doc.tags) {
      if (!tag.dependencies || !DEPENDENCY_TAGS.has(tag.key)) continue;
      for (const dep of tag.dependencies) {
        // Not a dependency of its own: an operator rpm reads another way (`=>`), or the output of
        // `%(…)` (` = 1.0.9`, a version for the name before it), known only when rpm runs it.
        if (/^[<>=!]+$/.test(dep.name) || dep.name.startsWith('%(')) continue;
        const group = groupOf(dep);
        const entries = groups.get(group);
        if (!entries) {
          groups.set(group, [{ tag, dep }]);
          continue;
        }
        const key = keyOf(tag, dep);
        const first = entries.find((e) => (e.key ??= keyOf(e.tag, e.dep)) === key);
        if (!first) {
          entries.push({ tag, dep, key });
          continue;
        }
        // A repeat in another group headed by a comment (`# Test Suite`, cabal-rpm's `# for missing
        // dep 'x':`) lists the dependency again on purpose; the group now owns it.
        if (commentBetween(doc, first.tag.line, tag.line)) {
          first.tag = tag;
          first.dep = dep;
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
