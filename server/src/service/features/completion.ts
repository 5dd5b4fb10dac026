// Completion for specs and dkms.conf. The context comes from the current line (and the macro
// reference under the cursor); the document is never rescanned, so a 10,000-line spec answers
// in a few milliseconds. Items are filtered and ranked by what was typed.
import SPDX_IDS from 'spdx-license-ids/index.json';
import {
  ARCHITECTURES, ARCH_MACROS, CONDITIONAL_KEYWORDS, SECTIONS, TAGS, allMacros, isMacroDefined, lookupTag, type MacroInfo,
} from '../catalog/index';
import {
  DKMS_COMMAND_OPTIONS, DKMS_DEST_LOCATION_PREFIXES, DKMS_DIRECTIVES, DKMS_SUBCOMMANDS, DKMS_VARIABLES, getDkmsDirective, getDkmsSubcommand,
} from '../catalog/dkmsDirectives';
import type { DkmsDocument } from '../dkms/ast';
import type { Section, SpecDocument } from '../specfile/ast';
import { commandName } from '../shell';
import { shellScript } from '../shell/specShell';
import { refAt } from '../specfile/query';
import type { CompletionItem, CompletionItemKindValue, CompletionList, MarkupContent, Range } from '../types';
import { profileOf, type Profile, type ProfileLike } from '../catalog/profile';
import type { Release } from '../catalog/releases';
import { CompletionItemKind } from '../types';
import { code, macroDocumentation, macroExpansionText, truncate } from './markdown';
import { numberedTags } from './specTargets';
import { cachedPerParse } from '../perParse';
import { maxOf } from '../text/arrays';

export interface CompletionOptions {
  distro: ProfileLike;
}

/** Upper bound on the items of one answer (the list is marked incomplete when cut). */
export const MAX_COMPLETION_ITEMS = 300;

const VCS_NAMES = ['git', 'git_am', 'quilt', 'patch', 'gendiff', 'hg', 'bzr'];
const md = (value: string): MarkupContent => ({ kind: 'markdown', value });

/** Collects candidate items for one replace range, filters them by the typed prefix and ranks them. */
class Collector {
  private readonly items: { item: CompletionItem; key: string; lazy?: Lazy }[] = [];
  private readonly seen = new Set<string>();
  private readonly lower: string;

  constructor(
    private readonly range: Range,
    /** What was typed inside the range, before the cursor. */
    readonly prefix: string,
  ) {
    this.lower = prefix.toLowerCase();
  }

  /** The rank of a candidate (0 best) or -1 when it does not match the prefix. */
  private rank(filter: string): number {
    if (this.prefix === '') return 0;
    if (filter.startsWith(this.prefix)) return 0;
    const l = filter.toLowerCase();
    if (l.startsWith(this.lower)) return 1;
    if (this.lower.length >= 2 && l.includes(this.lower)) return 2;
    return -1;
  }

  /**
   * Adds an item. `group` orders kinds of items among equal ranks (a < b < …). `insert` is the
   * text replacing the range; `filter` what the typed prefix is matched against (default label).
   */
  add(
    label: string,
    insert: string,
    opts: {
      kind: CompletionItemKindValue; group?: string; filter?: string; detail?: string; documentation?: MarkupContent; snippet?: boolean; deprecated?: boolean; range?: Range;
      /** Computed only for the items that are returned. */
      lazy?: Lazy;
    },
  ): void {
    const filter = opts.filter ?? label;
    const r = this.rank(filter);
    if (r < 0 || this.seen.has(label)) return;
    this.seen.add(label);
    const item: CompletionItem = {
      label,
      kind: opts.kind,
      textEdit: { range: opts.range ?? this.range, newText: insert },
      sortText: `${r}${opts.deprecated ? 'z' : (opts.group ?? 'm')}${filter.toLowerCase()}`,
    };
    if (filter !== label) item.filterText = filter;
    if (opts.detail !== undefined) item.detail = opts.detail;
    if (opts.documentation) item.documentation = opts.documentation;
    if (opts.snippet) item.insertTextFormat = 2;
    if (opts.deprecated) item.tags = [1];
    this.items.push({ item, key: item.sortText!, lazy: opts.lazy });
  }

