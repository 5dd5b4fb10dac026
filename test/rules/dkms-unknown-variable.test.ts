import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-unknown-variable'], languageId: 'dkms-conf' as const };

test('unknown variables in directive values, with did-you-mean', () => {
  const src = `MAKE="make KVER=$kernel_ver"
#                ^^^^^^^^^^ dkms-unknown-variable
CLEAN="make -C \${KSRC} clean"
#                ^^^^ dkms-unknown-variable
`;
  const findings = assertFindings(src, opts);
  assert.match(findings[0].message, /Did you mean \$kernelver/);
  assert.equal(applyFixes('MAKE="make KVER=$kernel_ver"\n', findings.slice(0, 1)), 'MAKE="make KVER=$kernelver"\n');
});

test('near misses: dkms variables, file variables, loop variables, single quotes, sourced files, CRLF', () => {
  assertFindings("K=/lib/modules/$kernelver/build\nMAKE=\"make -C $K M=$dkms_tree/$module/$module_version/build $PWD\"\nfor i in 0; do BUILT_MODULE_NAME[i]=\"$i\"; done\nCLEAN='make $nothing'\n", { ...opts, crlf: true });
  assertFindings('. ./other.conf\nMAKE="make $FROM_OTHER"\n', opts);
  assert.ok(true);
});

testDocExamples('dkms-unknown-variable');
