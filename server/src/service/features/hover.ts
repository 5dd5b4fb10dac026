// Hover: macros (catalog and file), tags, sections, conditionals, dependency operators and
// rich-dependency keywords, dkms commands in scriptlets; dkms.conf directives and variables.
import { lookupToolInputMacro } from '../catalog/kernelModules';
import {
  CONDITIONAL_KEYWORDS, DEPENDENCY_OPERATORS, RICH_DEPENDENCY_KEYWORDS, isMacroDefined, lookupArchMacro, lookupMacro, lookupSection, lookupTag, macroValue,
} from '../catalog/index';
import { getDkmsCommandOption, getDkmsDirective, getDkmsSubcommand, getDkmsVariable } from '../catalog/dkmsDirectives';
import type { DkmsDocument } from '../dkms/ast';
import { buildExclusiveConfigNote, buildExclusiveElement, buildExclusiveElementNote, buildExclusiveSettings, buildExclusiveTable } from '../dkms/buildExclusive';
import type { SpecDocument, Span } from '../specfile/ast';
import type { Hover } from '../types';
import { profileOf, type ProfileLike } from '../catalog/profile';
import { definitionTable, scopeOf } from '../specfile/macroScope';
import { DISTRO_LABEL, code, macroDocumentation, plain, truncate } from './markdown';
import { numberedTags, occurrences, specTargetAt, type SpecTarget } from './specTargets';

export interface HoverOptions {
  distro: ProfileLike;
}

function hover(doc: { lines: { range(s: number, e: number): import('../types').Range } }, span: Span, value: string): Hover {
  return { contents: { kind: 'markdown', value }, range: doc.lines.range(span.start, span.end) };
}

export function specHover(doc: SpecDocument, offset: number, options: HoverOptions): Hover | undefined {
  const target = specTargetAt(doc, offset);
  if (!target) return undefined;
  const value = specHoverText(doc, target, options.distro);
  return value ? hover(doc, target.span, value) : undefined;
}

