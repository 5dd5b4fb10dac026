import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-array-mismatch'], languageId: 'dkms-conf' as const };

test('records without DEST_MODULE_LOCATION, unindexed values among records, MAKE/MAKE_MATCH', () => {
  assertFindings(`BUILT_MODULE_NAME[0]="a"
DEST_MODULE_LOCATION[0]="/extra"
BUILT_MODULE_NAME[1]="b"
# <- dkms-array-mismatch
BUILT_MODULE_LOCATION="src"
# <- dkms-array-mismatch
MAKE[0]="make"
MAKE[1]="make other"
# <- dkms-array-mismatch
PATCH_MATCH[0]="^5"
# <- dkms-array-mismatch
`, opts);
});

test('near misses: aligned families, one record with scalars, CRLF', () => {
  assertFindings('BUILT_MODULE_NAME=a\nBUILT_MODULE_LOCATION=src\nDEST_MODULE_LOCATION=/extra\nMAKE[0]=make\nMAKE[1]="make x"\nMAKE_MATCH[1]="^6"\nPATCH[0]=a.patch\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-array-mismatch');
