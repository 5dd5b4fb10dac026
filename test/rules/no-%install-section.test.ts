import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const RULE = 'no-%install-section';
const POSITIVE = `Name: test
# <- no-%install-section
%prep
%build
%files
%{_bindir}/test
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name: test
%install
`, { rules: [RULE] });
  assertFindings(`Summary: fragment
`, { rules: [RULE] });
});

test(`${RULE}: silent when nothing needs installing: a meta-package, relative %doc entries (xorg-x11-drivers, exim-doc, fedora-obsolete-packages)`, () => {
  // xorg-x11-drivers.spec: Requires only, an empty %files.
  assertFindings(`Name: xorg-x11-drivers
Requires: xorg-x11-drv-dummy
%description
Meta-package.
%files
%defattr(-,root,root,-)
`, { rules: [RULE] });
  // exim-doc.spec: rpm copies relative %doc entries from the build directory itself.
  assertFindings(`Name: exim-doc
Source1: FAQ-html.tar.bz2
%prep
%setup -q -T -D -a 1
%files
%doc faq html ps pdf config.samples
%license LICENCE
`, { rules: [RULE] });
  // Near misses: an absolute %doc entry, a file list, a packaged file still need %install.
  assertFindings(`Name: foo
# <- ${RULE}
%files
%doc %{_docdir}/foo/README
`, { rules: [RULE] });
  // python-openant.spec: %pyproject_install under %build, %files -f: the packages are not empty,
  // the message says where the installation happens instead.
  const findings = assertFindings(`Name: python-openant
# <- ${RULE}:installsElsewhere
%build
%pyproject_wheel
%pyproject_install
%files -n python3-openant -f %{pyproject_files}
`, { rules: [RULE] });
  assert.match(findings[0].message, /%build installs into the build root instead \(line 4\)/);
  assertFindings(`Name: foo
# <- ${RULE}
%files
%config(noreplace) %{_sysconfdir}/foo.conf
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
