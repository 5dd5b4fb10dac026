import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-files-own-usrsrc';

const HEAD = `Name: foo-dkms
Version: 1.2
Release: 1
Summary: Foo
License: MIT
BuildArch: noarch
Requires: dkms

%install
mkdir -p %{buildroot}%{_usrsrc}/foo-%{version}
cp -a src/* %{buildroot}%{_usrsrc}/foo-%{version}/

%post
dkms install foo/%{version} || :
`;

test(`${RULE}: a bare /usr/src entry and %dir of it, in each spelling`, () => {
  const findings = assertFindings(`${HEAD}
%package -n foo-extra
Summary: Extra
Requires: dkms
%package -n foo-more
Summary: More
Requires: dkms
%files
%{_usrsrc}
#<- ${RULE}
%files -n foo-extra
/usr/src/
#<- ${RULE}
%files -n foo-more
%dir %{_prefix}/src
#    ^^^^^^^^^^^^^^ ${RULE}
%attr(0755,root,root) %{_usrsrc}/foo-%{version}/
`, { rules: [RULE] });
  assert.match(findings[0].message, /^%\{_usrsrc\} \(\/usr\/src\) packages \/usr\/src itself: foo-dkms then owns the system directory \/usr\/src/);
  assert.match(findings[1].message, /^\/usr\/src\/ packages \/usr\/src itself: foo-extra/);
  assert.deepEqual(findings.map((f) => f.messageId), ['entryOwnsUsrSrc', 'entryOwnsUsrSrc', 'dirOwnsUsrSrc']);
  assert.match(findings[2].message, /^%dir %\{_prefix\}\/src \(\/usr\/src\) makes foo-more an owner of \/usr\/src/);
});

test(`${RULE}: a macro of the spec's own that is /usr/src (dkms's old mkrpm template)`, () => {
  assertFindings(`%{?!_srcdir: %define _srcdir %_prefix/src}
%define module_name foo
Name: %{module_name}-dkms
Version: 1.0
Release: 1
Summary: Foo
License: GPL-2.0-only
BuildArch: noarch
Requires: dkms
%post
dkms add -m %{module_name} -v %{version} --rpm_safe_upgrade || :
%files
%defattr(-,root,root)
%{_srcdir}
#<- ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: the module directory, other /usr/src entries and non-DKMS packages stay silent`, () => {
  assertFindings(`${HEAD}
%files
%{_usrsrc}/foo-%{version}/
%dir %{_usrsrc}/foo-%{version}
/usr/src/foo-%{version}/dkms.conf
%{_usrsrc}/*
%exclude %{_usrsrc}
%package -n filesystem-extra
Summary: Not a DKMS package
%files -n filesystem-extra
%dir /usr/src
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(`# Grüße ✓
${HEAD}
%files
%attr(-,root,root) "/usr/src"
#                  ^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix lists the module directory %install fills; %dir goes when the module directory is listed`, () => {
  const bare = `${HEAD}\n%files\n%{_usrsrc}\n`;
  const fixed = applyFixes(bare, lintText(bare, { rules: [RULE] }));
  assert.equal(fixed, `${HEAD}\n%files\n%{_usrsrc}/foo-%{version}/\n`);
  assert.deepEqual(lintText(fixed, { rules: [RULE] }), []);

  const dir = `${HEAD}\r\n%files\r\n%dir %{_usrsrc}\r\n%{_usrsrc}/foo-%{version}/\r\n`;
  const fixedDir = applyFixes(dir, lintText(dir, { rules: [RULE] }), 'safe');
  assert.equal(fixedDir, `${HEAD}\r\n%files\r\n%{_usrsrc}/foo-%{version}/\r\n`);

  // nothing else listed, or several module directories installed: no fix offered
  const alone = lintText(`${HEAD}\n%files\n%dir %{_usrsrc}\n`, { rules: [RULE] });
  assert.equal(alone.length, 1);
  assert.deepEqual(alone[0].fixes, []);
  const two = lintText(`${HEAD.replace('%post', 'cp -a b/* %{buildroot}%{_usrsrc}/bar-1/\n\n%post')}\n%files\n%{_usrsrc}\n`, { rules: [RULE] });
  assert.deepEqual(two[0].fixes, []);
});

testDocExamples(RULE);
