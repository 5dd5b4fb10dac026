import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-malformed-line'], languageId: 'dkms-conf' as const };

test('broken lines are errors', () => {
  assertFindings(`PACKAGE_NAME = "x"
# <- dkms-malformed-line
NAME[=x
# <- dkms-malformed-line
A="never closed
# ^ dkms-malformed-line
`, opts);
});

test('valid shell stays silent, also with CRLF', () => {
  assertFindings('A=1\nif [ -f x ]; then\n  B=(a\n b)\nfi\nexport C="x y"\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-malformed-line');
