import { isShellCodeLine, shellCommentStart } from '../../shell/specShell';
import { specLines } from '../../specfile/sectionText';
import { defineSpecRule, mentionsAny } from '../types';

// The command word, optionally with a system bin directory: `egrep`, `/usr/bin/fgrep`, `%{_bindir}/egrep`.
/** What GREP needs, in the document and on the line. */
const WORDS = ['egrep', 'fgrep'];
const GREP = /(^|[\s|;&(`!])((?:\/usr\/bin\/|\/bin\/|%\{_bindir\}\/|%_bindir\/)?)([ef]grep)(?![\w.+-])/g;

/**
 * `egrep`/`fgrep` in a script: GNU grep 3.8 warns that they are obsolescent; `grep -E`/`grep -F`
 * behave the same. Paths such as `%{buildroot}%{_bindir}/egrep` (files being installed) and text
 * inside single quotes (sed expressions, messages) are not commands and are not reported, nor is
 * the value of find's `-regextype egrep`.
 */
export default defineSpecRule({
  id: 'deprecated-grep',
  category: 'deprecated',
  defaultSeverity: 'warning',
  description: 'egrep/fgrep are obsolescent: use grep -E / grep -F',
  fixSafety: 'safe',
  messages: {
    obsolescent: "'{{command}}' is obsolescent (GNU grep 3.8 warns on every call): use '{{replacement}}'",
  },
  requires: WORDS,
  rpmlintId: 'deprecated-grep',
  tags: ['deprecated'],
  check(ctx) {
    const { doc } = ctx;
    for (const l of specLines(doc)) {
      if (!isShellCodeLine(doc, l.line)) continue;
      const kind = doc.lineKinds[l.line];
      if (kind !== 'body' && kind !== 'macro-line') continue;
      if (!mentionsAny(l.text, WORDS)) continue;
      const hash = shellCommentStart(doc, l.line);
      const code = hash >= 0 ? l.text.slice(0, hash - l.start) : l.text;
      GREP.lastIndex = 0;
      for (let m = GREP.exec(code); m; m = GREP.exec(code)) {
        const at = m.index + m[1].length + m[2].length;
        if (insideSingleQuotes(code, at)) continue;
        // find's regex dialect, not a command (vkd3d: `find %{buildroot} -regextype egrep -regex …`).
        if (/-regextype\s+$/.test(code.slice(0, at))) continue;
        const start = l.start + at;
        const end = start + m[3].length;
        const replacement = m[3] === 'egrep' ? 'grep -E' : 'grep -F';
        ctx.report({
          start,
          end,
          messageId: 'obsolescent', data: { command: m[3], replacement },
          fixes: [{ title: `Replace with ${replacement}`, edits: [{ start, end, newText: replacement }] }],
        });
      }
    }
  },
});

function insideSingleQuotes(text: string, index: number): boolean {
  let inside = false;
  let dq = false;
  for (let i = 0; i < index; i++) {
    const c = text[i];
    if (c === '\\' && !inside) i++;
    else if (c === '"' && !inside) dq = !dq;
    else if (c === "'" && !dq) inside = !inside;
  }
  return inside;
}
