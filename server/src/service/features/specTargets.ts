// What sits at an offset of a spec (for hover and navigation), and every occurrence of a
// navigable symbol: macros defined in the file, build conditionals, sources, patches and
// subpackages. Works from the cached parse; only the current line is looked at again.
import { sourceEntries } from '../specfile/sources';
import type { BuildConditional, MacroDefinition, MacroReference, Section, SpecDocument, Span, Tag } from '../specfile/ast';
import { refAt } from '../specfile/query';
import { DKMS_COMMAND_OPTIONS } from '../catalog/dkmsDirectives';
import { commandName } from '../shell';
import { shellScript } from '../shell/specShell';

export type SpecTarget =
  | { kind: 'macro'; name: string; span: Span; ref?: MacroReference; definition?: MacroDefinition }
  | { kind: 'bcond'; name: string; span: Span }
  | { kind: 'source' | 'patch'; number: number; span: Span; tag?: Tag }
  | { kind: 'autopatch'; span: Span }
  | { kind: 'package'; index: number; span: Span }
  | { kind: 'tag'; tag: Tag; span: Span }
  | { kind: 'section'; section: Section; span: Span }
  | { kind: 'conditional'; keyword: string; span: Span }
  | { kind: 'operator'; operator: string; span: Span }
  | { kind: 'rich'; keyword: string; span: Span }
  | { kind: 'dkms-subcommand'; name: string; span: Span }
  | { kind: 'dkms-option'; name: string; span: Span }
  | { kind: 'dkms-common-postinst'; span: Span };

export interface Occurrence {
  span: Span;
  /** Definitions: `%global`, `%bcond`, `SourceN:`, `%package`. */
  definition: boolean;
  /** Part of a rename (false for `%autopatch` standing for every patch). */
  renamable: boolean;
}

const NAME_CHAR = /[A-Za-z0-9_]/;

interface Word {
  word: string;
  start: number;
  end: number;
}

function wordsOf(text: string, base: number): Word[] {
  const out: Word[] = [];
  const re = /\S+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ word: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return out;
}

const within = (offset: number, span: Span) => offset >= span.start && offset <= span.end;

/** Binary search: the tag on a line. */
export function tagOnLine(doc: SpecDocument, line: number): Tag | undefined {
  const tags = doc.tags;
  let lo = 0;
  let hi = tags.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tags[mid].line < line) lo = mid + 1;
    else if (tags[mid].line > line) hi = mid - 1;
    else return tags[mid];
  }
  return undefined;
}

/** The reference at the offset, or the one just before it (cursor right after `%name`). */
export function refNear(doc: SpecDocument, offset: number): MacroReference | undefined {
  const r = refAt(doc, offset);
  if (r) return r;
  if (offset > 0 && NAME_CHAR.test(doc.text[offset - 1] ?? '')) return refAt(doc, offset - 1);
  return undefined;
}

/** Source and patch numbers of the tags, in order (unnumbered ones take the next number). */
export function numberedTags(doc: SpecDocument, key: 'source' | 'patch'): { tag: Tag; number: number }[] {
  const out: { tag: Tag; number: number }[] = [];
  for (const e of sourceEntries(doc)) if (e.kind === key && e.tag) out.push({ tag: e.tag, number: e.number });
  return out;
}

function bcondNamed(doc: SpecDocument, name: string): BuildConditional | undefined {
  return doc.buildConditionals.find((b) => b.name === name);
}

function trimmedSpan(doc: SpecDocument, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(doc.text[start])) start++;
  while (end > start && /\s/.test(doc.text[end - 1])) end--;
  return { start, end };
}

