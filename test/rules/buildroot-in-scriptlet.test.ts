import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'buildroot-in-scriptlet';

test(`${RULE}: the build root in install-time scriptlets and triggers, one finding per section`, () => {
  assertFindings(`${SPEC_HEAD}%build
make DESTDIR=%{buildroot}
%post
cp %{buildroot}/etc/a /etc/b
#  ^^^^^^^^^^^^ ${RULE}:macroInScriptlet
ls $RPM_BUILD_ROOT/usr
%preun
rm -f \${RPM_BUILD_ROOT}/var/x
#     ^^^^^^^^^^^^^^^^^ ${RULE}:variableInScriptlet
%triggerin -- foo
ls %buildroot
#  ^^^^^^^^^^ ${RULE}:macroInScriptlet
`, { rules: [RULE] });
});

test(`${RULE}: each message says what happens on the installed system`, () => {
  const messages = lintText(`${SPEC_HEAD}%post\ncp %{buildroot}/a /b\nls $RPM_BUILD_ROOT/c\n%postun\nls $RPM_BUILD_ROOT/c\n`, { rules: [RULE] }).map((f) => f.message);
  assert.deepEqual(messages, [
    "%{buildroot} in %post becomes the build root's path when the package is built, and this script runs on the installed system, where that path does not exist: use the installed path (e.g. %{_bindir}/…) (1 more use in this section)",
    '$RPM_BUILD_ROOT in %postun is set only while rpmbuild runs the build scripts: on the installed system it is empty when this script runs, so the path only works by accident; use the installed path (e.g. %{_bindir}/…)',
  ]);
});

test(`${RULE}: near-misses stay silent (escaped, comments, %install, %prep/%build are rpm-buildroot-usage's)`, () => {
  assertFindings(`${SPEC_HEAD}%prep
cp a %{buildroot}
%install
rm -rf %{buildroot}
%post
echo %%{buildroot} \\$RPM_BUILD_ROOT # %{buildroot}
`, { rules: [RULE] });
});

testDocExamples(RULE);
