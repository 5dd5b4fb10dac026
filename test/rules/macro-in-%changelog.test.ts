import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'macro-in-%changelog';
const POSITIVE = `${SPEC_HEAD}%changelog
- moved to %{_libdir}, %buildroot
#          ^^^^^^^^^^ macro-in-%changelog
#                      ^^^^^^^^^^ macro-in-%changelog
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%changelog
%autochangelog
- %%{_libdir}, fixed %post, 50% faster
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
Version: 1
%changelog
- %{version}
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
Version: 1
%changelog
- %%{version}
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

test(`${RULE}: what rpm leaves as text is not reported (spec commands, %files directives, undefined names)`, () => {
  // rpm 4.18 (rpmspec -P) keeps these as written: %setup and %patch are spec commands, not macros;
  // %doc is a %files directive; %certificate is defined nowhere (pykickstart, packit, teg);
  // %{name-common} names a macro `name-common`, which does not exist (nwchem).
  assertFindings(`${SPEC_HEAD}%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1
- run %setup -q, apply %patch3 and %patch -P 1, list %doc and %dir
- document %certificate, %python3_pkgversion_with_something_unknown
- requires %%{name} instead of %{name-common}
`, { rules: [RULE] });
});

test(`${RULE}: a tag's macro is expanded: %license becomes the License tag's value`, () => {
  // sjasm.spec: '- Mark sjasm.txt as %license' reads 'as Zlib' in the built package (checked with rpm 4.18).
  const text = `${SPEC_HEAD}%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1
- mark COPYING as %license
#                 ^^^^^^^^ macro-in-%changelog
`;
  assertFindings(text, { rules: [RULE] });
  const [finding] = lintText(text, { rules: [RULE] });
  assert.equal(finding.message, "'%license' in %changelog is expanded at build time (it becomes 'MIT'): write '%%license' to keep it as text");
});

test(`${RULE}: spec definitions, profile macros and conditional forms are reported; a spec without License leaves %license`, () => {
  assertFindings(`Name: test
Version: 1.0
Release: 1
Summary: Test
%global upstream_tag v1
%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1
- tag %{upstream_tag}, flags %{optflags}, %{?missing_one}, %license
#     ^^^^^^^^^^^^^^^ macro-in-%changelog
#                            ^^^^^^^^^^^ macro-in-%changelog
#                                         ^^^^^^^^^^^^^^^ macro-in-%changelog
`, { rules: [RULE] });
});

test(`${RULE}: a macro only the profile defines is reported on that profile only`, () => {
  const text = `${SPEC_HEAD}%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1
- use %py3_build
`;
  assert.equal(lintText(text, { rules: [RULE], distro: 'fedora' }).length, 1);
  assert.equal(lintText(text, { rules: [RULE], distro: 'opensuse' }).length, 0);
});

test(`${RULE}: entries deliberately built from macros are left alone`, () => {
  // udisks.spec '- 1.0.4-2%{?dist}', a CI template's generated first entry; older entries with
  // %{version} (and the body text) are still reported.
  assertFindings(`${SPEC_HEAD}%changelog
* %(date "+%a %b %d %Y") CI <ci@example.org> - %{version}-%{release}
- automated build of %{version}

* Mon Jan 01 2024 A <a@example.org> - %{version}-%{release}
#                                     ^^^^^^^^^^ macro-in-%changelog
#                                                ^^^^^^^^^^ macro-in-%changelog
- update to %{version}
#           ^^^^^^^^^^ macro-in-%changelog

* Mon Jan 01 2023 A <a@example.org> - 0.9-2%{?dist}
* Mon Jan 01 2022 A <a@example.org> - %{version}-1
#                                     ^^^^^^^^^^ macro-in-%changelog
- first
`, { rules: [RULE] });
  assertFindings(`${SPEC_HEAD}%changelog
* Mon Jan 01 2024 A <a@example.org> - %{version}-%{release}
- packaged
`, { rules: [RULE] });
  // llvm18.spec: a macro on a line of its own inserts a generated entry for snapshot builds.
  assertFindings(`${SPEC_HEAD}%global llvm_snapshot_changelog_entry * Mon Jan 01 2024 CI <ci@example.org> - 1.0-1
