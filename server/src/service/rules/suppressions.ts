// `# specwright: disable-next-line id[,id]` and `# specwright: disable id[,id]` comments.
import type { LineIndex } from '../text/lineIndex';

const DIRECTIVE = /#\s*specwright:\s*(disable-next-line|disable-line|disable)\b\s*([\w%,\s-]*)/;

export interface Suppressions {
  /** line → ids suppressed on that line ('*' = all) */
  byLine: Map<number, Set<string>>;
  /** id → first line from which the id is suppressed to the end of the file */
  fromLine: Map<string, number>;
}

export function collectSuppressions(lines: LineIndex): Suppressions {
  const byLine = new Map<number, Set<string>>();
  const fromLine = new Map<string, number>();
  const text = lines.text;
  // Fast exit: most files have no directive at all.
  if (!text.includes('specwright:')) return { byLine, fromLine };
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (!content.includes('specwright:')) continue;
    const m = DIRECTIVE.exec(content);
    if (!m) continue;
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const list = ids.length > 0 ? ids : ['*'];
    if (m[1] === 'disable') {
      for (const id of list) if (!fromLine.has(id)) fromLine.set(id, line);
    } else {
      // The next *logical* line: a command continued with `\` is one line for this purpose.
      let target = m[1] === 'disable-line' ? line : line + 1;
      for (;;) {
        let set = byLine.get(target);
        if (!set) byLine.set(target, (set = new Set()));
        for (const id of list) set.add(id);
        if (target + 1 >= lines.lineCount || !continuesOnNextLine(lines, target)) break;
        target++;
      }
    }
  }
  return { byLine, fromLine };
}

/** The line ends in `\`: the command goes on on the next line, and a suppression covers both. */
export function continuesOnNextLine(lines: LineIndex, line: number): boolean {
  return lines.lineText(line).endsWith('\\');
}

export function isSuppressed(s: Suppressions, rule: string, line: number): boolean {
  const set = s.byLine.get(line);
  if (set && (set.has(rule) || set.has('*'))) return true;
  const from = s.fromLine.get(rule) ?? s.fromLine.get('*');
  return from !== undefined && line >= from;
}
