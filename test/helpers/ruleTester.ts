// A rule tester in the spirit of ESLint's RuleTester, on Node's test runner:
//
//   ruleTester('dkms-yes-no-value', {
//     languageId: 'dkms-conf',
//     valid: ['AUTOINSTALL=yes\n'],
//     invalid: [{
//       code: 'AUTOINSTALL=true\n#           ^^^^ dkms-yes-no-value:notYesNo\n',
//       output: 'AUTOINSTALL=yes\n',
//     }],
//   });
//
// Every case runs twice, with LF and with CRLF line ends: the findings of the rule must be the
// same LSP ranges (UTF-16 columns; a line's end never counts the CR) and the fixed text the same
// after turning CRLF back into LF. Expected findings come from `# ^^^ rule-id[:messageId]`
// markers in the code (see fixtures.ts) and/or from `errors` (in document order). Fixes are
// applied like `specwright --fix` does, pass after pass until none is left: `output` is that
// fixed point, and a case whose fixes do not settle within MAX_FIX_PASSES (or go round in a
// circle) fails.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Finding, LanguageId, SeverityOrOff } from '../../server/src/service/index';
import { getRule } from '../../server/src/service/rules/registry';
import { renderMessage, type MessageData, type RelatedDocument } from '../../server/src/service/rules/types';
import { applyFixes, assertFindings, lintText, parseMarkers } from './fixtures';

/** Fix passes before a case counts as not converging (the CLI's --fix stops after 5). */
export const MAX_FIX_PASSES = 10;

export interface CaseOptions {
  /** Shown as the test name (defaults to the first line of the code). */
  name?: string;
  /** A profile name: a family (`fedora`) or a release (`rhel-8`). */
  distro?: string;
  languageId?: LanguageId;
  severities?: Record<string, SeverityOrOff>;
  related?: RelatedDocument[];
  uri?: string;
  /** false: LF only (a fixture about line ends themselves). */
  crlf?: boolean;
  /** Which fix of each finding is applied: the first (default) or the first safe one. */
  fix?: 'first' | 'safe';
}

export interface ExpectedError {
  messageId: string;
  /** The message must be the rule's text for messageId filled with this data. */
  data?: MessageData;
  /** Or part of the rendered message. */
  message?: string | RegExp;
  /** LSP position, 0-based (character in UTF-16 code units). */
  line?: number;
  character?: number;
  endLine?: number;
  endCharacter?: number;
}

export interface ValidCase extends CaseOptions {
  code: string;
}

export interface InvalidCase extends CaseOptions {
  /** The text, with `# ^^^ rule-id[:messageId]` markers under expected findings. */
  code: string;
  /** The findings in document order (by start). Optional when markers give them. */
  errors?: ExpectedError[];
  /** The text after all fixes (marker lines removed); null: the findings offer no fix. */
  output?: string | null;
}

export interface RuleTests extends Omit<CaseOptions, 'name'> {
  valid: (string | ValidCase)[];
  invalid: InvalidCase[];
}

const withCrlf = (text: string) => text.replace(/\r?\n/g, '\r\n');
const withLf = (text: string) => text.replace(/\r\n/g, '\n');

function caseName(c: { name?: string; code: string }, index: number): string {
  return c.name ?? `#${index + 1}: ${c.code.split('\n').find((l) => l.trim() !== '')?.trim().slice(0, 60) ?? '(empty)'}`;
}

function lintOptions(ruleId: string, c: CaseOptions) {
  // A rule that is off by default is tested switched on.
  const off = getRule(ruleId)?.defaultSeverity === 'off' && c.severities?.[ruleId] === undefined;
  const severities = off ? { ...c.severities, [ruleId]: 'warning' as const } : c.severities;
  return { rules: [ruleId], distro: c.distro, languageId: c.languageId, severities, related: c.related, uri: c.uri };
}

/**
 * Applies the findings' fixes pass after pass until none changes the text; fails when they do
 * not settle within MAX_FIX_PASSES or come back to an earlier text.
 */
export function fixToFixedPoint(text: string, lint: (text: string) => Finding[], which: 'first' | 'safe', ruleId: string): string {
  const seen = [text];
  let current = text;
  for (let pass = 1; pass <= MAX_FIX_PASSES; pass++) {
    const next = applyFixes(current, lint(current), which);
    if (next === current) return current;
    assert.ok(!seen.includes(next), `${ruleId}: fixes go round in a circle (pass ${pass} gives back the text of pass ${seen.indexOf(next)}):\n${next}`);
    seen.push(next);
    current = next;
  }
  assert.fail(`${ruleId}: fixes still change the text after ${MAX_FIX_PASSES} passes:\n${current}`);
}

