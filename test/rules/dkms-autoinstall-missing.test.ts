import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-autoinstall-missing';
const opts = { rules: [RULE], languageId: 'dkms-conf' as const };

test(`${RULE}: no AUTOINSTALL anywhere, with the fix after the last top-level line`, () => {
  const source = `PACKAGE_NAME="acme"
# <- ${RULE}:missing
PACKAGE_VERSION="1.0"
BUILT_MODULE_NAME[0]="acme"
DEST_MODULE_LOCATION[0]="/updates/dkms"
if [ -f x ]; then
  MAKE[0]="make alt"
fi
`;
  const [f] = assertFindings(source, opts);
  assert.equal(f.message, 'AUTOINSTALL is not set: `dkms autoinstall`, which runs for each newly installed kernel, skips "acme" (checked with dkms 3.0.10), so the module is missing after the next kernel update until someone runs dkms install by hand. Add AUTOINSTALL="yes"');
  const text = source.replace(/^# <-.*\n/m, '');
  assert.equal(applyFixes(text, [f]), text.replace('"/updates/dkms"\n', '"/updates/dkms"\nAUTOINSTALL="yes"\n'));
  // CRLF, and a last line without a line break
  const crlf = 'PACKAGE_NAME="acme"\r\nPACKAGE_VERSION="1.0"';
  assert.equal(applyFixes(crlf, lintText(crlf, opts)), 'PACKAGE_NAME="acme"\r\nPACKAGE_VERSION="1.0"\r\nAUTOINSTALL="yes"');
});

test(`${RULE}: near misses: any AUTOINSTALL is a decision; fragments without PACKAGE_NAME`, () => {
  for (const body of [
    'PACKAGE_NAME="a"\nAUTOINSTALL="yes"\n',
    'PACKAGE_NAME="a"\nAUTOINSTALL=""\n',
    'PACKAGE_NAME="a"\nAUTOINSTALL=no\n',
    'PACKAGE_NAME="a"\nif true; then\n  AUTOINSTALL=yes\nfi\n',
    'PACKAGE_NAME="a"\nAUTOINSTALL="$AUTO"\n',
    'PACKAGE_NAME="a"\ndeclare AUTOINSTALL=yes\n',
    'PACKAGE_VERSION="1.0"\nMAKE[0]="make"\n',
    '',
  ]) assertFindings(body, opts);
  assert.ok(true);
});

test(`${RULE}: a dkms.conf written by a here-document in the spec, fixed there`, () => {
  const spec = `${DKMS_SPEC_HEAD}
%description
x

%install
cat > %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf <<'EOF'
PACKAGE_NAME="foo"
PACKAGE_VERSION="1.2"
BUILT_MODULE_NAME[0]="foo"
DEST_MODULE_LOCATION[0]="/updates/dkms"
EOF
`;
  const findings = lintText(spec, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /^In the dkms\.conf this here-document writes .*AUTOINSTALL is not set/);
  assert.equal(applyFixes(spec, findings), spec.replace('"/updates/dkms"\nEOF', '"/updates/dkms"\nAUTOINSTALL="yes"\nEOF'));
});

testDocExamples(RULE);
