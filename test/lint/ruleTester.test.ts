// The rule tester itself: it must fail on a wrong message id, range or output, and on fixes that
// do not converge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Finding } from '../../server/src/service/index';
import { fixToFixedPoint, MAX_FIX_PASSES, runInvalid, runValid } from '../helpers/ruleTester';

const RULE = 'summary-ends-with-dot';
const CODE = 'Name: foo\nSummary: A tool.\n';

test('a correct case passes with LF and CRLF', () => {
  runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'endsWithDot', line: 1, character: 15, endCharacter: 16 }], output: 'Name: foo\nSummary: A tool\n' });
  runValid(RULE, {}, { code: 'Name: foo\nSummary: A tool\n' });
});

test('a wrong message id, range, count, data or output fails', () => {
  assert.throws(() => runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'otherId' }], output: 'Name: foo\nSummary: A tool\n' }), /not one of summary-ends-with-dot's message ids/);
  assert.throws(() => runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'endsWithDot', character: 14 }], output: 'Name: foo\nSummary: A tool\n' }), /character/);
  assert.throws(() => runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'endsWithDot' }, { messageId: 'endsWithDot' }] }), /2 finding\(s\) expected, got 1/);
  assert.throws(() => runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'endsWithDot' }], output: 'Name: foo\nSummary: A tool.\n' }), /fixed output/);
  assert.throws(() => runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'endsWithDot' }] }), /give the fixed text as output/);
  assert.throws(() => runInvalid(RULE, {}, { code: CODE, errors: [{ messageId: 'endsWithDot' }], output: null }), /no fix expected/);
  assert.throws(() => runInvalid('redundant-defattr', {}, { code: 'Name: a\n%files\n%defattr(-,root,root)\n', errors: [{ messageId: 'defaultDefattr', data: { text: '%defattr(-,root,root,-)' } }], output: 'Name: a\n%files\n' }), /message text/);
  assert.throws(() => runValid(RULE, {}, { code: CODE }), /a valid case has no finding/);
});

test('markers with a message id are checked', () => {
  runInvalid(RULE, {}, { code: 'Name: foo\nSummary: A tool.\n#              ^ summary-ends-with-dot:endsWithDot\n', output: 'Name: foo\nSummary: A tool\n' });
  assert.throws(() => runInvalid(RULE, {}, { code: 'Name: foo\nSummary: A tool.\n#              ^ summary-ends-with-dot:other\n', output: 'Name: foo\nSummary: A tool\n' }), /findings differ from the markers/);
});

/** A finding whose one fix replaces the whole text. */
function rewrite(text: string, newText: string): Finding[] {
  const lines = text.split('\n');
  const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
  return [{ rule: 'x', messageId: 'x', severity: 'warning', message: 'x', range: { start: { line: 0, character: 0 }, end }, fixes: [{ title: 'x', safety: 'safe', edits: [{ range: { start: { line: 0, character: 0 }, end }, newText }] }] }];
}

test('fixes must converge: a fix that keeps growing, or that goes round in a circle, fails', () => {
  assert.equal(fixToFixedPoint('aaa', (t) => (t.length > 1 ? rewrite(t, t.slice(1)) : []), 'first', 'x'), 'a');
  assert.throws(() => fixToFixedPoint('a', (t) => rewrite(t, t + 'a'), 'first', 'x'), new RegExp(`after ${MAX_FIX_PASSES} passes`));
  assert.throws(() => fixToFixedPoint('a', (t) => rewrite(t, t === 'a' ? 'b' : 'a'), 'first', 'x'), /round in a circle/);
});
