// Shell bodies of a spec, as scripts an external shell linter (shellcheck) can read, with a
// 1:1 position map back to the spec: every script line is the spec line of the same number and
// every column the same column. Pure: no processes here, the node side runs the linter.
//
// - Lines before the body are empty, so script line N is spec line N; the script ends with the body.
// - Every rpm macro reference (`%{buildroot}`, `%configure`, `%(…)`, `%{?x:y}`) becomes a
//   placeholder word of the same length made of `_` (no `$`, no quotes, so the shell sees one
//   literal word). A macro that spans lines keeps its line breaks; the character before each
//   break becomes `\`, so the shell still reads one command.
// - `%%` stays: rpm turns it into `%`, and `%%` means the same to the shell linter.
// - Spec-only lines inside the body (`%if`/`%else`/`%endif`, `%define`/`%global`, `%dnl`,
//   `%include`) become shell comments of the same length: their first non-blank character is
//   replaced by `#`. Both arms of a conditional are kept, as rpm may take either.
import type { Section, SpecDocument } from '../specfile/ast';
import { BUILD_SECTION_KINDS } from './specShell';

export interface PlaceholderSpan {
  /** 0-based line; start/end are UTF-16 columns on that line, end exclusive. */
  line: number;
  start: number;
  end: number;
}

export interface ShellBody {
  /** Index into SpecDocument.sections. */
  sectionIndex: number;
  /** The section header as written, trimmed (`%post -n foo`). */
  label: string;
  /** True for %prep…%clean (run by rpmbuild with `sh -e`), false for scriptlets and triggers. */
  buildSection: boolean;
  /** First and last body line (inclusive). */
  startLine: number;
  endLine: number;
  /** The script: spec lines 0…endLine, body lines transformed, the lines before the body empty, `\n` breaks. */
  script: string;
  /** Where placeholders stand (a shellcheck fix touching one is not offered). */
  placeholders: PlaceholderSpan[];
  /** Body lines turned into comments (spec-only lines). */
  commentedLines: Set<number>;
}

const SPEC_ONLY_LINES = new Set(['conditional', 'definition', 'definition-continuation', 'include']);

/** Every shell body of the spec, in document order. Bodies without a non-blank line are skipped. */
export function extractShellBodies(doc: SpecDocument): ShellBody[] {
  const out: ShellBody[] = [];
  doc.sections.forEach((section, sectionIndex) => {
    if (section.bodyLanguage !== 'shell') return;
    const startLine = section.bodyStartLine;
    const endLine = section.endLine;
    if (startLine > endLine) return;
    const body = buildBody(doc, section, sectionIndex, startLine, endLine);
    if (body) out.push(body);
  });
  return out;
}

