import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-crlf-line-endings'], languageId: 'dkms-conf' as const };

test('CRLF file: one error and a safe fix to LF', () => {
  const findings = assertFindings('PACKAGE_NAME="p"\n# <- dkms-crlf-line-endings\nPACKAGE_VERSION=1\n', { ...opts, crlf: true });
  assert.equal(findings[0].fixes[0].safety, 'safe');
  assert.equal(applyFixes('PACKAGE_NAME="p"\r\nPACKAGE_VERSION=1\r\n', findings), 'PACKAGE_NAME="p"\nPACKAGE_VERSION=1\n');
});

test('LF file is silent', () => {
  assertFindings('PACKAGE_NAME="p"\nPACKAGE_VERSION=1\n', { ...opts, lineEndingsAsWritten: true });
});

testDocExamples('dkms-crlf-line-endings', { incorrectWithCrlf: true });
