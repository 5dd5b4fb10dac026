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

test('empty records: a gap in the indices and a record without DEST_MODULE_LOCATION (dkms test dkms_conf_test_sparse_arrays)', () => {
  const findings = assertFindings(`PACKAGE_NAME="dkms_conf_test"
PACKAGE_VERSION="1.0"
BUILT_MODULE_NAME[1]="a"
# <- dkms-missing-required
DEST_MODULE_LOCATION[1]="/kernel/extra"
BUILT_MODULE_NAME[3]="b"
# <- dkms-missing-required
DEST_MODULE_LOCATION[3]="/kernel/extra"
DEST_MODULE_LOCATION[4]="/oops"
# <- dkms-missing-required
BUILT_MODULE_NAME[5]="c"
# <- dkms-missing-required
STRIP[9]=no
`, opts);
  assert.deepEqual(findings.map((f) => f.message.replace(/:.*/, '')), [
    'Module record 0 is empty (indices 1, 3, 4, 5 are set)',
    'Module record 2 is empty (indices 1, 3, 4, 5 are set)',
    'Module record 4 has no BUILT_MODULE_NAME[4]',
    'Module record 5 has no DEST_MODULE_LOCATION[5]',
  ]);
});

test('empty records: a gap in the indices and a record without DEST_MODULE_LOCATION (dkms test dkms_conf_test_sparse_arrays)', () => {
  const findings = assertFindings(`PACKAGE_NAME="dkms_conf_test"
PACKAGE_VERSION="1.0"
BUILT_MODULE_NAME[1]="a"
# <- dkms-missing-required
DEST_MODULE_LOCATION[1]="/kernel/extra"
BUILT_MODULE_NAME[3]="b"
# <- dkms-missing-required
DEST_MODULE_LOCATION[3]="/kernel/extra"
DEST_MODULE_LOCATION[4]="/oops"
# <- dkms-missing-required
BUILT_MODULE_NAME[5]="c"
# <- dkms-missing-required
STRIP[9]=no
`, opts);
  assert.deepEqual(findings.map((f) => f.message.replace(/:.*/, '')), [
    'Module record 0 is empty (indices 1, 3, 4, 5 are set)',
    'Module record 2 is empty (indices 1, 3, 4, 5 are set)',
    'Module record 4 has no BUILT_MODULE_NAME[4]',
    'Module record 5 has no DEST_MODULE_LOCATION[5]',
  ]);
});

testDocExamples('dkms-missing-required');
