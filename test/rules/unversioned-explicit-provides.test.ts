import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'unversioned-explicit-provides';
const POSITIVE = `${SPEC_HEAD}Provides: oldname, /usr/bin/test
#         ^^^^^^^ unversioned-explicit-provides
Obsoletes: oldname < 1.0-1
Requires: foo-db = %{version}-%{release}

%package db-one
Summary: One
Provides: foo-db
#         ^^^^^^ unversioned-explicit-provides
%description db-one
One.

%package db-two
Summary: Two
Provides: foo-db
#         ^^^^^^ unversioned-explicit-provides
Conflicts: bar < 2
%description db-two
Two.
Provides: bar
`;

test(`${RULE}: a renamed name and a name required with a version in the same spec`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: the messages say which line states the version and what rpm does`, () => {
  const findings = lintText(POSITIVE, { rules: [RULE] });
  assert.match(findings[0].message, /^'oldname' is obsoleted \(line \d+: Obsoletes: oldname < 1\.0-1\) and provided without a version: an unversioned provide matches every version, so the package falls within its own Obsoletes \(rpmlint: self-obsoletion\)/);
  assert.match(findings[0].message, /oldname = %\{version\}-%\{release\}$/);
  assert.match(findings[1].message, /^'foo-db' is provided without a version, but line \d+ requires it as 'foo-db = %\{version\}-%\{release\}': rpm matches an unversioned provide to every version, so that version is never checked/);
});

test(`${RULE}: a versioned Conflicts on the name counts; a rename in another package is not self-obsoletion`, () => {
  const text = `${SPEC_HEAD}Conflicts: bar < 2
Obsoletes: old < 0.9

%package sub
Summary: Sub
Provides: bar old
#         ^^^ unversioned-explicit-provides
#             ^^^ unversioned-explicit-provides
%description sub
Sub.
`;
  assertFindings(text, { rules: [RULE] });
  const [bar, old] = lintText(text, { rules: [RULE] });
  assert.match(bar.message, /conflicts with it as 'bar < 2'/);
  assert.doesNotMatch(old.message, /self-obsoletion/);
});

test(`${RULE}: unversioned provides nothing in the spec versions stay silent (unversioned-provides-strict's)`, () => {
  assertFindings(`${SPEC_HEAD}Provides: test-compat, bundled(zlib), perl(Foo::Bar)
Provides: foo = 1.0, /usr/bin/x
Provides: %{extra_provides}
Provides: bar >=2
Requires: test-compat
Obsoletes: other < 2
`, { rules: [RULE] });
});

test(`${RULE}: capabilities that never carry a version stay silent even when obsoleted`, () => {
  assertFindings(`${SPEC_HEAD}Provides: kmod(foo.ko), deprecated(), font(:lang=en), system-release(43), dnf-command(foo), webclient, ftpserver
Provides: %{name}:/usr/bin/foo
Obsoletes: kmod(foo.ko) < 2, webclient < 2, ftpserver < 1, font(:lang=en) < 1, dnf-command(foo) < 3
Requires: system-release(43) >= 1
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Provides: x
Obsoletes: x < 1
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Provides: x = %{version}-%{release}
Obsoletes: x < 1
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);

test(`${RULE}: not reported where '= %{version}-%{release}' may still fall within the Obsoletes range (texinfo, xfsprogs)`, () => {
  const text = `${SPEC_HEAD}Provides: texlive-texinfo xfs-cmds c
Obsoletes: texlive-texinfo <= 9:2019-15
Obsoletes: xfs-cmds <= %{version}
Obsoletes: c < 0.5
`;
  assert.deepEqual(lintText(text, { rules: [RULE] }).map((f) => [f.message.split("'")[1], f.fixes?.length ?? 0]), [['c', 1]]);
});

test(`${RULE}: an unversioned Obsoletes is the cause, reported by unversioned-explicit-obsoletes (hping3.spec)`, () => {
  assertFindings(`${SPEC_HEAD}Obsoletes: hping2
Provides: hping2
`, { rules: [RULE] });
});

test(`${RULE}: a capability a generator provides with its version (perl.spec's dual-life leftover)`, () => {
  assertFindings(`${SPEC_HEAD}Requires: perl(IO::Uncompress::Bunzip2) >= 2.015

%package IO-Compress
Summary: IO
Provides: perl(IO::Uncompress::Bunzip2)
%description IO-Compress
IO.
`, { rules: [RULE] });
});

test('unversioned-explicit-provides: not reported when the package\'s own version lies inside the Obsoletes range (fwupd: 2.1.7 against dbxtool < 9; pipewire)', () => {
  const text = `Name: fwupd
Version: 2.1.7
Release: 1%{?dist}
Summary: F
License: LGPL-2.1-or-later
Obsoletes: dbxtool < 9
Provides: dbxtool
Obsoletes: old-tool < 2
Provides: old-tool
`;
  const found = lintText(text, { rules: ['unversioned-explicit-provides'], distro: 'fedora' });
  assert.deepEqual(found.map((f) => [f.messageId, f.message.split("'")[1], f.fixes.length]), [['selfObsoleted', 'old-tool', 1]]);
  // fwupd's real Release is %autorelease: the version alone decides against `< 9`
  const auto = lintText(text.replace('Release: 1%{?dist}', 'Release: %autorelease'), { rules: ['unversioned-explicit-provides'], distro: 'fedora' });
  assert.deepEqual(auto.map((f) => f.message.split("'")[1]), ['old-tool']);
});