function specHoverText(doc: SpecDocument, target: SpecTarget, distro: ProfileLike): string | undefined {
  switch (target.kind) {
    case 'macro':
      return macroHoverText(doc, target.name, distro);
    case 'bcond': {
      const b = doc.buildConditionals.find((x) => x.name === target.name);
      if (!b) return `**Build conditional ${code(target.name)}**\n\nNot declared with \`%bcond\` in this file: \`%{with ${target.name}}\` is 0 unless \`--with ${target.name}\` is given.`;
      const dflt = b.defaultEnabled === undefined ? 'depends on its default expression' : b.defaultEnabled ? 'enabled (disable with `--without ' + b.name + '`)' : 'disabled (enable with `--with ' + b.name + '`)';
      return `**Build conditional ${code(b.name)}**\n\nDeclared at line ${b.line + 1}: ${code(doc.text.slice(b.start, b.end))}\n\nBy default: ${dflt}.`;
    }
    case 'source':
    case 'patch': {
      const tag = numberedTags(doc, target.kind).find((t) => t.number === target.number)?.tag;
      const label = `${target.kind === 'source' ? 'Source' : 'Patch'}${target.number}`;
      if (!tag) return `**${label}**\n\nNo \`${label}:\` tag in this file.`;
      const uses = occurrences(doc, target).filter((o) => !o.definition).length;
      const what = target.kind === 'source' ? lookupTag('Source') : lookupTag('Patch');
      const expanded = scopeOf(doc, distro).expand(tag.value, tag.start);
      const value = !expanded.uncertain && expanded.undefinedNames.length === 0 && expanded.text !== tag.value ? `\n\nExpands to ${code(expanded.text)}` : '';
      return `**${label}**: ${code(tag.value)} (line ${tag.line + 1})${value}\n\n${what?.description ?? ''}\n\n${uses === 0 ? 'Not used in this file.' : `Used ${uses} time${uses === 1 ? '' : 's'} in this file.`}`;
    }
    case 'autopatch':
      return macroHoverText(doc, 'autopatch', distro);
    case 'package': {
      const p = doc.packages[target.index];
      if (!p) return undefined;
      return `**Subpackage ${code(p.name)}**\n\nDeclared by ${code(doc.text.slice(p.section!.header.start, p.section!.header.end))} at line ${p.section!.headerLine + 1}.`;
    }
    case 'tag': {
      const info = lookupTag(target.tag.name);
      if (!info) return `**${target.tag.name}**\n\nNot a tag rpm knows.`;
      const parts = [`**${info.name}:** tag${info.status !== 'current' ? ` (${info.status})` : ''}`, info.description];
      if (info.replacement) parts.push(`Use ${code(info.replacement)} instead.`);
      if (info.qualifiers.length > 0) parts.push(`Qualifiers: ${info.qualifiers.map((q) => code(`${info.name}(${q})`)).join(', ')}`);
      const facts: string[] = [];
      if (info.required) facts.push('required');
      if (info.multiple) facts.push('may repeat');
      if (info.numbered) facts.push('numbered');
      if (!info.subpackage) facts.push('main package only');
      if (info.since) facts.push(`rpm ≥ ${info.since}`);
      if (facts.length > 0) parts.push(`*${facts.join(' · ')}*`);
      return parts.join('\n\n');
    }
    case 'section': {
      const info = lookupSection(`%${target.section.name}`);
      if (!info) return undefined;
      const parts = [`**${info.name}** ${info.kind === 'section' ? 'section' : info.kind}${info.status !== 'current' ? ` (${info.status})` : ''}`, plain(info.description)];
      if (info.argument) parts.push(`\`$1\`: ${info.argument}`);
      if (info.options.length > 0) parts.push(info.options.map((o) => `- ${code(o.argument ? `${o.name} ${o.argument}` : o.name)}: ${plain(o.description)}`).join('\n'));
      if (info.since) parts.push(`*Since rpm ${info.since}.*`);
      return parts.join('\n\n');
    }
    case 'conditional': {
      const info = CONDITIONAL_KEYWORDS.find((k) => k.name === `%${target.keyword}`);
      return info ? `**${info.name}**${info.argument ? ` *${info.argument}*` : ''}\n\n${info.description}` : undefined;
    }
    case 'operator': {
      const op = target.operator === '==' ? '=' : target.operator;
      const info = DEPENDENCY_OPERATORS.find((o) => o.operator === op);
      return info ? `**${code(target.operator)}** version comparison: ${info.description}.\n\nVersions compare as \`[epoch:]version[-release]\`; a missing epoch counts as 0, a missing release matches any.` : undefined;
    }
    case 'rich': {
      const info = RICH_DEPENDENCY_KEYWORDS.find((k) => k.name === target.keyword);
      return info ? `**${info.name}** (rich dependency)\n\n${info.description}` : undefined;
    }
    case 'dkms-subcommand':
      return dkmsSubcommandText(target.name);
    case 'dkms-common-postinst':
      return COMMON_POSTINST_TEXT;
    case 'dkms-option': {
      const o = getDkmsCommandOption(target.name);
      return o ? `**dkms ${code(o.names.join(', '))}**${o.argument ? ` ${code(o.argument)}` : ''}\n\n${o.description}${o.note ? `\n\n${o.note}` : ''}` : undefined;
    }
  }
  return undefined;
}

/** What dkms's common.postinst does, read from the script dkms 3.0.10 installs (/usr/lib/dkms/common.postinst). */
const COMMON_POSTINST_TEXT = [
  '**/usr/lib/dkms/common.postinst** `NAME VERSION [TARBALL_ROOT] [ARCH] [UPGRADE]`',
  "dkms's helper for Debian maintainer scripts (dh_dkms's postinst runs it); dkms still installs it (3.0.10, and upstream's `install-redhat` target). What it does (dkms 3.0.10):",
  [
    '- nothing when `/etc/dkms/no-autoinstall` exists;',
    '- `dkms remove -m NAME -v VERSION --all` when dkms has NAME/VERSION already, then `dkms add` **without `--rpm_safe_upgrade`**, so a `dkms remove … --rpm_safe_upgrade` in `%preun` is not cancelled on a same-version upgrade;',
    "- builds and installs for the running kernel and the newest kernel it finds (on rpm systems the last line of `rpm -q --whatprovides kernel`), not for every installed kernel unless framework.conf sets `autoinstall_all_kernels` (or, on a first installation, the running kernel is not installed, as in a chroot); it reads `dkms status` output to decide;",
    '- runs under `set -e` and exits with `dkms build`\'s status when a build fails, so the scriptlet fails unless `|| :` follows.',
  ].join('\n'),
].join('\n\n');

