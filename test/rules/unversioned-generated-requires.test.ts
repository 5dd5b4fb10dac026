import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'unversioned-generated-requires';
const ON = { rules: [RULE], severities: { [RULE]: 'hint' as const } };
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;

test(`${RULE}: off by default`, () => {
  assert.deepEqual(lintText(HEAD + 'BuildRequires: pkgconfig(glib-2.0)\n', { rules: [RULE] }), []);
});

test(`${RULE}: generator-filled capabilities without a version, when turned on`, () => {
  assertFindings(HEAD + `BuildRequires: pkgconfig(glib-2.0) perl(Foo::Bar)
#              ^^^^^^^^^^^^^^^^^^^ ${RULE}
#                                  ^^^^^^^^^^^^^^ ${RULE}
BuildRequires: c++_compiler, python3dist(setuptools) >= 40
Requires: cmake(Qt6Core)
#         ^^^^^^^^^^^^^^ ${RULE}
`, ON);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `BuildRequires: pkgconfig(glib-2.0) >= 2.68
BuildRequires: gcc make webclient
Requires: font(dejavusans) tex(latex) mimehandler(text/plain) user(foo) group(foo)
Requires: perl(:MODULE_COMPAT_%(eval "$(perl -V:version)"; echo $version))
Requires: libfoo.so.1()(64bit) foo%{?_isa}
Requires: (pkgconfig(a) or pkgconfig(b))
Provides: pkgconfig(foo)
Conflicts: perl(Bad)
`, ON);
  assertFindings(HEAD + `Requires: pkgconfig(foo-plugin)
%package plugin
Summary: p
Provides: pkgconfig(foo-plugin) = %{version}
`, ON);
});

test(`${RULE}: CRLF, non-ASCII, and the unsafe " >= " fix`, () => {
  assertFindings('# Grüße ✓\n' + HEAD + `BuildRequires:\tpkgconfig(gtk4)
#              ^^^^^^^^^^^^^^^ ${RULE}
`, { ...ON, crlf: true });
  const text = HEAD + 'BuildRequires: pkgconfig(x)\n';
  const f = lintText(text, ON);
  assert.equal(f[0].fixes[0].safety, 'unsafe');
  assert.equal(applyFixes(text, f), HEAD + 'BuildRequires: pkgconfig(x) >= \n');
});

// Off by default: the doc examples are checked with the rule turned on.
testDocExamples(RULE, { severities: ON.severities });
