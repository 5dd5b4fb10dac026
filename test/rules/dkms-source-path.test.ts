import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-source-path';
const HEAD = `${DKMS_SPEC_HEAD}%global module foo
`;

test(`${RULE}: module or version differ from the /usr/src directory`, () => {
  assertFindings(HEAD + `%post
dkms add -m %{module}-driver -v %{version}
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
dkms install %{module}-driver/%{version}
%preun
dkms remove -m foo -v 1.3 --all
#              ^^^^^^^^^^ ${RULE}
%files
%{_usrsrc}/%{module}-%{version}/
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  for (const files of ['%{_usrsrc}/%{module}-%{version}/\n', '/usr/src/foo-1.2\n', '%{_prefix}/src/%module-%version\n', '/usr/src/foo-*\n']) {
    assertFindings(HEAD + `%post
dkms add -m %{module} -v %{version}
dkms install foo/1.2
%files
` + files, { rules: [RULE] });
  }
  // unknown side: shell variables, unexpandable macros, no /usr/src at all
  assertFindings(HEAD + `%post
dkms add -m $MOD -v %{version}
dkms add -m foo -v %{unknown_macro}
%files
%{_usrsrc}/foo-%{version}
`, { rules: [RULE] });
  assertFindings(HEAD + `%post
dkms add -m bar -v 1
%files
%{_datadir}/foo
`, { rules: [RULE] });
  // from %install when %files has no /usr/src entry
  assertFindings(HEAD + `%install
mkdir -p %{buildroot}/usr/src/foo-%{version}
%post
dkms add -m foo -v %{version}
%files -f files.list
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%post
echo "✓ übel"; dkms add -m bar -v %{version}
#                          ^^^^^^^^^^^^^^^^^ ${RULE}
%files
%{_usrsrc}/foo-%{version}
`, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
