import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-index-gap'], languageId: 'dkms-conf' as const };

test('sparse MAKE entries (sparse module records are dkms-missing-required)', () => {
  assertFindings(`BUILT_MODULE_NAME[1]="a"
DEST_MODULE_LOCATION[1]="/extra"
MAKE[0]="make"
MAKE_MATCH[2]="^6"
# <- dkms-index-gap
MAKE[2]="make new"
`, opts);
});

test('near misses: contiguous, scalar is index 0, computed indices, CRLF', () => {
  assertFindings('BUILT_MODULE_NAME="a"\nDEST_MODULE_LOCATION[0]=/extra\nBUILT_MODULE_NAME[1]=b\nDEST_MODULE_LOCATION[1]=/extra\n', { ...opts, crlf: true });
  assertFindings('BUILT_MODULE_NAME[$i]=a\nBUILT_MODULE_NAME[3]=b\n', opts);
  assert.ok(true);
});

testDocExamples('dkms-index-gap');
