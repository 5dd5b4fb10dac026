import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-package-not-noarch';

test(`${RULE}: main package and subpackage`, () => {
  assertFindings(`Name: foo-dkms
#<- ${RULE}
Version: 1.2
Release: 1
Summary: Foo
License: MIT
Requires: dkms

%package -n bar-dkms
#<- ${RULE}
Summary: Bar

%post
dkms install -m foo -v %{version} || :
%post -n bar-dkms
dkms install -m bar -v %{version} || :

%files
%{_usrsrc}/foo-%{version}
%files -n bar-dkms
/usr/src/bar-%{version}/
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name: foo
Version: 1.2
Release: 1
Summary: Foo
License: MIT
Requires: dkms

%package -n foo-dkms
Summary: Foo sources
BuildArch: noarch
Requires: dkms

%package -n foo-tools
Summary: Tools

%post
dkms install -m foo -v %{version} || :
%post -n foo-dkms
dkms install -m foo -v %{version} || :
%post -n foo-tools
dkms status

%files
%{_bindir}/foo
%{_usrsrc}/foo-%{version}
%files -n foo-dkms
%{_usrsrc}/foo-%{version}
%files -n foo-tools
%{_datadir}/foo
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(`# Grüße ✓
Name: foo-dkms
#<- ${RULE}
Version: 1.2
Requires: dkms
%files
%{_usrsrc}/foo-%{version}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix adds BuildArch after the last tag`, () => {
  const before = `Name: foo-dkms\r\nVersion: 1.2\r\nRequires: dkms\r\n\r\n%files\r\n%{_usrsrc}/foo-%{version}\r\n`;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, `Name: foo-dkms\r\nVersion: 1.2\r\nRequires: dkms\r\nBuildArch:      noarch\r\n\r\n%files\r\n%{_usrsrc}/foo-%{version}\r\n`);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

testDocExamples(RULE);
