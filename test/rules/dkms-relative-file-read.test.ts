import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-relative-file-read'], languageId: 'dkms-conf' as const };

test('PACKAGE_VERSION and PACKAGE_NAME read from the current folder (nix-community/acpi_call)', () => {
  const findings = assertFindings(`PACKAGE_NAME=\`cat NAME\`
#            ^^^^^^^^^^ dkms-relative-file-read
PACKAGE_VERSION="$(cat VERSION)"
#                ^^^^^^^^^^^^^^ dkms-relative-file-read
`, opts);
  assert.match(findings[1].message, /^PACKAGE_VERSION reads "VERSION" relative to the current folder: dkms sources dkms\.conf in the folder dkms was started from.*"No 'PACKAGE_VERSION' directive specified"/);
  assertFindings(`PACKAGE_VERSION="$(git describe --tags)"
#                ^^^^^^^^^^^^^^^^^^^^^^ dkms-relative-file-read
`, opts);
  assertFindings(`PACKAGE_VERSION=$(grep -m1 Version: ./pkg/info | cut -d' ' -f2)
#               ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-relative-file-read
`, opts);
});

test('near misses: absolute or variable paths, fallbacks, text around the command, other directives, CRLF', () => {
  assertFindings(
    [
      'PACKAGE_NAME="$(cat /etc/foo-name)"',
      'PACKAGE_VERSION="$(cat ${dkms_tree}/v)"',
      'PACKAGE_VERSION="$(cat VERSION 2>/dev/null || echo 1.0)"',
      'PACKAGE_VERSION="1.0-$(git rev-parse --short HEAD)"',
      'PACKAGE_VERSION="$(uname -r)"',
      'MAKE[0]="make VER=$(cat VERSION)"',
      'BUILT_MODULE_NAME[0]="$(grep -l x)"',
      '',
    ].join('\n'),
    { ...opts, crlf: true },
  );
  assert.ok(true);
});

testDocExamples('dkms-relative-file-read');