%changelog
%{?llvm_snapshot_changelog_entry}
* Mon Jan 01 2024 A <a@example.org> - 1.0-1
- packaged
`, { rules: [RULE] });
});

test(`${RULE}: a mid-line %include and the arguments of an unknown line-start call are left alone`, () => {
  // python-specfile.spec:324: `%include` is a line-start directive; mid-line rpm 4.18 leaves it
  // as written (`rpm --eval 'a %include b'` prints `a %include b`).
  // policycoreutils.spec:470: %add_changelog comes from a macro file the spec loads
  // (%{load:%{SOURCE4}}), which we cannot read; what it does with %SOURCE3 is up to it.
  assertFindings(`Name: policycoreutils
Version: 3.8
Release: 1
Summary: Test
License: GPL-2.0-or-later
Source3: changelog
Source4: macros
%{load:%{SOURCE4}}
%changelog
* Wed Nov 30 2022 Packit <hello@packit.dev> - 0.10.0-1
- sources included using the \`%include\` directive. (#137)
- an undefined %foo and %{foo} stay as written

%add_changelog %SOURCE3
  %add_changelog %{version}
`, { rules: [RULE] });
  // a known macro at the start of the line does not hide what follows; a defined one is reported
  assertFindings(`Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
Source3: changelog
%changelog
* Wed Nov 30 2022 A <a@example.org> - 1.0-1
%{version} %SOURCE3
# <- ${RULE}
#          ^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: %{name} and fixed directory macros read as meant and are left alone (ocsinventory-agent, jline2)`, () => {
  assertFindings(`Name: jline2
Version: 2.14
Release: 1
Summary: Test
License: BSD-3-Clause
%changelog
* Wed Nov 30 2022 A <a@example.org> - 2.14-1
- move %{name}.jar to %{_javadir}, scripts to %{_libexecdir} and %_datadir
- but %{_libdir} is lib or lib64, and %{version} changes
#     ^^^^^^^^^^ ${RULE}
#                                     ^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
  // a directory the spec redefines says what the spec chose, not what the name says
  assertFindings(`%global _datadir /opt/share
Name: a
%changelog
- data in %{_datadir}
#         ^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

testDocExamples(RULE);

test(`${RULE}: what reads as meant on Fedora (libmatroska, trace-cmd, libXcursor, python-pytest-lazy-fixtures); what does not (fakechroot)`, () => {
  assertFindings(`Name: libXcursor
Version: 1.2.3
Release: 1
Summary: Test
License: MIT
%changelog
* Tue Jun 03 2025 Ian Wienand <iwienand@redhat.com> - 1.1.4-%autorelease
- the newest entry's EVR is true for the build it describes

* Thu Jul 18 2024 Ian Wienand <iwienand@redhat.com> - 1.1.0-%autorelease
#                                                           ^^^^^^^^^^^^ ${RULE}
- an older one shows the new release

* Mon Feb 26 2018 Benjamin Tissoires <benjamin.tissoires@redhat.com> 1.1.15-1%{?gitdate:.git}%{?dist}
- fix unowned %{_libdir}/cmake/ebml directory
- Move %{_libdir}/trace-cmd/python/ to trace-cmd-python3
- Use if "%{_libdir}" == "/usr/lib64" instead %if 0%{__isa_bits} == 64
#         ^^^^^^^^^^ ${RULE}
#                                                  ^^^^^^^^^^^^^ ${RULE}
- %{?gitdate:.git} in the text is lost text
# ^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], distro: 'fedora' });
  // A macro the spec defines, even commented in another arm, is not "defined nowhere".
  assertFindings(`%global gitdate 20130524
Name: a
%changelog
* Mon Feb 26 2018 B <b@example.org> 1.1.15-1%{?gitdate:.git}
* Mon Feb 26 2017 B <b@example.org> 1.1.14-1%{?gitdate:.git}
#                                           ^^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], distro: 'fedora' });
});