  result(): CompletionList {
    const sorted = this.items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const items = sorted.slice(0, MAX_COMPLETION_ITEMS).map((x) => {
      if (x.lazy) {
        const extra = x.lazy();
        if (extra.detail !== undefined) x.item.detail = extra.detail;
        if (extra.documentation) x.item.documentation = extra.documentation;
      }
      return x.item;
    });
    return { isIncomplete: sorted.length > MAX_COMPLETION_ITEMS, items };
  }
}

type Lazy = () => { detail?: string; documentation?: MarkupContent };

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** Escapes text for a snippet. */
function snippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

function identifierEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && /[A-Za-z0-9_]/.test(text[i])) i++;
  return i;
}

// ---------------------------------------------------------------------------------------------
// Spec files

export function specCompletion(doc: SpecDocument, offset: number, options: CompletionOptions): CompletionList {
  const { text, lines } = doc;
  const line = lines.lineOf(offset);
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  if (offset < lineStart || offset > lineEnd) return EMPTY;
  const before = text.slice(lineStart, offset);
  if (/^\s*#/.test(before)) return EMPTY;
  const section = doc.sections[doc.lineSection[line]] ?? doc.sections[0];
  const inPreamble = section.kind === 'preamble' || section.kind === 'package';
  const rangeOf = (start: number, end: number): Range => lines.range(start, end);

  // %{with NAME} / %{without NAME}: build conditionals.
  const bc = /%\{[?!]*(with|without)\s+(\w*)$/.exec(before);
  if (bc) {
    const start = offset - bc[2].length;
    const end = identifierEnd(text, offset, lineEnd);
    const c = new Collector(rangeOf(start, end), bc[2]);
    const close = text[end] === '}' ? '' : '}';
    for (const b of doc.buildConditionals) {
      const dflt = b.defaultEnabled === undefined ? 'default from an expression' : b.defaultEnabled ? 'on by default' : 'off by default';
      c.add(b.name, b.name + close, { kind: CompletionItemKind.Variable, detail: `%bcond (${dflt})`, documentation: md(`Declared at line ${b.line + 1}: ${code(text.slice(b.start, b.end))}`) });
    }
    return c.result();
  }

  // Architectures: %ifarch lines and the arch tags.
  const arch = /^\s*%(ifarch|ifnarch|elifarch|elifnarch)\s+(?:.*[\s,])?(\S*)$/.exec(before)
    ?? (inPreamble ? /^\s*(ExclusiveArch|ExcludeArch|BuildArch|BuildArchitectures)\s*:\s*(?:.*[\s,])?(\S*)$/i.exec(before) : null);
  if (arch) return archCompletion(doc, offset, lineEnd, arch[2], /^buildarch/i.test(arch[1]));

  if (inPreamble) {
    const lic = /^\s*(License|SourceLicense)\s*:(.*)$/i.exec(before);
    if (lic) {
      const word = /[^\s()]*$/.exec(lic[2])![0];
      const start = offset - word.length;
      const end = start + (/^[^\s()]*/.exec(text.slice(start, lineEnd))![0].length);
      const c = new Collector(rangeOf(start, end), word);
      const afterId = /[A-Za-z0-9.+-]\s+$/.test(lic[2].slice(0, lic[2].length - word.length));
      if (afterId) for (const op of ['AND', 'OR', 'WITH']) c.add(op, op, { kind: CompletionItemKind.Operator, group: 'a', detail: 'SPDX operator' });
      for (const id of SPDX_IDS as string[]) c.add(id, id, { kind: CompletionItemKind.EnumMember, group: 'b', detail: 'SPDX license' });
      return c.result();
    }
    const qual = /^\s*([A-Za-z][A-Za-z0-9]*)\s*\(([^)]*)$/.exec(before);
    if (qual) {
      const info = lookupTag(qual[1]);
      const word = /[^,\s]*$/.exec(qual[2])![0];
      const start = offset - word.length;
      const end = identifierEnd(text, offset, lineEnd);
      const c = new Collector(rangeOf(start, end), word);
      const close = text[end] === ')' ? '' : '):\t';
      for (const q of info?.qualifiers ?? []) if (q !== 'lang') c.add(q, q + close, { kind: CompletionItemKind.EnumMember, detail: `${info!.name}(${q})` });
      return c.result();
    }
  }

  // `%setup`, `%autosetup`, `%patch`, `%autopatch` options.
  const cmd = /^\s*%(setup|autosetup|patch|autopatch)\s(?:.*\s)?(\S*)$/.exec(before);
  if (cmd) return commandOptionCompletion(doc, offset, lineEnd, cmd[1], before, cmd[2]);

  // Section header options (`%files -f`, `%package -n`).
  const hdr = /^\s*%([A-Za-z_]+)\s(?:.*\s)?(-?\w*)$/.exec(before);
  if (hdr && SECTIONS.some((s) => s.name === `%${hdr[1]}`) && !/^[A-Za-z_]/.test(hdr[2])) {
    const info = SECTIONS.find((s) => s.name === `%${hdr[1]}`)!;
    const start = offset - hdr[2].length;
    const c = new Collector(rangeOf(start, identifierEnd(text, offset, lineEnd)), hdr[2]);
    for (const o of info.options) c.add(o.name, o.argument ? `${o.name} ` : o.name, { kind: CompletionItemKind.Property, detail: o.argument ? `${o.name} ${o.argument}` : o.name, documentation: md(o.description) });
    return c.result();
  }

  // Macros after %, %{, %{?, %{!?, %?.
  const mac = /%(\{?)([?!]*)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (mac) {
    let percents = 0;
    for (let i = mac.index - 1; i >= 0 && before[i] === '%'; i--) percents++;
    if (percents % 2 === 0) return macroCompletion(doc, offset, lineEnd, lineStart + mac.index, mac[1] === '{', mac[2], mac[3] ?? '', section.kind, profileOf(options.distro));
  }

  // dkms commands in shell sections.
  const dkms = section.bodyLanguage === 'shell' ? dkmsCommandAt(doc, section, offset) : undefined;
  if (dkms) {
    const { prefix, subcommand } = dkms;
    if (!prefix.startsWith('-') && subcommand === undefined && /^[a-z_]*$/.test(prefix)) {
      const c = new Collector(rangeOf(offset - prefix.length, identifierEnd(text, offset, lineEnd)), prefix);
      for (const s of DKMS_SUBCOMMANDS) c.add(s.name, s.name, { kind: CompletionItemKind.Method, detail: s.synopsis, documentation: md(s.description) });
      return c.result();
    }
    if (/^-[-\w]*$/.test(prefix)) {
      const subInfo = subcommand ? getDkmsSubcommand(subcommand) : undefined;
      const start = offset - prefix.length;
      const end = start + /^[-\w]*/.exec(text.slice(start, lineEnd))![0].length;
      const c = new Collector(rangeOf(start, end), prefix);
      for (const o of DKMS_COMMAND_OPTIONS) {
        const relevant = !subInfo || o.names.some((n) => subInfo.options.includes(n));
        for (const n of o.names) c.add(n, o.argument ? `${n} ` : n, { kind: CompletionItemKind.Property, group: relevant ? 'a' : 'b', detail: o.argument ? `${n} ${o.argument}` : n, documentation: md(o.description) });
      }
      return c.result();
    }
  }

  // Tags at the start of a preamble line.
  if (inPreamble) {
    const tagWord = /^\s*([A-Za-z][A-Za-z0-9]*)?$/.exec(before);
    if (tagWord) return tagCompletion(doc, offset, lineEnd, tagWord[1] ?? '', section.kind === 'package');
  }
  return EMPTY;
}

function archCompletion(doc: SpecDocument, offset: number, lineEnd: number, word: string, buildArch: boolean): CompletionList {
  const start = offset - word.length;
  const end = start + /^\S*/.exec(doc.text.slice(start, lineEnd))![0].length;
  const c = new Collector(doc.lines.range(start, end), word);
  if (buildArch) c.add('noarch', 'noarch', { kind: CompletionItemKind.EnumMember, group: 'a', detail: 'architecture-independent' });
  for (const a of ARCHITECTURES) {
    if (a.name === 'noarch' && !buildArch) continue;
    c.add(a.name, a.name, { kind: CompletionItemKind.EnumMember, group: a.common ? 'b' : 'c', detail: a.description });
  }
  if (!buildArch) {
    for (const m of ARCH_MACROS) {
      c.add(`%{${m.name}}`, `%{${m.name}}`, { kind: CompletionItemKind.Constant, group: 'a', detail: truncate(m.value, 60), documentation: md(`${m.description}\n\n${code(m.value)}`) });
    }
  }
  return c.result();
}

function commandOptionCompletion(doc: SpecDocument, offset: number, lineEnd: number, cmd: string, before: string, word: string): CompletionList {
  const start = offset - word.length;
  const end = start + /^\S*/.exec(doc.text.slice(start, lineEnd))![0].length;
  const c = new Collector(doc.lines.range(start, end), word);
  const prev = /(\S+)\s+\S*$/.exec(before)?.[1];
  if (prev === '-S' && cmd === 'autosetup') {
    for (const v of VCS_NAMES) c.add(v, v, { kind: CompletionItemKind.EnumMember, detail: 'patch application backend' });
    return c.result();
  }
  if ((prev === '-P' && cmd === 'patch') || (!word.startsWith('-') && cmd === 'patch' && prev !== '-p' && prev !== '-F')) {
    for (const p of numberedTags(doc, 'patch')) c.add(String(p.number), String(p.number), { kind: CompletionItemKind.Reference, detail: `Patch${p.number}: ${truncate(p.tag.value, 60)}` });
    if (prev === '-P') return c.result();
  }
  if ((prev === '-a' || prev === '-b') && (cmd === 'setup' || cmd === 'autosetup')) {
    for (const s of numberedTags(doc, 'source')) c.add(String(s.number), String(s.number), { kind: CompletionItemKind.Reference, detail: `Source${s.number}: ${truncate(s.tag.value, 60)}` });
    return c.result();
  }
  if (word !== '' && !word.startsWith('-')) return c.result();
  const info = allMacros().find((m) => m.name === cmd);
  for (const o of info?.options ?? []) {
    const doc_ = md(o.description);
    if (o.name === '-p' && o.argument === 'N') {
      c.add('-p1', '-p1', { kind: CompletionItemKind.Property, group: 'a', detail: 'strip one leading path component', documentation: doc_ });
      c.add('-p0', '-p0', { kind: CompletionItemKind.Property, group: 'b', detail: 'strip nothing', documentation: doc_ });
      continue;
    }
    if (o.name === '-S') {
      c.add('-S git', '-S git', { kind: CompletionItemKind.Property, group: 'a', detail: o.description, documentation: doc_ });
      c.add('-S', '-S ', { kind: CompletionItemKind.Property, group: 'b', detail: `-S ${o.argument ?? ''}`, documentation: doc_ });
      continue;
    }
    c.add(o.name, o.argument ? `${o.name} ` : o.name, { kind: CompletionItemKind.Property, group: o.name === '-q' || o.name === '-n' ? 'a' : 'b', detail: o.argument ? `${o.name} ${o.argument}: ${o.description}` : o.description, documentation: doc_ });
  }
  return c.result();
}

const catalogDocs = new Map<string, { detail: string; documentation: MarkupContent }>();

/** Detail and documentation of a catalog macro (the catalog is static: cached per profile). */
function catalogDoc(info: MacroInfo, release: Release): { detail: string; documentation: MarkupContent } {
  const key = `${release.id}\u0000${info.name}`;
  let hit = catalogDocs.get(key);
  if (!hit) catalogDocs.set(key, (hit = { detail: truncate(macroExpansionText(info, release), 100), documentation: md(macroDocumentation(info, release)) }));
  return hit;
}

function catalogKind(info: MacroInfo): CompletionItemKindValue {
  if (info.kind === 'function') return CompletionItemKind.Function;
  if (info.parametric) return CompletionItemKind.Method;
  if (info.kind === 'directory') return CompletionItemKind.Folder;
  return CompletionItemKind.Constant;
}

function optionChoice(names: string[]): string {
  const choices = names.filter((n) => /^-[A-Za-z]$/.test(n)).map((n) => n.replace(/[,|\\]/g, '\\$&'));
  return choices.length > 0 ? ` \${1|${choices.join(',')}|}` : '';
}

function macroCompletion(
  doc: SpecDocument, offset: number, lineEnd: number, percent: number, braced: boolean, flags: string, typed: string,
  sectionKind: string, profile: Profile,
): CompletionList {
  const { text, lines } = doc;
  const nameStart = offset - typed.length;
  const nameEnd = identifierEnd(text, offset, lineEnd);
  const ref = refAt(doc, percent);
  const needClose = braced && !(ref && ref.start === percent && ref.closed);
  const close = needClose ? '}' : '';
  const range = lines.range(nameStart, nameEnd);
  const c = new Collector(range, typed);
  const lineStart = lines.lineStarts[lines.lineOf(offset)];
  const atLineStart = !braced && flags === '' && /^\s*$/.test(text.slice(lineStart, percent));
  const conditionalForm = flags !== '';

  if (atLineStart) {
    for (const s of SECTIONS) {
      const name = s.name.slice(1);
      const deprecated = s.status !== 'current';
      c.add(s.name, name, { kind: CompletionItemKind.Module, group: 'a', filter: name, detail: `${s.kind}`, documentation: md(s.description), deprecated });
      for (const o of s.options) {
        if (o.name === '--') continue;
        const label = `${s.name} ${o.name}`;
        c.add(label, o.argument ? `${name} ${o.name} \${1:${o.argument}}` : `${name} ${o.name}`, { kind: CompletionItemKind.Module, group: 'a', filter: `${name} ${o.name}`, detail: o.description, snippet: !!o.argument, deprecated });
      }
    }
    for (const k of CONDITIONAL_KEYWORDS) {
      const name = k.name.slice(1);
      c.add(k.name, k.argument ? `${name} \${1:${k.argument}}` : name, { kind: CompletionItemKind.Keyword, group: 'a', filter: name, detail: k.argument ? `${k.name} ${k.argument}` : k.name, documentation: md(k.description), snippet: !!k.argument });
    }
  }

  // Build conditional macros: %{?with_NAME}.
  for (const b of doc.buildConditionals) {
    const on = b.defaultEnabled === true;
    c.add(`with_${b.name}`, `with_${b.name}${close}`, { kind: CompletionItemKind.Variable, group: 'b', detail: `build conditional${b.defaultEnabled === undefined ? '' : on ? ' (on by default)' : ' (off by default)'}` });
  }

  // The file's own macros.
  const seenFile = new Set<string>();
  for (const d of doc.macroDefinitions) {
    if (d.keyword === 'undefine' || seenFile.has(d.name)) continue;
    seenFile.add(d.name);
    const parametric = d.parameters !== undefined;
    const opts = parametric ? [...d.parameters!.replace(/:/g, '')].map((ch) => `-${ch}`) : [];
    const insert = parametric && !braced && !conditionalForm ? `${d.name}${optionChoice(opts)}` : `${d.name}${close}`;
    c.add(d.name, insert, {
      kind: parametric ? CompletionItemKind.Method : CompletionItemKind.Variable,
      group: 'a',
      lazy: () => ({
        detail: truncate(d.body, 80),
        documentation: md(`Defined at line ${d.line + 1}: ${code(truncate(`%${d.keyword} ${d.name}${parametric ? `(${d.parameters})` : ''} ${d.body}`, 200))}`),
      }),
      snippet: parametric && !braced && !conditionalForm && opts.length > 0,
    });
  }

  // The project's macros (specwright.json "define" and "macroFiles").
  for (const m of profile.macros) {
    if (seenFile.has(m.name)) continue;
    seenFile.add(m.name);
    c.add(m.name, `${m.name}${close}`, {
      kind: m.parameters !== undefined ? CompletionItemKind.Method : CompletionItemKind.Variable,
      group: 'a',
      lazy: () => ({ detail: truncate(m.body, 80), documentation: md(`Defined by the project: ${m.origin}: ${code(truncate(`%${m.name} ${m.body}`, 200))}`) }),
    });
  }

  // SOURCEn / PATCHn of this file.
  if (typed === '' || /^[SP]/i.test(typed)) {
    for (const key of ['source', 'patch'] as const) {
      const upper = key.toUpperCase();
      for (const t of numberedTags(doc, key)) c.add(`${upper}${t.number}`, `${upper}${t.number}${close}`, { kind: CompletionItemKind.File, group: 'c', detail: truncate(t.tag.value, 80) });
    }
  }

  // Catalog macros.
  for (const info of allMacros()) {
    if (info.numbered || seenFile.has(info.name)) continue;
    const isFunction = info.kind === 'function' && info.argument !== undefined;
    const lazy: Lazy = () => catalogDoc(info, profile.release);
    const deprecated = !!info.deprecated;
    const everyday = conditionalForm ? EVERYDAY_CONDITIONALS.indexOf(info.name) : -1;
    // In %{?…} the distribution tests come first; rpm's internals (`__cmake`) after the public macros.
    const group = everyday >= 0 ? `b${String(everyday).padStart(2, '0')}` : !isMacroDefined(info.name, profile.release) ? 'y' : info.name.startsWith('__') ? 'x' : 'b';
    const common = { kind: catalogKind(info), group, lazy, deprecated };
    if (isFunction) {
      if (conditionalForm) continue;
      const arg = `\${1:${snippetText(info.argument!)}}`;
      if (braced) {
        const tail = needClose ? `:${arg}}` : text[nameEnd] === ':' || text[nameEnd] === ' ' ? '' : `:${arg}`;
        c.add(info.name, `${info.name}${tail}`, { ...common, snippet: tail !== '' });
      } else {
        // `%basename` is not a call: rewrite to the braced form, replacing from the `%`.
        c.add(info.name, `%{${info.name}:${arg}}`, { ...common, snippet: true, filter: `%${info.name}`, range: lines.range(percent, nameEnd) });
      }
      continue;
    }
    if (info.parametric && info.options.length > 0 && !braced && !conditionalForm && sectionKind !== 'preamble' && sectionKind !== 'package') {
      c.add(info.name, `${info.name}${optionChoice(info.options.map((o) => o.name))}`, { ...common, snippet: true });
      continue;
    }
    c.add(info.name, `${info.name}${close}`, common);
  }
  return c.result();
}

/**
 * What `%{?…}` and `%{!?…}` test in everyday specs, ranked above the rest: the distribution tests
 * first, then the most used others (Fedora corpus: `%{?_isa}` 14,528, `%{?dist}` 13,084,
 * `%{?rhel}` 5,189, `%{?fedora}` 4,387, `%{?epoch}` 1,525, `%{?suse_version}` 623).
 */
const EVERYDAY_CONDITIONALS = [
  'dist', 'fedora', 'rhel', 'suse_version', '_isa', 'epoch', 'sle_version', 'is_opensuse', 'centos', 'mageia', 'el8', 'el9', 'el10', 'amzn', 'mdkversion', '_smp_mflags',
];

function tagCompletion(doc: SpecDocument, offset: number, lineEnd: number, typed: string, subpackage: boolean): CompletionList {
  const { text, lines } = doc;
  const start = offset - typed.length;
  const end = identifierEnd(text, offset, lineEnd);
  const hasColon = /^\s*(\([^)]*\))?\s*:/.test(text.slice(end, lineEnd));
  const c = new Collector(lines.range(start, end), typed);
  const style = tagAlignment(doc);
  const sep = (name: string) => {
    if (hasColon) return name;
    const head = `${name}:`;
    if (style.kind === 'spaces') return head + ' '.repeat(Math.max(1, style.column - head.length));
    return head + '\t'.repeat(Math.max(1, Math.ceil((style.column - head.length) / 8)));
  };
  for (const t of TAGS) {
    if (subpackage && !t.subpackage) continue;
    const deprecated = t.status !== 'current';
    const documentation = md(`${t.description}${t.replacement ? `\n\nUse ${code(t.replacement)} instead.` : ''}`);
    if (t.numbered) {
      const key = t.name.toLowerCase() as 'source' | 'patch';
      const used = numberedTags(doc, key);
      const next = used.length === 0 ? 0 : maxOf(used.map((u) => u.number)) + 1;
      const label = `${t.name}${next}`;
      c.add(label, sep(label), { kind: CompletionItemKind.Property, group: 'a', filter: label, detail: 'tag', documentation, deprecated });
      continue;
    }
    c.add(t.name, sep(t.name), { kind: CompletionItemKind.Property, group: t.required ? 'a' : 'b', detail: t.status === 'current' ? 'tag' : `tag (${t.status})`, documentation, deprecated });
  }
  return c.result();
}

/** How the file aligns tag values: by spaces to a column, or by tabs (default: tabs to column 16). */
const tagAlignment = cachedPerParse((doc: SpecDocument): { kind: 'tabs' | 'spaces'; column: number } => {
  let tabs = 0;
  let spaces = 0;
  const columns = new Map<number, number>();
  for (const t of doc.tags.slice(0, 30)) {
    const gap = doc.text.slice(t.nameSpan.end, t.valueSpan.start);
    if (gap.includes('\t')) tabs++;
    else if (gap.length > 2) {
      spaces++;
      const col = t.valueSpan.start - t.start;
      columns.set(col, (columns.get(col) ?? 0) + 1);
    }
  }
  let column = 16;
  let best = 0;
  for (const [col, n] of columns) if (n > best) [column, best] = [col, n];
  return spaces > tabs ? { kind: 'spaces' as const, column } : { kind: 'tabs' as const, column: 16 };
});

// ---------------------------------------------------------------------------------------------
// dkms.conf

export function dkmsCompletion(doc: DkmsDocument, offset: number): CompletionList {
  const { text, lines } = doc;
  const line = lines.lineOf(offset);
  const lineStart = lines.lineStarts[line];
  const lineEnd = lines.lineEnd(line);
  const before = text.slice(lineStart, offset);
  if (/^\s*#/.test(before)) return EMPTY;

  // $var / ${var} (not inside single quotes).
  const v = /\$(\{?)([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (v && (before.slice(0, v.index).split("'").length - 1) % 2 === 0) {
    const typed = v[2] ?? '';
    const start = offset - typed.length;
    const end = identifierEnd(text, offset, lineEnd);
    const close = v[1] === '{' && text[end] !== '}' ? '}' : '';
    const c = new Collector(lines.range(start, end), typed);
    for (const a of doc.assignments) {
      if (a.line >= line) break;
      const d = getDkmsDirective(a.name);
      c.add(a.name, a.name + close, { kind: CompletionItemKind.Variable, group: 'a', detail: truncate(a.values.map((x) => x.text).join(' '), 60), documentation: md(`Assigned at line ${a.line + 1}${d ? `: ${d.description}` : ''}`) });
    }
    for (const dv of DKMS_VARIABLES) c.add(dv.name, dv.name + close, { kind: CompletionItemKind.Variable, group: dv.origin === 'shell' ? 'c' : 'b', detail: dv.example ? `e.g. ${dv.example}` : dv.origin, documentation: md(dv.description) });
    return c.result();
  }

  // Values.
  const val = /^\s*([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=(.*)$/.exec(before);
  if (val) {
    const d = getDkmsDirective(val[1]);
    if (!d) return EMPTY;
    const soFar = val[3];
    const quoted = soFar.startsWith('"') || soFar.startsWith("'");
    const typed = quoted ? soFar.slice(1) : soFar;
    if (/["'\s]/.test(typed)) return EMPTY;
    const start = offset - typed.length;
    const rest = text.slice(offset, lineEnd);
    const end = offset + /^[^"'\s]*/.exec(rest)![0].length;
    const q = soFar[0] ?? '';
    const closing = quoted ? (text[end] === q ? '' : q) : '';
    const wrap = (s: string) => (quoted ? s + closing : `"${s}"`);
    const c = new Collector(lines.range(start, end), typed);
    if (d.valueKind === 'yes-no') {
      for (const yn of ['yes', 'no']) c.add(yn, wrap(yn), { kind: CompletionItemKind.Value, detail: d.name });
    } else if (d.name === 'DEST_MODULE_LOCATION') {
      for (const p of DKMS_DEST_LOCATION_PREFIXES) c.add(p, wrap(p), { kind: CompletionItemKind.Folder, detail: 'install root under /lib/modules/$kernelver' });
      c.add('/kernel/drivers/…', quoted ? `/kernel/drivers/\${1:misc}${closing}` : `"/kernel/drivers/\${1:misc}"`, { kind: CompletionItemKind.Folder, filter: '/kernel/drivers/', detail: 'the kernel\'s own tree (replaces in-tree modules)', snippet: true });
    } else {
      const example = /=(.*)$/.exec(d.example)?.[1];
      if (example) {
        const bare = example.replace(/^"(.*)"$/, '$1');
        c.add(bare, wrap(bare), { kind: CompletionItemKind.Value, detail: `example value of ${d.name}`, documentation: md(d.description) });
      }
    }
    return c.result();
  }

  // Directives at the start of a line.
  const dir = /^\s*([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (dir) {
    const typed = dir[1] ?? '';
    const start = offset - typed.length;
    const end = identifierEnd(text, offset, lineEnd);
    const hasRest = /^\s*(\[|\+?=)/.test(text.slice(end, lineEnd));
    const c = new Collector(lines.range(start, end), typed);
    const assigned = new Set(doc.assignments.map((a) => a.name));
    for (const d of DKMS_DIRECTIVES) {
      const insert = hasRest ? d.name : d.indexed ? `${d.name}[\${1:0}]="$2"` : `${d.name}="$1"`;
      const facts = [d.required === 'always' ? 'required' : '', d.deprecated ? `deprecated since dkms ${d.deprecated.since}` : ''].filter(Boolean).join(', ');
      c.add(d.name, insert, {
        kind: CompletionItemKind.Property,
        group: d.required === 'always' && !assigned.has(d.name) ? 'a' : !d.indexed && assigned.has(d.name) ? 'c' : 'b',
        detail: `${d.indexed ? 'indexed directive' : 'directive'}${facts ? ` (${facts})` : ''}`,
        documentation: md(`${d.description}\n\nExample: ${code(d.example)}${d.deprecated ? `\n\n**Deprecated:** ${d.deprecated.instead}` : ''}`),
        snippet: !hasRest,
        deprecated: !!d.deprecated,
      });
    }
    return c.result();
  }
  return EMPTY;
}

const DKMS_VALUE_OPTIONS = new Set(DKMS_COMMAND_OPTIONS.filter((o) => o.argument).flatMap((o) => o.names));

/**
 * The cursor is in (or just after) a `dkms …` command of a shell section: the text of the word
 * before the cursor and the subcommand given before it, if any.
 */
function dkmsCommandAt(doc: SpecDocument, section: Section, offset: number): { prefix: string; subcommand?: string } | undefined {
  const script = shellScript(doc, section);
  if (!script) return undefined;
  const line = doc.lines.lineOf(offset);
  for (const cmd of script.commands) {
    if (cmd.start > offset) break;
    if (offset > cmd.end && (doc.lines.lineOf(cmd.end) !== line || !/^[ \t]+$/.test(doc.text.slice(cmd.end, offset)))) continue;
    const name = commandName(cmd);
    if (!name || !/(?:^|\/)dkms$/.test(name.value) || offset <= name.end) continue;
    let subcommand: string | undefined;
    let prefix = '';
    for (let k = cmd.nameIndex + 1; k < cmd.words.length; k++) {
      const w = cmd.words[k];
      if (w.start > offset) break;
      if (offset <= w.end) {
        prefix = doc.text.slice(w.start, offset);
        break;
      }
      if (w.redirect) continue;
      if (w.text.startsWith('-')) {
        if (DKMS_VALUE_OPTIONS.has(w.text)) k++;
        continue;
      }
      subcommand ??= w.text;
    }
    return subcommand === undefined ? { prefix } : { prefix, subcommand };
  }
  return undefined;
}
