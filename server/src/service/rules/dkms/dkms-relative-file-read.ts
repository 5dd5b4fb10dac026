import { defineDkmsRule } from '../types';

/** `$(…)` and `` `…` `` in a value (not nested). */
const SUBSTITUTION = /\$\(([^()]*)\)|`([^`]*)`/g;
/** Commands that read a file named as their last word. */
const READERS = new Set(['cat', 'head', 'tail', 'grep', 'egrep', 'sed', 'awk', 'cut', 'sort', 'tr', 'xargs']);
/** Directives dkms refuses the file without: an empty value is certain breakage. */
const REQUIRED = new Set(['PACKAGE_NAME', 'PACKAGE_VERSION']);

/** The relative file a command reads, or `git` for a git command (it reads the current repository). */
function relativeInput(command: string): string | undefined {
  for (const part of command.split(/\||;|&&|\|\|/)) {
    const words = part.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    const cmd = words[0].replace(/^.*\//, '');
    if (cmd === 'git' || cmd === 'dpkg-parsechangelog') return cmd;
    if (!READERS.has(cmd) || words.length < 2) continue;
    const last = words[words.length - 1].replace(/^["']|["']$/g, '');
    // `<file` redirections, options, absolute paths, variables and globs are not relative names
    const file = last.replace(/^</, '');
    if (file === '' || /^[-/$~{]/.test(file) || /[*?$]/.test(file)) continue;
    if (cmd !== 'cat' && cmd !== 'head' && cmd !== 'tail' && words.length < 3 && !last.startsWith('<')) continue; // grep PATTERN alone reads stdin
    return file;
  }
  return undefined;
}

export default defineDkmsRule({
  id: 'dkms-relative-file-read',
  category: 'correctness',
  defaultSeverity: 'error',
  description: 'PACKAGE_NAME or PACKAGE_VERSION comes from a command reading a relative path (or git), but dkms reads dkms.conf in whatever folder it runs in',
  fixSafety: 'none',
  messages: {
    relativeRead: '{{name}} {{what}}: dkms sources dkms.conf in the folder dkms was started from, not in the source tree (autoinstall at boot and on kernel updates runs from /), so the command fails there, {{name}} is empty and dkms refuses the file ("No \'{{name}}\' directive specified"). Write the value into dkms.conf when packaging (for example with sed in %prep)',
  },
  requires: ['$(', '`'],
  check(ctx) {
    for (const a of ctx.doc.assignments) {
      if (a.conditional || !REQUIRED.has(a.name)) continue;
      for (const v of a.values) {
        if (!v.hasCommandSubstitution) continue;
        const matches = [...v.raw.matchAll(SUBSTITUTION)];
        // Only a value that is nothing but the command's output is empty when the command fails.
        if (matches.length !== 1 || v.raw.replace(/^["']|["']$/g, '').trim() !== matches[0][0]) continue;
        for (const m of matches) {
          if (/\|\||:-/.test(m[0])) continue; // has a fallback
          const input = relativeInput(m[1] ?? m[2]);
          if (!input) continue;
          const start = v.start + m.index!;
          const what = input === 'git' || input === 'dpkg-parsechangelog' ? `runs ${input}, which reads the current folder's repository` : `reads "${input}" relative to the current folder`;
          ctx.report({
            start,
            end: start + m[0].length,
            messageId: 'relativeRead', data: { name: a.name, what },
          });
        }
      }
    }
  },
});