/** What a macro reference points at: a macro, a build conditional, a source or a patch. */
function targetOfRef(doc: SpecDocument, ref: MacroReference, offset: number): SpecTarget | undefined {
  if (ref.form !== 'plain' && ref.form !== 'braced') return undefined;
  const name = ref.name;
  if (!name) return undefined;
  const nameSpan = { start: ref.nameStart, end: ref.nameEnd };
  if ((name === 'with' || name === 'without') && ref.argument && offset >= ref.argument.start) {
    const span = trimmedSpan(doc, ref.argument);
    return { kind: 'bcond', name: doc.text.slice(span.start, span.end), span };
  }
  const w = /^(with|without)_(\w+)$/.exec(name);
  if (w && bcondNamed(doc, w[2])) return { kind: 'bcond', name: w[2], span: { start: ref.nameStart + w[1].length + 1, end: ref.nameEnd } };
  const numbered = /^(SOURCE|PATCH)(\d+)$/.exec(name) ?? (ref.form === 'plain' ? /^(patch)(\d+)$/.exec(name) : null);
  if (numbered) return { kind: numbered[1] === 'SOURCE' ? 'source' : 'patch', number: Number(numbered[2]), span: { start: ref.start, end: ref.form === 'braced' && ref.closed ? ref.end : ref.nameEnd } };
  if ((name === 'S' || name === 'P') && ref.argument) {
    const arg = trimmedSpan(doc, ref.argument);
    const n = doc.text.slice(arg.start, arg.end);
    if (/^\d+$/.test(n)) return { kind: name === 'S' ? 'source' : 'patch', number: Number(n), span: { start: ref.start, end: ref.end } };
  }
  if (offset > ref.nameEnd && ref.form === 'braced') return undefined;
  return { kind: 'macro', name, span: nameSpan, ref };
}

/** Number arguments of a `%patch`, `%setup` or `%autosetup` line, as source/patch targets. */
export function commandNumberArgs(doc: SpecDocument, ref: MacroReference): { kind: 'source' | 'patch'; number: number; span: Span }[] {
  const out: { kind: 'source' | 'patch'; number: number; span: Span }[] = [];
  if (ref.form !== 'plain' || ref.depth !== 0) return out;
  const cmd = ref.name;
  if (cmd !== 'patch' && cmd !== 'setup' && cmd !== 'autosetup') return out;
  const line = doc.lines.lineOf(ref.start);
  const lineEnd = doc.lines.lineEnd(line);
  const words = wordsOf(doc.text.slice(ref.end, lineEnd), ref.end);
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.word.startsWith('#')) break;
    if (cmd === 'patch') {
      if (w.word === '-P' && k + 1 < words.length && /^\d+$/.test(words[k + 1].word)) {
        const v = words[++k];
        out.push({ kind: 'patch', number: Number(v.word), span: { start: v.start, end: v.end } });
      } else if (/^-P\d+$/.test(w.word)) out.push({ kind: 'patch', number: Number(w.word.slice(2)), span: { start: w.start + 2, end: w.end } });
      else if (/^\d+$/.test(w.word)) out.push({ kind: 'patch', number: Number(w.word), span: { start: w.start, end: w.end } });
      else if (/^-[pFbzdo]$/.test(w.word)) k++;
    } else if ((w.word === '-a' || w.word === '-b') && k + 1 < words.length && /^\d+$/.test(words[k + 1].word)) {
      const v = words[++k];
      out.push({ kind: 'source', number: Number(v.word), span: { start: v.start, end: v.end } });
    } else if (/^-[ab]\d+$/.test(w.word)) out.push({ kind: 'source', number: Number(w.word.slice(2)), span: { start: w.start + 2, end: w.end } });
  }
  return out;
}

/** The span of a section's package name (its `-n` value or its suffix). */
export function sectionPackageSpan(s: Section): Span | undefined {
  const n = s.options.find((o) => o.flag === '-n' && o.value !== undefined);
  if (n) return { start: n.span.end - n.value!.length, end: n.span.end };
  if (s.targetSpan) return s.targetSpan;
  return undefined;
}

