import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'summary-too-long';
const opts = { rules: [rule] };
const long = 'x'.repeat(81);

test('more than 80 literal characters', () => {
  const f = assertFindings(`Name: foo\nSummary: ${long}\n#        ${'^'.repeat(81)} ${rule}\n%package a\nSummary: %{name} ${long}\n#        ${'^'.repeat(89)} ${rule}\n`, opts);
  assert.match(f[1].message, /82 characters long before macro expansion/);
});

test('near misses: exactly 80, macros not counted, trailing blanks', () => {
  assertFindings(`Name: foo\nSummary: ${'y'.repeat(80)}   \n%package a\nSummary: %{some_long_macro_name_that_is_long} %{another_long_macro_name} ${'z'.repeat(30)}\n`, opts);
});

test('characters, not UTF-16 units; CRLF', () => {
  assertFindings(`Name: foo\nSummary: ${'é'.repeat(80)}\n`, { ...opts, crlf: true });
  assertFindings(`Name: foo\nSummary: ${'😀'.repeat(80)}\n`, opts);
  assertFindings(`Name: foo\nSummary: ${'é'.repeat(81)}\n#        ${'^'.repeat(81)} ${rule}\n`, { ...opts, crlf: true });
});

testDocExamples(rule);
