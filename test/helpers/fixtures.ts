// Inline-marker fixtures. A marker line sits under the line it describes:
//
//   Requires: pkgconfig(foo)
//   #         ^^^^^^^^^^^^^^ unversioned-virtual-requires
//
// The carets give the columns of the expected range on the previous code line; several
// marker lines may follow one code line. `# <- rule-id` marks a finding that starts at column 0
// of the previous line (its end is not checked). `rule-id:messageId` also checks the finding's
// message id (`# ^^^^ dkms-yes-no-value:notYesNo`). Marker lines are removed before linting.
// Cursor fixtures use `|` for the cursor position (extractCursor).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createLanguageService } from '../../server/src/service/index';
import type { Finding, LanguageId, SeverityOrOff } from '../../server/src/service/index';
import type { ProfileLike } from '../../server/src/service/catalog/profile';
import type { RelatedDocument } from '../../server/src/service/rules/types';

export interface ExpectedFinding {
  rule: string;
  /** Checked when the marker says `rule-id:messageId`. */
  messageId?: string;
  line: number;
  startCharacter: number;
  /** undefined: not checked (`<-` markers). */
  endCharacter?: number;
}

const CARET_MARKER = /^(\s*#\s*)(\^+)\s+([\w%-][\w%:,\s-]*)$/;
const ARROW_MARKER = /^\s*#\s*<-\s+([\w%-][\w%:,\s-]*)$/;

export function parseMarkers(source: string): { text: string; expected: ExpectedFinding[] } {
  const input = source.split('\n');
  const kept: string[] = [];
  const expected: ExpectedFinding[] = [];
  for (const line of input) {
    const caret = CARET_MARKER.exec(line);
    const arrow = caret ? null : ARROW_MARKER.exec(line);
    if ((caret || arrow) && kept.length > 0) {
      const target = kept.length - 1;
      const ids = (caret ? caret[3] : arrow![1]).split(/[\s,]+/).filter(Boolean);
      for (const id of ids) {
        const [rule, messageId] = id.split(':');
        const ids = messageId ? { rule, messageId } : { rule };
        if (caret) {
          const start = caret[1].length;
          expected.push({ ...ids, line: target, startCharacter: start, endCharacter: start + caret[2].length });
        } else expected.push({ ...ids, line: target, startCharacter: 0 });
      }
      continue;
    }
    kept.push(line);
  }
  return { text: kept.join('\n'), expected };
}

export function extractCursor(source: string, marker = '|'): { text: string; offset: number } {
  const offset = source.indexOf(marker);
  assert.ok(offset >= 0, `fixture has no cursor marker '${marker}'`);
  return { text: source.slice(0, offset) + source.slice(offset + marker.length), offset };
}

export interface LintFixtureOptions {
  languageId?: LanguageId;
  /** Rules whose findings are compared; others are ignored. */
  rules: string[];
  /** A profile: a family (`fedora`), a release (`rhel-8`) or one with project macros. */
  distro?: ProfileLike;
  severities?: Record<string, SeverityOrOff>;
  related?: RelatedDocument[];
  uri?: string;
  /**
   * Lint the fixture with CRLF line endings only. Without it the fixture is linted with LF and
   * again with CRLF, and both must give the marked findings (LSP positions do not count the \r).
   */
  crlf?: boolean;
  /** The fixture is about line endings themselves: lint it as written only. */
  lineEndingsAsWritten?: boolean;
}

export function lintText(text: string, options: Omit<LintFixtureOptions, 'rules'> & { rules?: string[] } = {}): Finding[] {
  const service = createLanguageService();
  const languageId = options.languageId ?? 'rpm-spec';
  const result = service.lint(
    { uri: options.uri ?? (languageId === 'dkms-conf' ? 'file:///fixture/dkms.conf' : 'file:///fixture/test.spec'), languageId, version: 1, text },
    { distro: options.distro ?? 'fedora', rules: options.severities ?? {}, related: options.related ?? [] },
  );
  assert.deepEqual(result.ruleErrors, [], 'no rule may throw');
  for (const f of result.findings) assert.doesNotMatch(f.message, /\{\{\s*\w+\s*\}\}/, `${f.rule}/${f.messageId}: a placeholder without data`);
  return options.rules ? result.findings.filter((f) => options.rules!.includes(f.rule)) : result.findings;
}

/**
 * Lints a marker fixture and asserts the findings of the given rules are exactly the marked ones,
 * with LF and with CRLF line endings (see LintFixtureOptions.crlf).
 */
export function assertFindings(source: string, options: LintFixtureOptions): Finding[] {
  if (!options.crlf && !options.lineEndingsAsWritten && source.includes('\n') && !source.includes('\r')) {
    try {
      assertFindingsOnce(source, { ...options, crlf: true });
    } catch (e) {
      if (e instanceof assert.AssertionError) e.message = `with CRLF line endings: ${e.message}`;
      throw e;
    }
  }
  return assertFindingsOnce(source, options);
}

function assertFindingsOnce(source: string, options: LintFixtureOptions): Finding[] {
  const { text, expected } = parseMarkers(source);
  const finalText = options.crlf ? text.replace(/\n/g, '\r\n') : text;
  const findings = lintText(finalText, options);
  const actual = findings.map((f) => ({ rule: f.rule, messageId: f.messageId, line: f.range.start.line, startCharacter: f.range.start.character, endCharacter: f.range.end.line === f.range.start.line ? f.range.end.character : -1 }));
  const fmt = (e: { rule: string; messageId?: string; line: number; startCharacter: number; endCharacter?: number }) =>
    `${e.rule}${e.messageId ? `:${e.messageId}` : ''}@${e.line}:${e.startCharacter}-${e.endCharacter ?? '*'}`;
  const unmatched = [...actual];
  const missing: string[] = [];
  for (const e of expected) {
    const i = unmatched.findIndex((a) => a.rule === e.rule && (e.messageId === undefined || a.messageId === e.messageId) && a.line === e.line && a.startCharacter === e.startCharacter && (e.endCharacter === undefined || a.endCharacter === e.endCharacter));
    if (i >= 0) unmatched.splice(i, 1);
    else missing.push(fmt(e));
  }
  assert.deepEqual(
    { missing, unexpected: unmatched.map(fmt) },
    { missing: [], unexpected: [] },
    `findings differ from the markers.\nactual: ${actual.map(fmt).join(', ') || '(none)'}\n${findings.map((f) => `  ${f.rule}:${f.messageId}: ${f.message}`).join('\n')}`,
  );
  return findings;
}

/** Applies the first fix of every finding of `rule` (non-overlapping) and returns the new text. */
export function applyFixes(text: string, findings: Finding[], which: 'first' | 'safe' = 'first'): string {
  const lines = text.split(/(?<=\n)/);
  const offsetOf = (p: { line: number; character: number }) => {
    let o = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) o += lines[i].length;
    return o + p.character;
  };
  const edits = findings
    .map((f) => (which === 'safe' ? f.fixes.find((x) => x.safety === 'safe') : f.fixes[0]))
    .filter((f): f is NonNullable<typeof f> => !!f)
    .flatMap((f) => f.edits)
    .map((e) => ({ start: offsetOf(e.range.start), end: offsetOf(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  let lastStart = Infinity;
  for (const e of edits) {
    if (e.end > lastStart) continue; // overlapping edit: skipped, as an editor would refuse it
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
    lastStart = e.start;
  }
  return out;
}

/** Path of the shared reference folder (../shared beside the repo), or undefined when absent. */
export function sharedDir(): string | undefined {
  const candidates = [process.env.SPECWRIGHT_SHARED, path.resolve(__dirname, '../../../../shared'), path.resolve(process.cwd(), '../shared')];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'corpus'))) return c;
  return undefined;
}

export const SHARED_MISSING = 'skipped: ../shared (the reference corpus) is not present beside this checkout';
