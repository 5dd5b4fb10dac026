import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-yes-no-value'], languageId: 'dkms-conf' as const };

test('non yes/no values, AUTOINSTALL=no', () => {
  const src = `AUTOINSTALL=true
#           ^^^^ dkms-yes-no-value
STRIP[0]="0"
#        ^^^ dkms-yes-no-value
NO_WEAK_MODULES="no"
#               ^^^^ dkms-yes-no-value
`;
  const findings = assertFindings(src, opts);
  assert.equal(findings[0].fixes[0].safety, 'unsafe');
  assert.equal(applyFixes('AUTOINSTALL=true\nSTRIP[0]="0"\n', findings.slice(0, 2)), 'AUTOINSTALL=yes\nSTRIP[0]="no"\n');
});

test('near misses: yes, empty, STRIP=no, variables, CRLF', () => {
  assertFindings('AUTOINSTALL="yes"\nNO_WEAK_MODULES=""\nSTRIP[0]=no\nSTRIP[1]="$s"\nBUILD_DEPENDS_REBUILD=yes\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-yes-no-value');
