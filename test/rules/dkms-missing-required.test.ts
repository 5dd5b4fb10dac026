import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-missing-required'], languageId: 'dkms-conf' as const };

test('missing PACKAGE_VERSION and BUILT_MODULE_NAME of a second record', () => {
  assertFindings(`PACKAGE_NAME="p"
# <- dkms-missing-required
BUILT_MODULE_NAME[0]="a"
DEST_MODULE_LOCATION[0]="/extra"
DEST_MODULE_LOCATION[1]="/extra"
# <- dkms-missing-required
`, opts);
});

test('near misses: one record defaults to PACKAGE_NAME, sourced files, dynamic indices, CRLF', () => {
  assertFindings('PACKAGE_NAME="p"\nPACKAGE_VERSION=1\nDEST_MODULE_LOCATION[0]="/extra"\n', { ...opts, crlf: true });
  assertFindings('PACKAGE_NAME="p"\n. ./version.conf\nDEST_MODULE_LOCATION[0]="/extra"\n', opts);
  assertFindings('PACKAGE_NAME=p\nPACKAGE_VERSION=1\nfor i in 0 1; do\nDEST_MODULE_LOCATION[i]=/extra\ndone\n', opts);
  assert.ok(true);
});

testDocExamples('dkms-missing-required');