/** The symbol at an offset of a spec, if any. */
export function specTargetAt(doc: SpecDocument, offset: number): SpecTarget | undefined {
  const { lines, text } = doc;
  const line = lines.lineOf(offset);
  const kind = doc.lineKinds[line];

  if (kind === 'definition') {
    for (const d of doc.macroDefinitions) {
      if (d.line === line && within(offset, d.nameSpan)) return { kind: 'macro', name: d.name, span: d.nameSpan, definition: d };
      if (d.line > line) break;
    }
    for (const b of doc.buildConditionals) if (b.line === line && within(offset, b.nameSpan)) return { kind: 'bcond', name: b.name, span: b.nameSpan };
  }

  const ref = refNear(doc, offset);
  if (ref) {
    const t = targetOfRef(doc, ref, offset);
    if (t) return t;
  }

  if (kind === 'macro-line' || kind === 'body') {
    const lineStart = lines.lineStarts[line];
    const lead = /^\s*/.exec(lines.lineText(line))![0].length;
    const first = refAt(doc, lineStart + lead);
    if (first) {
      for (const a of commandNumberArgs(doc, first)) if (within(offset, a.span)) return a;
      if ((first.name === 'autopatch' || first.name === 'autosetup') && within(offset, { start: first.start, end: first.nameEnd })) return { kind: 'macro', name: first.name, span: { start: first.nameStart, end: first.nameEnd }, ref: first };
    }
    const section = doc.sections[doc.lineSection[line]];
    if (section) {
      const target = dkmsTargetAt(doc, section, offset);
      if (target) return target;
    }
  }

  if (kind === 'tag') {
    const tag = tagOnLine(doc, line);
    if (tag) {
      if (within(offset, tag.nameSpan) || (tag.qualifierSpan && within(offset, tag.qualifierSpan))) {
        if (tag.key === 'source' || tag.key === 'patch') {
          const n = numberedTags(doc, tag.key).find((x) => x.tag === tag);
          if (n) return { kind: tag.key, number: n.number, span: tag.nameSpan, tag };
        }
        return { kind: 'tag', tag, span: tag.nameSpan };
      }
      for (const d of tag.dependencies ?? []) {
        if (d.operator && d.operatorSpan && within(offset, d.operatorSpan)) return { kind: 'operator', operator: d.operator, span: d.operatorSpan };
        if (d.rich && offset >= d.start && offset <= d.end) {
          const re = /\b(and|or|if|else|unless|with|without)\b/g;
          const s = text.slice(d.start, d.end);
          for (let m = re.exec(s); m; m = re.exec(s)) {
            const span = { start: d.start + m.index, end: d.start + m.index + m[0].length };
            if (within(offset, span)) return { kind: 'rich', keyword: m[1], span };
          }
        }
      }
    }
  }

  if (kind === 'section-header') {
    const s = doc.sections[doc.lineSection[line]];
    if (s && s.headerLine === line) {
      if (within(offset, s.keywordSpan)) return { kind: 'section', section: s, span: s.keywordSpan };
      const ps = sectionPackageSpan(s);
      if (ps && within(offset, ps) && s.packageIndex >= 1) return { kind: 'package', index: s.packageIndex, span: ps };
    }
  }

  if (kind === 'conditional') {
    for (const b of doc.conditionals) {
      if (b.startLine > line) break;
      if (b.endLine < line) continue;
      for (const br of b.branches) if (within(offset, br.keywordSpan)) return { kind: 'conditional', keyword: br.keyword, span: br.keywordSpan };
      if (b.endif && lines.lineOf(b.endif.start) === line) {
        const m = /%endif/.exec(text.slice(b.endif.start, b.endif.end));
        if (m) {
          const span = { start: b.endif.start + m.index, end: b.endif.start + m.index + m[0].length };
          if (within(offset, span)) return { kind: 'conditional', keyword: 'endif', span };
        }
      }
    }
  }
  return undefined;
}

