import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-unknown-directive'], languageId: 'dkms-conf' as const };

test('misspelt directive with did-you-mean and an unsafe rename', () => {
  const src = `BUILD_MODULE_NAME[0]="foo"
# <- dkms-unknown-directive
AUTO_INSTALL=yes
# <- dkms-unknown-directive
`;
  const findings = assertFindings(src, opts);
  assert.match(findings[0].message, /Did you mean BUILT_MODULE_NAME\?/);
  assert.equal(findings[0].fixes[0].safety, 'unsafe');
  assert.equal(applyFixes('BUILD_MODULE_NAME[0]="foo"\n', findings.slice(0, 1)), 'BUILT_MODULE_NAME[0]="foo"\n');
});

test('near misses: lowercase helpers, used helpers, real directives, CRLF', () => {
  assertFindings('kver=1\nKSRC=/lib/modules/$kver/build\nMAKE="make -C $KSRC"\nPROCS=4\n[ $PROCS -gt 2 ]\nPACKAGE_NAME=p\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-unknown-directive');
