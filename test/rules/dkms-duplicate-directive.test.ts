import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-duplicate-directive'], languageId: 'dkms-conf' as const };

test('a directive or an indexed entry set twice', () => {
  assertFindings(`PACKAGE_NAME="a"
PACKAGE_VERSION="@@VERSION@@"
PACKAGE_VERSION="1.0.0"
# <- dkms-duplicate-directive
BUILT_MODULE_NAME[0]="a"
BUILT_MODULE_NAME[0]="b"
# <- dkms-duplicate-directive
`, opts);
});

test('near misses: used in between, +=, other index, inside if, helper variables, self-reference', () => {
  assertFindings(`PACKAGE_VERSION="1"
MAKE="make VERSION=$PACKAGE_VERSION"
PACKAGE_VERSION="2"
BUILT_MODULE_NAME[0]="a"
BUILT_MODULE_NAME[1]="b"
MAKE+=" V=1"
if [ -n "$x" ]; then
  AUTOINSTALL="yes"
fi
AUTOINSTALL="yes"
modules="a"
modules="b"
CLEAN="make clean"
CLEAN="$CLEAN || true"
`, opts);
});

test('CRLF and non-ASCII keep positions', () => {
  assertFindings('# Pilote réseau ✓\nPACKAGE_NAME="a"\nPACKAGE_NAME="b"\n# <- dkms-duplicate-directive\n', { ...opts, crlf: true });
});

testDocExamples('dkms-duplicate-directive');