function dkmsSubcommandText(name: string): string | undefined {
  const s = getDkmsSubcommand(name);
  if (!s) return undefined;
  return `**dkms ${s.name}**\n\n${code(s.synopsis)}\n\n${s.description}${s.options.length > 0 ? `\n\nOptions: ${s.options.map(code).join(' ')}` : ''}`;
}

/** Hover text of a macro: the file's own definition first, then the catalog. */
export function macroHoverText(doc: SpecDocument | undefined, name: string, distroLike: ProfileLike): string | undefined {
  const profile = profileOf(distroLike);
  const label = profile.release.short;
  const info = lookupMacro(name);
  const defs = doc ? definitionTable(doc).definitions(name) : [];
  const parts: string[] = [];
  const project = defs.length === 0 ? [...profile.macros].reverse().find((m) => m.name === name) : undefined;
  if (project) {
    parts.push(`**%${name}**${project.parameters !== undefined ? ` (parametric: ${code(`(${project.parameters})`)})` : ''} — defined by the project: ${project.origin}`);
    parts.push(code(truncate(`%${name}${project.parameters !== undefined ? `(${project.parameters})` : ''} ${project.body}`, 200)));
    if (project.parameters === undefined && doc) {
      const r = scopeOf(doc, profile).expand(`%{${name}}`, 0);
      if (!r.uncertain && r.undefinedNames.length === 0 && r.text !== project.body) parts.push(`Expands to ${code(truncate(r.text, 200))} on ${label}`);
    }
    if (info) parts.push(`Overrides the ${info.builtin ? 'built-in' : 'distribution'} macro: ${info.description}`);
    return parts.join('\n\n');
  }
  if (defs.length > 0) {
    const d = defs[0];
    parts.push(`**%${name}**${d.parameters !== undefined ? ` (parametric: ${code(`(${d.parameters})`)})` : ''} — defined in this file`);
    const lines = defs.slice(0, 3).map((x) => `- line ${x.line + 1}: ${code(`%${x.keyword} ${x.name}${x.parameters !== undefined ? `(${x.parameters})` : ''} ${truncate(x.body, 100)}`)}`);
    if (defs.length > 3) lines.push(`- … ${defs.length - 3} more`);
    parts.push(lines.join('\n'));
    if (d.parameters === undefined && doc) {
      // The value at the end of the file, where scriptlets and %files read it.
      const r = scopeOf(doc, profile).expand(`%{${name}}`, doc.text.length);
      if (!r.uncertain && r.undefinedNames.length === 0 && r.text !== d.body) parts.push(`Expands to ${code(truncate(r.text, 200))} on ${label}`);
    }
    if (info) parts.push(`Overrides the ${info.builtin ? 'built-in' : 'distribution'} macro: ${info.description}`);
    else {
      const input = lookupToolInputMacro(name);
      if (input) parts.push(`Read by ${input.readBy}: ${input.description}\n\n*Source: ${input.source}.*`);
    }
    return parts.join('\n\n');
  }
  if (info) {
    parts.push(`**%${info.name}** · ${info.kind} macro${info.builtin ? ' (built into rpm)' : ''}`);
    const value = macroValue(info.name, profile.release);
    if (!isMacroDefined(info.name, profile.release)) {
      const on = info.definedOn.map((p) => DISTRO_LABEL[p]).join(', ');
      parts.push(`Not defined on ${label}${on ? ` (defined on ${on})` : ''}.`);
    } else if (value !== undefined) {
      parts.push(`${code(value)} on ${label}`);
    }
    const own = doc && info.valueless === 'taken from the spec' ? scopeOf(doc, profile).finalValue(name).entry?.value : undefined;
    if (own !== undefined) parts.push(`In this file: ${code(truncate(own, 120))}`);
    parts.push(macroDocumentation(info, profile));
    parts.push(`*Defined by ${info.builtin ? 'rpm itself' : 'the distribution\'s macro files'} (Specwright catalog), not in this file.*`);
    return parts.join('\n\n');
  }
  const arch = lookupArchMacro(name);
  if (arch) return `**%${arch.name}** · architecture list\n\n${arch.description}\n\n${code(arch.value)}`;
  const input = lookupToolInputMacro(name);
  if (input) return `**%${name}** · read by ${input.readBy}\n\n${input.description}\n\nNot defined in this file: the spec defines it when it needs it.\n\n*Source: ${input.source}.*`;
  if (/^(with|without)_\w+$/.test(name)) return `**%${name}**\n\nSet by \`--${name.startsWith('with_') ? 'with' : 'without'} ${name.replace(/^with(out)?_/, '')}\` or a \`%bcond\` default.`;
  return `**%${name}**\n\nNot defined in this file and unknown to the ${label} profile: it may come from a macro package installed at build time (list the project's macro files in specwright.json "macroFiles").`;
}