function buildBody(doc: SpecDocument, section: Section, sectionIndex: number, startLine: number, endLine: number): ShellBody | undefined {
  const { lines, text } = doc;
  const bodyStart = lines.lineStarts[startLine];
  const bodyEnd = lines.lineEnd(endLine);
  // The body's characters, mutable; offsets relative to bodyStart.
  const chars = text.slice(bodyStart, bodyEnd).split('');
  const placeholders: PlaceholderSpan[] = [];
  const commentedLines = new Set<number>();
  let content = false;

  for (let line = startLine; line <= endLine; line++) {
    const kind = doc.lineKinds[line];
    if (kind === 'blank') continue;
    if (SPEC_ONLY_LINES.has(kind) || (kind === 'comment' && isDnl(lines.lineText(line)))) {
      const s = lines.lineStarts[line] - bodyStart;
      const e = lines.lineEnd(line) - bodyStart;
      if (line > startLine && continues(chars, lines.lineStarts[line - 1] - bodyStart, lines.lineEnd(line - 1) - bodyStart)) {
        // Inside a backslash-continued command (`./configure \` / `%if x` / `--a \`): a blank
        // line ending in `\` keeps the command going, as rpm's output would.
        for (let k = s; k < e; k++) chars[k] = k === e - 1 ? '\\' : ' ';
      } else {
        let k = s;
        while (k < e && (chars[k] === ' ' || chars[k] === '\t')) k++;
        if (k < e) chars[k] = '#';
      }
      commentedLines.add(line);
      continue;
    }
    if (kind !== 'comment') content = true;
  }
  if (!content) return undefined;

  for (const ref of doc.macroReferences) {
    if (ref.end <= bodyStart) continue;
    if (ref.start >= bodyEnd) break;
    if (ref.depth !== 0 || ref.form === 'escape') continue;
    // `%s`, `%d`, `%Y`: printf and date formats that rpm leaves alone (no such macros).
    if (ref.form === 'plain' && ref.name.length === 1) continue;
    const refLine = lines.lineOf(ref.start);
    if (commentedLines.has(refLine) || doc.lineKinds[refLine] === 'comment') continue;
    const s = Math.max(ref.start, bodyStart) - bodyStart;
    const e = Math.min(ref.end, bodyEnd) - bodyStart;
    let segStart = s;
    for (let k = s; k < e; k++) {
      const c = chars[k];
      if (c === '\n' || c === '\r') {
        // Keep the break; continue the shell command onto the next line.
        if (k > segStart && c === '\n' && chars[k - 1] !== '\r') chars[k - 1] = '\\';
        else if (k > segStart && c === '\r') chars[k - 1] = '\\';
        pushSpan(placeholders, lines, bodyStart + segStart, bodyStart + k);
        segStart = k + 1;
        continue;
      }
      chars[k] = '_';
    }
    pushSpan(placeholders, lines, bodyStart + segStart, bodyStart + e);
  }

  // Reassemble with one `\n` per spec line; lines outside the body stay empty.
  const bodyText = chars.join('');
  const scriptLines: string[] = new Array<string>(endLine + 1).fill('');
  for (let line = startLine; line <= endLine; line++) {
    scriptLines[line] = bodyText.slice(lines.lineStarts[line] - bodyStart, lines.lineEnd(line) - bodyStart);
  }
  const header = text.slice(section.header.start, section.header.end).trim();
  return {
    sectionIndex,
    label: header || `%${section.name}`,
    buildSection: BUILD_SECTION_KINDS.includes(section.kind),
    startLine,
    endLine,
    script: scriptLines.join('\n') + '\n',
    placeholders,
    commentedLines,
  };
}

/** The (already transformed) line ends with a backslash continuation. */
function continues(chars: string[], start: number, end: number): boolean {
  let k = end - 1;
  while (k >= start && (chars[k] === ' ' || chars[k] === '\t' || chars[k] === '\r')) k--;
  return k >= start && chars[k] === '\\';
}

function isDnl(lineText: string): boolean {
  return /^\s*%dnl(\s|$)/.test(lineText);
}

function pushSpan(out: PlaceholderSpan[], lines: SpecDocument['lines'], start: number, end: number): void {
  if (end <= start) return;
  const line = lines.lineOf(start);
  const lineStart = lines.lineStarts[line];
  out.push({ line, start: start - lineStart, end: Math.min(end, lines.lineEnd(line)) - lineStart });
}

/** Whether [start, end) on `line` (UTF-16 columns) touches a placeholder or a commented spec-only line. */
export function touchesPlaceholder(body: ShellBody, line: number, start: number, endLine: number, end: number): boolean {
  for (let l = line; l <= endLine; l++) if (body.commentedLines.has(l)) return true;
  for (const p of body.placeholders) {
    if (p.line < line || p.line > endLine) continue;
    const s = p.line === line ? start : 0;
    const e = p.line === endLine ? end : Number.MAX_SAFE_INTEGER;
    // Overlap, or an insertion right at a placeholder's edge (it would glue onto the macro).
    if (s < p.end && e > p.start) return true;
    if (s === e && (s === p.start || s === p.end)) return true;
  }
  return false;
}
