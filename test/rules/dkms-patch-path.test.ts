import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-patch-path'], languageId: 'dkms-conf' as const };

test('.. components and absolute paths', () => {
  assertFindings(`PATCH[0]="../x.patch"
#        ^^^^^^^^^^^^ dkms-patch-path
PATCH=(a.patch /tmp/b.patch)
#              ^^^^^^^^^^^^ dkms-patch-path
`, opts);
});

test('near misses: files in patches/, subdirectories, names with dots, CRLF', () => {
  assertFindings('PATCH[0]="fix.patch"\nPATCH[1]=sub/dir/x..y.patch\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-patch-path');
