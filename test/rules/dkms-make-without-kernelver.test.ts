import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-make-without-kernelver'], languageId: 'dkms-conf' as const };

test('quoted make or scripts without the target kernel', () => {
  assertFindings(`MAKE[0]="'make' all"
#       ^^^^^^^^^^^^ dkms-make-without-kernelver
MAKE[1]="./build.sh"
#       ^^^^^^^^^^^^ dkms-make-without-kernelver
MAKE_MATCH[1]="^6"
`, opts);
});

test('near misses: leading make, $kernelver, kernel_source_dir, KERNELRELEASE, elsewhere, CRLF', () => {
  assertFindings('MAKE[0]="make all"\nMAKE[1]="\'make\' KVER=${kernelver}"\nMAKE[2]="cd x && \'make\' -C $kernel_source_dir"\nMAKE[3]="./b.sh KERNELRELEASE=1"\n', { ...opts, crlf: true });
  assertFindings('PRE_BUILD="configure $kernelver"\nMAKE="cd build; \'make\'"\n', opts);
  assert.ok(true);
});

testDocExamples('dkms-make-without-kernelver');
