// Signature help for parametric macros (`%setup`, `%autosetup`, `%patch`, `%ldconfig_scriptlets`,
// `%cmake`, `%meson`, `%py3_build`, `%pyproject_*`, the file's own `%define name(opts)`) and for
// `dkms` subcommands in shell sections. Options come from the macro catalog and the definition's
// option string; the active parameter is the option the cursor is on or after.
import type { ProfileLike } from '../catalog/profile';
import { lookupMacro } from '../catalog/index';
import { DKMS_SUBCOMMANDS } from '../catalog/dkmsDirectives';
import type { SpecDocument } from '../specfile/ast';

export interface SignatureParameter {
  label: [number, number];
  documentation?: string;
}

export interface SignatureHelp {
  signatures: { label: string; documentation?: { kind: 'markdown'; value: string }; parameters: SignatureParameter[] }[];
  activeSignature: number;
  activeParameter: number;
}

/** Macros that pass free arguments on to a tool (the catalog has no options for them). */
const PASS_THROUGH: Record<string, string> = {
  cmake: 'ARGUMENT... passed to cmake (after -S . -B %{__cmake_builddir} and the distribution flags)',
  meson: 'ARGUMENT... passed to meson setup (after the distribution options)',
  py3_build: 'ARGUMENT... passed to setup.py build',
  py3_install: 'ARGUMENT... passed to setup.py install',
  pyproject_wheel: 'ARGUMENT... (-C KEY=VALUE config settings for the build backend)',
  configure: 'ARGUMENT... passed to ./configure',
};

function build(name: string, parts: { text: string; doc?: string }[], doc?: string): SignatureHelp['signatures'][number] {
  let label = `%${name}`;
  const parameters: SignatureParameter[] = [];
  for (const p of parts) {
    label += ' ';
    parameters.push({ label: [label.length, label.length + p.text.length], ...(p.doc ? { documentation: p.doc } : {}) });
    label += p.text;
  }
  return { label, ...(doc ? { documentation: { kind: 'markdown' as const, value: doc } } : {}), parameters };
}

/** Options of a `%define name(opts)` option string: `ab:` → -a, -b ARG. */
function definitionOptions(parameters: string): { text: string; doc?: string; takesArgument?: boolean }[] {
  const out: { text: string; doc?: string; takesArgument?: boolean }[] = [];
  for (let i = 0; i < parameters.length; i++) {
    const c = parameters[i];
    if (!/[A-Za-z0-9]/.test(c)) continue;
    if (parameters[i + 1] === ':') {
      out.push({ text: `[-${c} ARG]`, takesArgument: true });
      i++;
    } else out.push({ text: `[-${c}]` });
  }
  out.push({ text: '[ARG...]', doc: 'positional arguments: %1, %2… (%* all of them)' });
  return out;
}