/** Every occurrence of a navigable target in the document (empty for others). */
export function occurrences(doc: SpecDocument, target: SpecTarget): Occurrence[] {
  const out: Occurrence[] = [];
  switch (target.kind) {
    case 'macro': {
      const name = target.name;
      for (const d of doc.macroDefinitions) if (d.name === name) out.push({ span: d.nameSpan, definition: d.keyword !== 'undefine', renamable: true });
      for (const r of doc.macroReferences) {
        if (r.name !== name || (r.form !== 'plain' && r.form !== 'braced')) continue;
        out.push({ span: { start: r.nameStart, end: r.nameEnd }, definition: false, renamable: true });
      }
      break;
    }
    case 'bcond': {
      const name = target.name;
      for (const b of doc.buildConditionals) if (b.name === name) out.push({ span: b.nameSpan, definition: true, renamable: true });
      for (const r of doc.macroReferences) {
        if (r.form !== 'plain' && r.form !== 'braced') continue;
        if ((r.name === 'with' || r.name === 'without') && r.argument) {
          const span = trimmedSpan(doc, r.argument);
          if (doc.text.slice(span.start, span.end) === name) out.push({ span, definition: false, renamable: true });
        } else if (r.name === `with_${name}` || r.name === `without_${name}`) {
          const prefix = r.name.startsWith('with_') ? 5 : 8;
          out.push({ span: { start: r.nameStart + prefix, end: r.nameEnd }, definition: false, renamable: true });
        }
      }
      break;
    }
    case 'source':
    case 'patch': {
      const key = target.kind;
      const n = target.number;
      for (const t of numberedTags(doc, key)) if (t.number === n) out.push({ span: t.tag.nameSpan, definition: true, renamable: false });
      const upper = key === 'source' ? 'SOURCE' : 'PATCH';
      const short = key === 'source' ? 'S' : 'P';
      for (const r of doc.macroReferences) {
        if (r.form !== 'plain' && r.form !== 'braced') continue;
        if (r.name === `${upper}${n}` || (key === 'patch' && r.form === 'plain' && r.name === `patch${n}`)) {
          out.push({ span: { start: r.start, end: r.form === 'braced' && r.closed ? r.end : r.nameEnd }, definition: false, renamable: false });
        } else if (r.name === short && r.argument && doc.text.slice(r.argument.start, r.argument.end).trim() === String(n)) {
          out.push({ span: { start: r.start, end: r.end }, definition: false, renamable: false });
        } else if (r.depth === 0 && (r.name === 'patch' || r.name === 'setup' || r.name === 'autosetup')) {
          for (const a of commandNumberArgs(doc, r)) if (a.kind === key && a.number === n) out.push({ span: a.span, definition: false, renamable: false });
          if (key === 'patch' && r.name === 'autosetup' && !/\s-N\b/.test(doc.lines.lineText(doc.lines.lineOf(r.start)))) {
            out.push({ span: { start: r.start, end: r.nameEnd }, definition: false, renamable: false });
          }
        } else if (key === 'patch' && r.depth === 0 && r.name === 'autopatch') {
          out.push({ span: { start: r.start, end: r.nameEnd }, definition: false, renamable: false });
        }
      }
      break;
    }
    case 'package': {
      for (const s of doc.sections) {
        if (s.packageIndex !== target.index) continue;
        const span = sectionPackageSpan(s);
        if (span) out.push({ span, definition: s.kind === 'package', renamable: false });
      }
      break;
    }
    default:
      break;
  }
  out.sort((a, b) => a.span.start - b.span.start);
  return out;
}

/** Options of the dkms command that take a value (the next word). */
const DKMS_VALUE_OPTIONS = new Set(DKMS_COMMAND_OPTIONS.filter((o) => o.argument).flatMap((o) => o.names));

/** A dkms subcommand or option under the cursor, in a shell command that runs dkms. */
function dkmsTargetAt(doc: SpecDocument, section: Section, offset: number): SpecTarget | undefined {
  const script = shellScript(doc, section);
  if (!script) return undefined;
  for (const cmd of script.commands) {
    if (offset < cmd.start || offset > cmd.end) continue;
    const name = commandName(cmd);
    // dkms's helper for Debian maintainer scripts, also called from RPM scriptlets
    if (name && /(?:^|\/)common\.postinst$/.test(name.value) && within(offset, name)) return { kind: 'dkms-common-postinst', span: { start: name.start, end: name.end } };
    if (!/(?:^|\/)dkms$/.test(name?.value ?? '')) continue;
    let sawSubcommand = false;
    for (let k = cmd.nameIndex + 1; k < cmd.words.length; k++) {
      const w = cmd.words[k];
      if (w.redirect) continue;
      const option = /^-{1,2}[A-Za-z][\w-]*/.exec(w.text);
      if (option) {
        const span = { start: w.start, end: w.start + option[0].length };
        if (within(offset, span)) return { kind: 'dkms-option', name: option[0], span };
        if (DKMS_VALUE_OPTIONS.has(option[0]) && option[0] === w.text) k++;
        continue;
      }
      if (!sawSubcommand && /^[a-z_]+$/.test(w.text)) {
        sawSubcommand = true;
        if (within(offset, w)) return { kind: 'dkms-subcommand', name: w.text, span: { start: w.start, end: w.end } };
      }
    }
  }
  return undefined;
}
