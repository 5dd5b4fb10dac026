import { shellCommentStart, shellScript } from '../../shell/specShell';
import { mentionsAny, type SpecRuleContext } from '../types';

/** Both patterns below need one of these words, in the document and on the line. */
export const BUILDROOT_WORDS = ['RPM_BUILD_ROOT', 'buildroot'];

/** The first use of the build root in each section of the given kinds, and how many more there are. */
export interface BuildrootUse {
  start: number;
  end: number;
  /** The section's name as written (`build`, `post`). */
  section: string;
  /** ` (N more uses in this section)` or empty. */
  more: string;
  /** The first use: `%{buildroot}` (expanded when the package is built) or `$RPM_BUILD_ROOT` (set by rpmbuild only). */
  form: 'macro' | 'variable';
}

/**
 * Uses of the build root (`%{buildroot}`, `$RPM_BUILD_ROOT`) outside comments in sections of the
 * given kinds, one per section: a build function that installs into the build root from %build
 * (as kernel specs do) would otherwise give hundreds of identical findings. Escaped forms
 * (`%%{buildroot}`, `\$RPM_BUILD_ROOT`) are not uses. `skip` leaves out uses the caller does not
 * count (it gets the line's code and the use's index in it).
 */
export function buildrootUses(ctx: SpecRuleContext, kinds: ReadonlySet<string>, skip?: (code: string, index: number) => boolean): BuildrootUse[] {
  const { doc } = ctx;
  const perSection = new Map<number, { start: number; end: number; section: string; count: number; form: 'macro' | 'variable' }>();
  // A spec that redefines %__spec_install_pre (kernel.spec: `%{___build_pre}` without the
  // `rm -rf`) keeps what %build installs into the build root, on purpose.
  const keepsBuildroot = doc.macroDefinitions.some((d) => d.name === '__spec_install_pre' && !/rm\s+-rf/.test(d.body));
  const { lines, text } = doc;
  // Only the lines of the sections of the given kinds (a section is its header line to its
  // endLine) that name the build root: a look at every line of the spec cost more than the rest
  // of the two rules.
  for (const section of doc.sections) {
    if (!kinds.has(section.kind) || (keepsBuildroot && section.kind === 'build')) continue;
    const first = Math.max(section.headerLine, 0);
    if (first > section.endLine) continue;
    if (!mentionsAny(text.slice(lines.lineStarts[first], lines.lineEndWithBreak(section.endLine)), BUILDROOT_WORDS)) continue;
    for (let line = first; line <= section.endLine; line++) {
      const kind = doc.lineKinds[line];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      const start = lines.lineStarts[line];
      const l = { line, start, text: text.slice(start, lines.lineEnd(line)), section };
      if (!mentionsAny(l.text, BUILDROOT_WORDS)) continue; // most lines have neither
      const hash = shellCommentStart(doc, l.line);
      const code = hash >= 0 ? l.text.slice(0, hash - l.start) : l.text;
      const hits: { start: number; end: number; form: 'macro' | 'variable' }[] = [];
      for (const m of code.matchAll(/(\\*)\$(\{RPM_BUILD_ROOT\}|RPM_BUILD_ROOT\b)/g)) {
        const start = l.start + m.index + m[1].length;
        // In single quotes the shell does not expand it: text for another script (arm-none-eabi-gcc-cs
        // writes `find "$RPM_BUILD_ROOT…"` into a copied brp script with sed).
        if (m[1].length % 2 === 0 && !inSingleQuotes(doc, l.section, start)) hits.push({ start, end: l.start + m.index + m[0].length, form: 'variable' });
      }
      for (const m of code.matchAll(/(%+)(\{\??buildroot\}|buildroot\b)/g)) {
        if (m[1].length % 2 === 1) hits.push({ start: l.start + m.index + m[1].length - 1, end: l.start + m.index + m[0].length, form: 'macro' });
      }
      if (skip) {
        for (let i = hits.length - 1; i >= 0; i--) if (skip(code, hits[i].start - l.start)) hits.splice(i, 1);
      }
      if (hits.length === 0) continue;
      hits.sort((a, b) => a.start - b.start);
      const index = doc.lineSection[l.line];
      const first = perSection.get(index);
      if (first) first.count += hits.length;
      else perSection.set(index, { ...hits[0], section: l.section.name, count: hits.length });
    }
  }
  return [...perSection.values()].map((f) => ({
    start: f.start, end: f.end, section: f.section, form: f.form,
    more: f.count > 1 ? ` (${f.count - 1} more use${f.count > 2 ? 's' : ''} in this section)` : '',
  }));
}

/** The offset lies in a single-quoted (`'…'` or `$'…'`) part of a shell word of the section. */
function inSingleQuotes(doc: SpecRuleContext['doc'], section: Parameters<typeof shellScript>[1], offset: number): boolean {
  for (const cmd of shellScript(doc, section)?.commands ?? []) {
    for (const w of cmd.words) {
      if (offset < w.start || offset >= w.end) continue;
      return w.parts.some((p) => (p.kind === 'single' || p.kind === 'ansi') && offset >= p.start && offset < p.end);
    }
  }
  return false;
}
