import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'unversioned-virtual-requires';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: capabilities that several packages provide`, () => {
  const f = assertFindings(HEAD + `BuildRequires: c++_compiler, python3dist(setuptools) >= 40
#              ^^^^^^^^^^^^ ${RULE}
Requires(post): webserver
#               ^^^^^^^^^ ${RULE}
Requires: webclient smtpdaemon java-headless
#         ^^^^^^^^^ ${RULE}
#                   ^^^^^^^^^^ ${RULE}
#                              ^^^^^^^^^^^^^ ${RULE}
BuildRequires: java-devel >= 1:17
`, { rules: [RULE] });
  assert.equal(f[0].message, 'c++_compiler is a virtual capability that several packages provide (gcc-c++, gccN-c++ (gcc13-c++, gcc14-c++ …)), all without a version: any of them satisfies it, and a version here would not be checked either. If a minimum version matters, require the package that has it (<package> >= …)');
  assert.match(f[2].message, /^webclient is a virtual capability that several packages provide \(curl, dillo, elinks, firefox, …\), all without a version/);
  assert.equal(f[4].message, 'java-headless is a virtual capability that several packages provide (java-25-openjdk-headless, java-latest-openjdk-headless): without a version any of them in any version satisfies it, so a newer one can never be enforced. Add the minimum version the package needs (>= …)');
});

test(`${RULE}: generator-filled capabilities, versioned ones and look-alikes stay silent`, () => {
  assertFindings(HEAD + `BuildRequires: pkgconfig(glib-2.0) perl(Foo::Bar) cmake(Qt6Core) python3dist(foo) rubygem(rake) golang(x/y) crate(serde) mvn(a:b) npm(x)
BuildRequires: c++_compiler >= 11, gcc make
Requires: webclient >= 1, (webclient or curl), webclient-extra, libwebclient
Requires: font(dejavusans) tex(latex) libfoo.so.1()(64bit) /usr/bin/curl
Provides: webclient
Conflicts: webserver
`, { rules: [RULE] });
  // provided by a sibling with a version: the same-spec rule reports it instead
  assertFindings(HEAD + `Requires: webserver
%package httpd
Summary: p
Provides: webserver = %{version}
`, { rules: [RULE] });
});

test(`${RULE}: Java's capabilities, unversioned by Fedora's convention, only where the spec names a minimum Java elsewhere`, () => {
  // hdf.spec, vtk.spec, Java-WebSocket.spec: the guidelines' plain form
  assertFindings(HEAD + `BuildRequires:  java-devel
Requires:       java-headless
Requires:       jpackage-utils
`, { rules: [RULE] });
  // the build needs Java 21, the runtime requirement accepts any
  assertFindings(HEAD + `BuildRequires:  java-21-openjdk-devel >= 1:21
Requires:       java-headless
#               ^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: the fix inserts " >= " where providers carry a version (unsafe: the version is the packager's); none where a version would not be checked`, () => {
  const text = HEAD + 'BuildRequires: java-devel\nRequires: java-headless, curl\nRequires: webclient\nRequires: jre >= 1:17\n';
  const f = lintText(text, { rules: [RULE] });
  assert.equal(f.length, 3);
  assert.equal(f[0].severity, 'hint');
  assert.deepEqual(f.map((x) => x.fixes.map((fix) => [fix.title, fix.safety])), [
    [['Add a minimum version: java-devel >= …', 'unsafe']],
    [['Add a minimum version: java-headless >= …', 'unsafe']],
    [],
  ]);
  assert.equal(applyFixes(text, f), HEAD + 'BuildRequires: java-devel >= \nRequires: java-headless >= , curl\nRequires: webclient\nRequires: jre >= 1:17\n');
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# Grüße ✓\n' + HEAD + `BuildRequires:\tc_compiler
#              ^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);