// ---- dkms.conf ----

export function dkmsHover(doc: DkmsDocument, offset: number): Hover | undefined {
  for (const a of doc.assignments) {
    if (a.start > offset) break;
    if (offset >= a.nameSpan.start && offset <= a.nameSpan.end) {
      const d = getDkmsDirective(a.name);
      if (!d) return hover(doc, a.nameSpan, `**${a.name}**\n\nNot a dkms.conf directive: dkms ignores it (a shell variable of the file).`);
      const parts = [`**${d.name}**${d.indexed ? '`[i]`' : ''} · dkms.conf directive`, d.description];
      const facts: string[] = [];
      if (d.required === 'always') facts.push('required');
      if (d.required === 'per-record') facts.push('required for every module record');
      if (d.required === 'multi-module') facts.push('required with several modules');
      if (d.defaultValue) facts.push(`default: ${d.defaultValue}`);
      if (d.since) facts.push(`dkms ≥ ${d.since}`);
      if (facts.length > 0) parts.push(`*${facts.join(' · ')}*`);
      if (d.deprecated) parts.push(`**Deprecated** since dkms ${d.deprecated.since}: ${d.deprecated.instead}`);
      parts.push(`Example: ${code(d.example)}`);
      if (a.name.startsWith('BUILD_EXCLUSIVE_')) parts.push(buildExclusiveHover(doc, a));
      return hover(doc, a.nameSpan, parts.filter(Boolean).join('\n\n'));
    }
    for (const v of a.values) {
      if (offset < v.start || offset > v.end) continue;
      for (const ref of v.variables) {
        if (offset < ref.start || offset > ref.end) continue;
        return hover(doc, { start: ref.start, end: ref.end }, dkmsVariableText(doc, ref.name, a.start));
      }
      if (a.name.startsWith('BUILD_EXCLUSIVE_')) {
        const text = buildExclusiveHover(doc, a);
        if (text) return hover(doc, { start: v.start, end: v.end }, text);
      }
    }
  }
  return undefined;
}

/** What dkms builds for under the file's BUILD_EXCLUSIVE_* (and what an element [i ≥ 1] would do). */
function buildExclusiveHover(doc: DkmsDocument, a: DkmsDocument['assignments'][number]): string {
  const global = buildExclusiveSettings(doc.assignments);
  if (a.indexText !== undefined && a.index !== 0) {
    return a.index === undefined ? '' : buildExclusiveElementNote(global, buildExclusiveElement(doc.assignments, a.index), a.index);
  }
  if (a.name === 'BUILD_EXCLUSIVE_CONFIG') return a.values.length === 1 && a.values[0].variables.length === 0 ? buildExclusiveConfigNote(a.values[0].text) : '';
  return buildExclusiveTable(global);
}

function dkmsVariableText(doc: DkmsDocument, name: string, before: number): string {
  const own = doc.assignments.filter((a) => a.name === name && a.start < before);
  const v = getDkmsVariable(name);
  const parts = [`**$${name}**`];
  if (v) parts.push(`${v.description}${v.example ? `\n\nFor example ${code(v.example)}` : ''}`);
  if (own.length > 0) {
    const last = own[own.length - 1];
    parts.push(`Assigned at line ${last.line + 1}: ${code(truncate(doc.text.slice(last.start, last.end), 100))}`);
  }
  if (!v && own.length === 0) parts.push('Not set by dkms and not assigned earlier in this file: it expands to an empty string unless the environment sets it.');
  return parts.join('\n\n');
}
