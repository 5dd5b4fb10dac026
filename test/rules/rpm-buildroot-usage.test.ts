import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'rpm-buildroot-usage';
const POSITIVE = `${SPEC_HEAD}%prep
cp x %{buildroot}
#    ^^^^^^^^^^^^ rpm-buildroot-usage
%build
echo $RPM_BUILD_ROOT %buildroot
#    ^^^^^^^^^^^^^^^ rpm-buildroot-usage
install -d %{buildroot}/usr
%post
ls \${RPM_BUILD_ROOT}
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: one finding per section, counting the other uses`, () => {
  const [finding] = assertFindings(POSITIVE, { rules: [RULE] }).filter((f) => f.range.start.line === 8);
  assert.match(finding.message, /2 more uses in this section/);
});

test(`${RULE}: information (the build root handed on as an install destination usually works)`, () => {
  assert.deepEqual(lintText(POSITIVE, { rules: [RULE] }).map((f) => f.severity), ['information', 'information']);
  assert.match(lintText(POSITIVE, { rules: [RULE] })[0].message, /^The build root is used in %prep: rpm empties it before %install/);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%build
echo %%{buildroot} \\$RPM_BUILD_ROOT # %{buildroot}
%install
rm -rf %{buildroot}
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);

test('rpm-buildroot-usage: %build of a spec that keeps the build root (%__spec_install_pre without rm -rf) is not checked', () => {
  const head = 'Name: k\nVersion: 1\nRelease: 1\nSummary: K\nLicense: MIT\n';
  assert.deepEqual(lintText(`%global __spec_install_pre %{___build_pre}\n${head}%build\nmkdir -p $RPM_BUILD_ROOT/boot\n`, { rules: ['rpm-buildroot-usage'] }), []);
  assert.equal(lintText(`${head}%build\nmkdir -p $RPM_BUILD_ROOT/boot\n`, { rules: ['rpm-buildroot-usage'] }).length, 1);
});

test(`${RULE}: $RPM_BUILD_ROOT in single quotes is text for another script, not a use (arm-none-eabi-gcc-cs)`, () => {
  assertFindings(`${SPEC_HEAD}%prep
cat os_install_post~ | while read a x y; do
case $a in
*/brp-strip*)
  sed -e 's,find "*$RPM_BUILD_ROOT"*,find "$RPM_BUILD_ROOT%_bindir",' $a > b
  ;;
esac
done
echo "$RPM_BUILD_ROOT"
#     ^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: the build root handed on as an install destination is not reported; reading it is (Fedora specs)`, () => {
  assertFindings(`${SPEC_HEAD}%prep
sed -i.backup "s|PREFIX = /usr|PREFIX = %{buildroot}%{_prefix}|" panini.pro
rm -rf %{buildroot}/docs
#      ^^^^^^^^^^^^ ${RULE}
%build
qmake INSTALL_ROOT=$RPM_BUILD_ROOT qascade.pro
make PREFIX=$RPM_BUILD_ROOT%{_prefix} LISPDIR=$RPM_BUILD_ROOT%{_emacs_sitelispdir} PACKAGE_LISPDIR=NONE
%configure --disable-bold --with-fontdir=$RPM_BUILD_ROOT%{fontdir}
jam -fJambase -sPREFIX=%{_prefix} -sDESTDIR=%{buildroot} all
cmake -DSWORD_PYTHON_INSTALL_ROOT="%{buildroot}" .
./setup --install-dir %{buildroot}%{_bindir}
./configure --install-bin %{buildroot}%{_bindir} \\
    --install-lib %{buildroot}%{_libdir}
sed -i Makefile \\
    -e "s|^MANPATH = .*|MANPATH = %{buildroot}%{_mandir}/man1|" \\
    --expression='s|[^[:blank:]]*(/flatc)|%{buildroot}%{_bindir}\\1|'
PYTHONPATH=%{buildroot}%{python3_sitelib} make SPHINXBUILD=sphinx-build-3 html
#          ^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
  assertFindings(`${SPEC_HEAD}%build
CPPFLAGS="$CPPFLAGS -I$RPM_BUILD_ROOT%{_includedir}"
#                     ^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});
