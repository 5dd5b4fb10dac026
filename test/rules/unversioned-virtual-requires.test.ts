import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'unversioned-virtual-requires';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: namespaced and well-known virtual capabilities`, () => {
  assertFindings(HEAD + `BuildRequires: pkgconfig(glib-2.0) perl(Foo::Bar)
#              ^^^^^^^^^^^^^^^^^^^ ${RULE}
#                                  ^^^^^^^^^^^^^^ ${RULE}
BuildRequires: c++_compiler, python3dist(setuptools) >= 40
#              ^^^^^^^^^^^^ ${RULE}
Requires(post): webserver
#               ^^^^^^^^^ ${RULE}
Requires: cmake(Qt6Core)
#         ^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `BuildRequires: pkgconfig(glib-2.0) >= 2.68
BuildRequires: gcc make
Requires: font(dejavusans) tex(latex) mimehandler(text/plain) user(foo) group(foo)
Requires: perl(:MODULE_COMPAT_%(eval "$(perl -V:version)"; echo $version))
Requires: libfoo.so.1()(64bit) foo%{?_isa}
Requires: (pkgconfig(a) or pkgconfig(b))
Provides: pkgconfig(foo)
Conflicts: perl(Bad)
`, { rules: [RULE] });
  // provided by a sibling: the same-spec rule reports it instead
  assertFindings(HEAD + `Requires: pkgconfig(foo-plugin)
%package plugin
Summary: p
Provides: pkgconfig(foo-plugin) = %{version}
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# Grüße ✓\n' + HEAD + `BuildRequires:\tpkgconfig(gtk4)
#              ^^^^^^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true });
});

test(`${RULE}: default severity is hint and there is no fix`, () => {
  const f = lintText(HEAD + 'BuildRequires: pkgconfig(x)\n', { rules: [RULE] });
  assert.equal(f[0].severity, 'hint');
  assert.deepEqual(f[0].fixes, []);
});

testDocExamples(RULE);
