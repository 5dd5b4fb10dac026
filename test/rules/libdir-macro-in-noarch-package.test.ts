import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'libdir-macro-in-noarch-package';
const POSITIVE = `${SPEC_HEAD}BuildArch: noarch
%files
%{_libdir}/a
# <- libdir-macro-in-noarch-package
/usr/%_lib/b
#    ^^^^^ libdir-macro-in-noarch-package
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%package x
Summary: x
%files
%{_libdir}/a
%files x
%{_libdir}/b
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);

test('libdir-macro-in-noarch-package: a spec that pins %_libdir to a literal directory is left alone', () => {
  const text = '%global _libdir /usr/lib\nName: b\nVersion: 1\nRelease: 1\nSummary: B\nLicense: MIT\nBuildArch: noarch\n%description\nB.\n%files\n%{_libdir}/build\n';
  assert.deepEqual(lintText(text, { rules: ['libdir-macro-in-noarch-package'] }), []);
  assert.equal(lintText(text.replace('%global _libdir /usr/lib\n', ''), { rules: ['libdir-macro-in-noarch-package'] }).length, 1);
});

test(`${RULE}: %{_libdir}/../… is the same path on every architecture (floppy-support.spec)`, () => {
  // /usr/lib64/.. and /usr/lib/.. are both /usr
  assertFindings(`${SPEC_HEAD}BuildArch: noarch
%files
%{_libdir}/../lib/modules-load.d/floppy.conf
%{_libdir}/../lib
%{_libdir}/../libexec/y
/usr/%{_lib}/../x
%{_libdir}/..foo/z
# <- ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: on Fedora and EL, a spec built only for 64-bit arches has lib64 everywhere (openmpi, pl: ExcludeArch: %{ix86})`, () => {
  const excl = `${SPEC_HEAD}ExcludeArch: %{ix86}
%package doc
Summary: d
BuildArch: noarch
%files doc
%{_libdir}/openmpi/share
`;
  assertFindings(excl, { rules: [RULE], distro: 'fedora' });
  assertFindings(excl, { rules: [RULE], distro: 'rhel-9' });
  assertFindings(`${SPEC_HEAD}ExclusiveArch: x86_64 aarch64 %{power64} s390x\nBuildArch: noarch\n%files\n%{_libdir}/a\n`, { rules: [RULE], distro: 'fedora' });
  // m1n1.spec: `noarch` in ExclusiveArch lets the noarch subpackages build; the only build host is aarch64
  assertFindings(`${SPEC_HEAD}ExclusiveArch:  aarch64 noarch\nBuildArch: noarch\n%files\n%{_libdir}/%{name}/\n`, { rules: [RULE], distro: 'fedora' });
  assert.equal(lintText(`${SPEC_HEAD}ExclusiveArch: noarch\nBuildArch: noarch\n%files\n%{_libdir}/a\n`, { rules: [RULE], distro: 'fedora' }).length, 1);
  // openSUSE still builds for i586 and armv7l; a 32-bit arch left in ExclusiveArch counts too
  assert.equal(lintText(excl, { rules: [RULE], distro: 'opensuse' }).length, 1);
  assert.equal(lintText(`${SPEC_HEAD}ExclusiveArch: x86_64 %{arm}\nBuildArch: noarch\n%files\n%{_libdir}/a\n`, { rules: [RULE], distro: 'fedora' }).length, 1);
});
