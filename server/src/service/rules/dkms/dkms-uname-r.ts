import type { DkmsDocument } from '../../dkms/ast';
import type { OffsetEdit } from '../../types';
import { defineDkmsRule } from '../types';

/** The running kernel's release: `$(uname -r)`, `` `uname -r` ``, make's `$(shell uname -r)`. */
const UNAME = String.raw`(?:\$\(\s*uname\s+-r\s*\)|\x60\s*uname\s+-r\s*\x60|\$\$?\(\s*shell\s+uname\s+-r\s*\))`;
/** `/lib/modules/<release>/build` is the kernel's build tree: dkms has `$kernel_source_dir` for it. */
const MENTION = new RegExp(String.raw`/lib/modules/${UNAME}/build\b|${UNAME}`, 'g');

interface Mention {
  start: number;
  end: number;
  replacement: string;
}

function mentionsIn(doc: DkmsDocument, start: number, end: number): Mention[] {
  const out: Mention[] = [];
  const text = doc.text.slice(start, end);
  for (const m of text.matchAll(MENTION)) {
    const at = start + m.index!;
    // `${kernelver:-$(uname -r)}`: a fallback for running outside dkms
    if (/:-\s*$/.test(doc.text.slice(Math.max(0, at - 3), at))) continue;
    out.push({ start: at, end: at + m[0].length, replacement: m[0].startsWith('/lib/modules/') ? '${kernel_source_dir}' : '${kernelver}' });
  }
  return out;
}

/** A Makefile variable set from `$(shell uname -r)` outside any conditional, with `:=`/`=` rather than `?=`. */
export interface MakefileUnameAssignment {
  name: string;
  override: boolean;
  line: number;
  startCharacter: number;
  endCharacter: number;
  text: string;
}

const MAKE_ASSIGN = /^(\s*)(override\s+)?(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*(:=|::=|=)\s*(.*)$/;

/** Unconditional `VAR := $(shell uname -r)` (or `=`) lines of a Makefile/Kbuild. */
export function makefileUnameAssignments(text: string): MakefileUnameAssignment[] {
  const out: MakefileUnameAssignment[] = [];
  let depth = 0;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*(ifeq|ifneq|ifdef|ifndef)\b/.test(line)) depth++;
    else if (/^\s*endif\b/.test(line)) depth = Math.max(0, depth - 1);
    else if (/^\s*define\b/.test(line)) depth++;
    else if (/^\s*endef\b/.test(line)) depth = Math.max(0, depth - 1);
    if (line.startsWith('\t')) continue; // a recipe line
    const m = MAKE_ASSIGN.exec(line);
    if (!m || !new RegExp(UNAME).test(m[5])) continue;
    // KERNELRELEASE is what dkms passes to a leading make itself
    if (m[3] === 'KERNELRELEASE') continue;
    if (depth > 0 && !m[2]) continue; // a guarded default (ifndef KVER … endif)
    out.push({ name: m[3], override: !!m[2], line: i, startCharacter: m[1].length, endCharacter: line.length, text: line.trim() });
  }
  return out;
}

export default defineDkmsRule({
  id: 'dkms-uname-r',
  category: 'build',
  defaultSeverity: 'warning',
  description: 'uname -r (the running kernel) where dkms means the kernel it builds for ($kernelver)',
  fixSafety: 'safe',
  messages: {
    directiveUsesRunningKernel: '{{name}} uses the running kernel ({{text}}): {{why}}. Use {{replacement}}',
    makefileOverride: '{{file}} line {{line}} sets {{name}} from uname -r with override ({{text}}), which no command-line value can change: the module is built for the running kernel, not the one dkms builds for ($kernelver). Remove the override and write {{name}} ?= $(shell uname -r)',
    makefileNotPassed: '{{file}} line {{line}} sets {{name}} from uname -r ({{text}}) and this MAKE command does not pass {{name}}: the module is built for the running kernel, not the one dkms builds for. Pass {{name}}=${kernelver} here, or write {{name}} ?= $(shell uname -r) in {{file}}',
    shellUsesRunningKernel: 'This shell code uses the running kernel ({{text}}): {{why}}. Use {{replacement}}',
  },
  check(ctx) {
    const doc = ctx.doc;
    const why = 'dkms builds for the kernel in $kernelver, which is often not the running one (a kernel just installed, dkms autoinstall for every kernel, a chroot or container where uname -r is the host\'s kernel)';
    for (const a of doc.assignments) {
      for (const m of mentionsIn(doc, a.valueSpan.start, a.valueSpan.end)) {
        const edit: OffsetEdit = { start: m.start, end: m.end, newText: m.replacement };
        ctx.report({
          start: m.start,
          end: m.end,
          messageId: 'directiveUsesRunningKernel', data: { name: a.name, text: doc.text.slice(m.start, m.end), why, replacement: m.replacement },
          fixes: [{ title: `Replace with ${m.replacement}`, edits: [edit] }],
        });
      }
    }
    // The Makefile/Kbuild beside dkms.conf, when the caller supplied it: a variable it sets from
    // uname -r wins unless the MAKE command passes it (a command-line variable overrides a
    // Makefile assignment, but not an `override` one).
    const makes = doc.assignments.filter((a) => a.name === 'MAKE' && !a.isArray && a.values.length === 1);
    for (const r of ctx.related) {
      if (r.languageId !== 'makefile') continue;
      const file = r.uri.replace(/^.*\//, '');
      for (const u of makefileUnameAssignments(r.text)) {
        for (const a of makes) {
          const v = a.values[0];
          if (!u.override && new RegExp(`(^|\\s)${u.name}=`).test(v.text)) continue;
          const quoted = v.quoting === 'double' || v.quoting === 'single';
          const fixes = !u.override && quoted ? [{ title: `Pass ${u.name}=\${kernelver} to make`, edits: [{ start: v.end - 1, end: v.end - 1, newText: ` ${u.name}=\${kernelver}` }] }] : [];
          ctx.report({
            start: v.start,
            end: v.end,
            ...(u.override ? { messageId: 'makefileOverride', data: { file, line: u.line + 1, name: u.name, text: u.text } } : { messageId: 'makefileNotPassed', data: { file, line: u.line + 1, name: u.name, text: u.text } }),
            fixes,
            related: [{ start: 0, end: 0, uri: r.uri, range: { start: { line: u.line, character: u.startCharacter }, end: { line: u.line, character: u.endCharacter } }, message: `${u.name} set from uname -r` }],
          });
        }
      }
    }
    for (const s of doc.shellCode) {
      for (const m of mentionsIn(doc, s.start, s.end)) {
        ctx.report({ start: m.start, end: m.end, messageId: 'shellUsesRunningKernel', data: { text: doc.text.slice(m.start, m.end), why, replacement: m.replacement } });
      }
    }
  },
});