function checkErrors(ruleId: string, findings: Finding[], errors: ExpectedError[], variant: string): void {
  const rule = getRule(ruleId)!;
  const got = findings.map((f) => `${f.messageId}@${f.range.start.line}:${f.range.start.character}`);
  assert.equal(findings.length, errors.length, `${variant}: ${errors.length} finding(s) expected, got ${findings.length}: ${got.join(', ') || '(none)'}\n${findings.map((f) => `  ${f.message}`).join('\n')}`);
  errors.forEach((e, i) => {
    const f = findings[i];
    const where = `${variant}: finding ${i + 1}`;
    assert.ok(Object.hasOwn(rule.messages, e.messageId), `${where}: '${e.messageId}' is not one of ${ruleId}'s message ids (${Object.keys(rule.messages).join(', ')})`);
    assert.equal(f.messageId, e.messageId, `${where}: message id (message: ${f.message})`);
    if (e.data) assert.equal(f.message, renderMessage(rule.messages[e.messageId], e.data), `${where}: message text`);
    if (typeof e.message === 'string') assert.ok(f.message.includes(e.message), `${where}: message ${JSON.stringify(f.message)} lacks ${JSON.stringify(e.message)}`);
    else if (e.message) assert.match(f.message, e.message, `${where}: message`);
    const pos = { line: f.range.start.line, character: f.range.start.character, endLine: f.range.end.line, endCharacter: f.range.end.character };
    for (const key of ['line', 'character', 'endLine', 'endCharacter'] as const) {
      if (e[key] !== undefined) assert.equal(pos[key], e[key], `${where}: ${key}`);
    }
  });
}

export function runValid(ruleId: string, defaults: CaseOptions, c: ValidCase): void {
  const options = { ...defaults, ...c };
  const variants = options.crlf === false ? [false] : [false, true];
  for (const crlf of variants) {
    const text = crlf ? withCrlf(c.code) : c.code;
    const findings = lintText(text, lintOptions(ruleId, options));
    assert.deepEqual(findings.map((f) => `${f.messageId}@${f.range.start.line}:${f.range.start.character}: ${f.message}`), [], `${crlf ? 'CRLF' : 'LF'}: a valid case has no finding of ${ruleId}`);
  }
}

export function runInvalid(ruleId: string, defaults: CaseOptions, c: InvalidCase): void {
  const options = { ...defaults, ...c };
  const { text, expected } = parseMarkers(c.code);
  assert.ok(expected.length > 0 || (c.errors?.length ?? 0) > 0, 'an invalid case needs markers or errors');
  assert.ok(expected.every((e) => e.rule === ruleId), `markers name only ${ruleId}`);
  const variants = options.crlf === false ? [false] : [false, true];
  for (const crlf of variants) {
    const variant = crlf ? 'CRLF' : 'LF';
    const source = crlf ? withCrlf(text) : text;
    let findings: Finding[];
    if (expected.length > 0) findings = assertFindings(c.code, { ...lintOptions(ruleId, options), crlf, lineEndingsAsWritten: true });
    else findings = lintText(source, lintOptions(ruleId, options));
    if (c.errors) checkErrors(ruleId, findings, c.errors, variant);
    const fixable = findings.some((f) => f.fixes.length > 0);
    if (c.output === null || (c.output === undefined && !fixable)) {
      assert.ok(!fixable, `${variant}: no fix expected, but ${findings.filter((f) => f.fixes.length > 0).map((f) => f.messageId).join(', ')} offer(s) one`);
      continue;
    }
    assert.ok(c.output !== undefined, `${variant}: the findings offer fixes: give the fixed text as output (or null)`);
    assert.ok(fixable, `${variant}: output given, but no finding offers a fix`);
    const fixedText = fixToFixedPoint(source, (t) => lintText(t, lintOptions(ruleId, options)), options.fix ?? 'first', ruleId);
    assert.equal(withLf(fixedText), c.output, `${variant}: fixed output`);
  }
}

/** Registers the cases of one rule as tests (one `describe` per rule, one test per case). */
export function ruleTester(ruleId: string, tests: RuleTests): void {
  const { valid, invalid, ...defaults } = tests;
  describe(ruleId, () => {
    test('is a registered rule', () => assert.ok(getRule(ruleId), `no rule ${ruleId}`));
    valid.forEach((v, i) => {
      const c = typeof v === 'string' ? { code: v } : v;
      test(`valid ${caseName(c, i)}`, () => runValid(ruleId, defaults, c));
    });
    invalid.forEach((c, i) => {
      test(`invalid ${caseName(c, i)}`, () => runInvalid(ruleId, defaults, c));
    });
  });
}
