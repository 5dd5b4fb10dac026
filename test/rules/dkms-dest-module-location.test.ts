import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-dest-module-location'], languageId: 'dkms-conf' as const };

test('locations outside /kernel, /updates, /extra', () => {
  assertFindings(`DEST_MODULE_LOCATION[0]="/lib/modules/x"
#                       ^^^^^^^^^^^^^^^^ dkms-dest-module-location
DEST_MODULE_LOCATION[1]=drivers/net
#                       ^^^^^^^^^^^ dkms-dest-module-location
`, opts);
});

test('near misses: valid prefixes, variables and placeholders, CRLF', () => {
  assertFindings('DEST_MODULE_LOCATION[0]="/kernel/drivers/hid"\nDEST_MODULE_LOCATION[1]=/updates/dkms\nDEST_MODULE_LOCATION[2]="/extra"\nDEST_MODULE_LOCATION[3]="@LOC@"\nDEST_MODULE_LOCATION[4]="$loc"\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-dest-module-location');
