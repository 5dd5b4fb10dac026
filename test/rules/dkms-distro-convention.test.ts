import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-distro-convention';
const SPEC = `%global module foo
${DKMS_SPEC_HEAD.replace('Name: foo-dkms', 'Name: %{module}-dkms')}
%post
dkms install %{module}/%{version} || :
%files
%{_usrsrc}/%{module}-%{version}/
`;

test(`${RULE}: one information note per DKMS spec on Fedora, RHEL and openSUSE`, () => {
  for (const [distro, pattern] of [
    ['fedora', /the Fedora profile is active: Fedora does not accept packages that carry kernel modules outside the kernel package.*RPM Fusion build kmod packages with kmodtool and akmod packages/],
    ['rhel', /the RHEL profile is active: RHEL ships no DKMS packages.*%kernel_module_package/],
    ['opensuse', /the openSUSE profile is active: openSUSE and SLE package external kernel modules as Kernel Module Packages \(KMPs\) built with %suse_kernel_module_package/],
  ] as const) {
    const findings = assertFindings(SPEC.replace('Name: %{module}-dkms', `Name: %{module}-dkms\n#<- ${RULE}`), { rules: [RULE], distro });
    assert.equal(findings[0].severity, 'information');
    assert.equal(findings[0].messageId, 'otherConvention');
    assert.match(findings[0].message, /^foo-dkms is a DKMS package/);
    assert.match(findings[0].message, pattern);
    assert.match(findings[0].message, /Source: /);
  }
});

test(`${RULE}: silent on the generic and Mageia profiles and for specs that are not DKMS packages`, () => {
  assert.deepEqual(lintText(SPEC, { rules: [RULE], distro: 'generic' }), []);
  assert.deepEqual(lintText(SPEC, { rules: [RULE], distro: 'mageia' }), []);
  // the dkms package itself, and a spec that only builds with dkms installed
  assert.deepEqual(lintText('Name: dkms\nVersion: 3\nRelease: 1\nSummary: d\nLicense: GPL\n%post\ndkms autoinstall\n', { rules: [RULE] }), []);
  assert.deepEqual(lintText('Name: fwts\nVersion: 1\nRelease: 1\nSummary: f\nLicense: GPL\nBuildRequires: dkms\n', { rules: [RULE] }), []);
});

test(`${RULE}: on a subpackage, the %package line; positions hold with CRLF and non-ASCII text`, () => {
  assertFindings(`# Grüße ✓
Name: foo
Version: 1
Release: 1
Summary: Foo
License: MIT
%package -n foo-dkms
#<- ${RULE}
Summary: Foo (DKMS)
Requires: dkms
%files -n foo-dkms
%{_usrsrc}/foo-1/
`, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
