import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'hardcoded-libdir-setting';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: library-directory arguments and redefinitions of %_libdir/%_lib, at warning`, () => {
  const f = assertFindings(`%define _libdir /usr/lib64
#       ^^^^^^^^^^^^^^^^^^ ${RULE}
` + HEAD + `%build
%configure --libdir=/usr/lib64
#                   ^^^^^^^^^^ ${RULE}
%cmake -DCMAKE_INSTALL_LIBDIR=%{_prefix}/lib64
#                             ^^^^^^^^^^^^^^^^ ${RULE}
%make_build LIBDIR=/usr/lib PREFIX=/usr
#                  ^^^^^^^^ ${RULE}
%install
install -D libfoo.so.1 %{buildroot}/usr/lib64/libfoo.so.1
`, { rules: [RULE] });
  assert.ok(f.every((x) => x.severity === 'warning'));
  assert.equal(f[1].message, '--libdir=/usr/lib64 sets the library directory of every architecture to /usr/lib64, which exists only on 64-bit ones (32-bit builds install into the wrong place): use %{_libdir}');
  assert.equal(f[3].message, '/usr/lib as the library directory is wrong on 64-bit architectures (/usr/lib64): use %{_libdir}');
});

test(`${RULE}: hardcoded-library-path no longer reports these (one finding per problem)`, () => {
  const text = HEAD + `%build\n%configure --libdir=/usr/lib64\n`;
  assert.deepEqual(lintText(text, { rules: ['hardcoded-library-path'] }), []);
  assert.equal(lintText(text, { rules: [RULE] }).length, 1);
});

test(`${RULE}: near-misses: %ifarch arms, noarch packages, ExclusiveArch, %{_libdir}, relative values`, () => {
  assertFindings(HEAD + `%build
%ifarch x86_64
%configure --libdir=/usr/lib64
%endif
%configure --libdir=%{_libdir}
%cmake -DCMAKE_INSTALL_LIBDIR=lib64
`, { rules: [RULE] });
  assertFindings(HEAD + `BuildArch: noarch\n%build\n%configure --libdir=/usr/lib\n`, { rules: [RULE] });
  assertFindings(HEAD + `ExclusiveArch: x86_64\n%build\n%configure --libdir=/usr/lib64\n`, { rules: [RULE] });
});

test(`${RULE}: fix: %{_libdir}, safe only where it expands to the literal (x86_64 profile)`, () => {
  const before = HEAD + `%build\n%configure --libdir=/usr/lib64\n%make_build LIBDIR=/usr/lib\n`;
  const findings = lintText(before, { rules: [RULE], distro: 'fedora' });
  assert.deepEqual(findings.map((x) => x.fixes.map((fix) => fix.safety)), [['safe'], ['unsafe']]);
  const after = applyFixes(before, findings);
  assert.equal(after, HEAD + `%build\n%configure --libdir=%{_libdir}\n%make_build LIBDIR=%{_libdir}\n`);
  assert.deepEqual(lintText(after, { rules: [RULE], distro: 'fedora' }), []);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(`# héllo wörld ✓\n${HEAD}%build\n%configure --libdir=/usr/lib64\n#                   ^^^^^^^^^^ ${RULE}\n`, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
