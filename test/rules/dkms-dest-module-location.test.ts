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
DEST_MODULE_LOCATION[2]=""
# <- dkms-dest-module-location
`, opts);
});

test('an unsubstituted placeholder in a file named dkms.conf is the literal value dkms checks', () => {
  const [f] = assertFindings(`DEST_MODULE_LOCATION[0]="@MODULE_LOCATION@"
#                       ^^^^^^^^^^^^^^^^^^^ dkms-dest-module-location
DEST_MODULE_LOCATION[1]="/kernel/@SUBDIR@"
`, opts);
  assert.match(f.message, /placeholder nothing has substituted.*name it dkms\.conf\.in/);
  assert.equal(f.severity, 'error');
  // the same line in a template is fine
  for (const uri of ['file:///w/dkms.conf.in', 'file:///w/debian/foo-dkms.dkms', 'file:///w/dkms-foo.conf.in']) {
    assertFindings('DEST_MODULE_LOCATION[0]="@MODULE_LOCATION@"\nDEST_MODULE_LOCATION[1]="#DEST#"\n', { ...opts, uri });
  }
});

test('near misses: valid prefixes, variables and placeholders, CRLF', () => {
  assertFindings('DEST_MODULE_LOCATION[0]="/kernel/drivers/hid"\nDEST_MODULE_LOCATION[1]=/updates/dkms\nDEST_MODULE_LOCATION[2]="/extra"\nDEST_MODULE_LOCATION[3]="$loc"\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-dest-module-location');
