import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-module-suffix'], languageId: 'dkms-conf' as const };

test('.ko and .o suffixes, with a safe fix', () => {
  const src = `BUILT_MODULE_NAME[0]="foo.ko"
#                        ^^^ dkms-module-suffix
DEST_MODULE_NAME[0]=bar.o
#                      ^^ dkms-module-suffix
`;
  const findings = assertFindings(src, opts);
  assert.equal(applyFixes('BUILT_MODULE_NAME[0]="foo.ko"\nDEST_MODULE_NAME[0]=bar.o\n', findings, 'safe'), 'BUILT_MODULE_NAME[0]="foo"\nDEST_MODULE_NAME[0]=bar\n');
});

test('near misses: other names, other directives, CRLF', () => {
  assertFindings('BUILT_MODULE_NAME[0]="foo_ko"\nBUILT_MODULE_LOCATION[0]="x.o"\nDEST_MODULE_NAME[0]="kool"\n', { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-module-suffix');
