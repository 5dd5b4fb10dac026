import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-deprecated-directive'], languageId: 'dkms-conf' as const };

test('REMAKE_INITRD, MODULES_CONF and CLEAN', () => {
  const src = `PACKAGE_NAME=p
REMAKE_INITRD="yes"
# <- dkms-deprecated-directive
MODULES_CONF[0]="blacklist x"
# <- dkms-deprecated-directive
CLEAN="make clean"
# <- dkms-deprecated-directive
`;
  const findings = assertFindings(src, opts);
  assert.deepEqual(findings[0].tags, ['deprecated']);
  assert.equal(findings[0].fixes[0].safety, 'safe');
  assert.equal(findings[2].fixes[0].safety, 'unsafe');
  const text = 'PACKAGE_NAME=p\nREMAKE_INITRD="yes"\nMODULES_CONF[0]="blacklist x"\n';
  assert.equal(applyFixes(text, findings.slice(0, 2), 'safe'), 'PACKAGE_NAME=p\n');
});

test('near misses: CLEAN=true, other directives, CRLF', () => {
  assertFindings('CLEAN=true\nMAKE="make"\nAUTOINSTALL=yes\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-deprecated-directive');