/** Index of the parameter the cursor is in: the option being written or whose argument is, else the positional part. */
function activeParameter(parts: { text: string; takesArgument?: boolean }[], typed: string): number {
  const words = typed.trim().split(/\s+/).filter(Boolean);
  const inWord = !/\s$/.test(typed) && words.length > 0;
  const current = inWord ? words[words.length - 1] : undefined;
  const previous = inWord ? words[words.length - 2] : words[words.length - 1];
  const indexOf = (word: string | undefined) => {
    if (!word?.startsWith('-')) return -1;
    const flag = /^(--?[A-Za-z0-9_-]+?)(?:=.*|\d+)?$/.exec(word)?.[1] ?? word;
    return parts.findIndex((p) => p.text.replace(/^\[/, '').replace(/\]$/, '').split(' ')[0] === flag);
  };
  const k = indexOf(current);
  if (k >= 0) return k;
  const p = indexOf(previous);
  // `-n |` or `-n fo|`: in the option's argument (unless the option was written with its value, `-p1`).
  if (p >= 0 && parts[p].takesArgument && /^-[A-Za-z]$|^--[\w-]+$/.test(previous!)) return p;
  const positional = parts.findIndex((x) => !x.text.replace(/^\[/, '').startsWith('-'));
  return positional >= 0 ? positional : 0;
}

export function specSignatureHelp(doc: SpecDocument, offset: number, distro: ProfileLike): SignatureHelp | undefined {
  const line = doc.lines.lineOf(offset);
  const lineStart = doc.lines.lineStarts[line];
  const before = doc.text.slice(lineStart, offset);
  const section = doc.sections[doc.lineSection[line]];

  if (section?.bodyLanguage === 'shell') {
    const d = /(?:^|[\s;&|(`])dkms\s+([a-z_]+)(\s.*)?$/.exec(before);
    if (d && d[2] !== undefined) {
      const sub = DKMS_SUBCOMMANDS.find((s) => s.name === d[1]);
      if (sub) {
        const words = sub.synopsis.replace(/^dkms\s+\S+\s*/, '');
        const parts = words.match(/\[[^\]]*\]|\S+/g)?.map((text) => ({ text })) ?? [];
        const sig = { label: sub.synopsis, documentation: { kind: 'markdown' as const, value: `${sub.description}\n\nOptions: ${sub.options.map((o) => `\`${o}\``).join(', ') || 'none'}` }, parameters: [] as SignatureParameter[] };
        let at = sub.synopsis.length - words.length;
        for (const p of parts) {
          const i = sub.synopsis.indexOf(p.text, at);
          sig.parameters.push({ label: [i, i + p.text.length] });
          at = i + p.text.length;
        }
        return { signatures: [sig], activeSignature: 0, activeParameter: activeParameter(parts, d[2]) };
      }
    }
  }

  const m = /^\s*%\{?([A-Za-z_]\w*)\}?(\s.*)$/.exec(before);
  if (!m) return undefined;
  const name = m[1];
  const typed = m[2];
  const own = doc.macroDefinitions.filter((x) => x.name === name && x.parameters !== undefined).pop();
  if (own) {
    const parts = definitionOptions(own.parameters ?? '');
    return { signatures: [build(name, parts, `Defined in this file (line ${own.line + 1}): \`%${own.keyword} ${name}(${own.parameters})\``)], activeSignature: 0, activeParameter: activeParameter(parts, typed) };
  }
  const info = lookupMacro(name);
  void distro;
  const pass = PASS_THROUGH[name];
  if (!info && !pass) return undefined;
  const parts: { text: string; doc?: string; takesArgument?: boolean }[] = (info?.options ?? []).map((o) => ({ text: o.argument ? `[${o.name} ${o.argument}]` : `[${o.name}]`, doc: o.description, takesArgument: !!o.argument }));
  if (pass) parts.push({ text: `[${pass.split(' ')[0]}]`, doc: pass });
  else if (name === 'patch') parts.push({ text: '[N...]', doc: 'patch numbers (as -P N)' });
  else if (name === 'autopatch') parts.push({ text: '[N...]', doc: 'only these patch numbers' });
  else if (name === 'ldconfig_scriptlets') parts.push({ text: '[SUBPACKAGE]', doc: 'the subpackage whose %post/%postun get ldconfig' });
  else if (name === 'pyproject_save_files') parts.push({ text: 'MODULE_GLOB...', doc: 'top-level module names (globs) to list in %{pyproject_files}; +auto for all' });
  else if (name === 'pyproject_buildrequires') parts.push({ text: '[FILE...]', doc: 'requirements files (with -r/-N)' });
  else if (name === 'pyproject_extras_subpkg') parts.push({ text: 'EXTRA...', doc: 'the extras, one metapackage each (`python3-foo+EXTRA`)' });
  else if (name === 'pyproject_check_import') parts.push({ text: '[MODULE...]', doc: 'modules to import (default: all found by %pyproject_save_files)' });
  if (parts.length === 0) return undefined;
  return { signatures: [build(name, parts, info?.usage ? `\`${info.usage}\`\n\n${info.description}` : info?.description ?? pass)], activeSignature: 0, activeParameter: activeParameter(parts, typed) };
}
