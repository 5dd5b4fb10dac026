import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'unversioned-same-spec-requires';
const HEAD = `Name: foo
Version: 1.0
Release: 1
Summary: Foo
License: MIT
`;
const SIBLING = `
%package plugins
Summary: Plugins
Provides: foo-plugin-api = %{version}-%{release}
Provides: pkgconfig(foo-plugins) = %{version}
`;

test(`${RULE}: positives`, () => {
  assertFindings(HEAD + `Requires: foo-plugin-api pkgconfig(foo-plugins)
#         ^^^^^^^^^^^^^^ ${RULE}
#                        ^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
` + SIBLING, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(HEAD + `Requires: foo-plugin-api >= 1.0
BuildRequires: foo-plugin-api
Requires: foo-other
` + SIBLING + `Requires: foo-plugin-api
Provides: foo-other
%package -n libfoo
Summary: lib
Provides: libfoo = %{version}-%{release}
%package devel
Summary: devel
Requires: libfoo
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# Grüße ✓\n' + HEAD + `Requires:\tfoo-plugin-api
#        \t^^^^^^^^^^^^^^ ${RULE}
` + SIBLING, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix requires the provided version`, () => {
  const before = HEAD + 'Requires: foo-plugin-api\n' + SIBLING;
  const after = applyFixes(before, lintText(before, { rules: [RULE] }));
  assert.equal(after, HEAD + 'Requires: foo-plugin-api = %{version}-%{release}\n' + SIBLING);
  assert.deepEqual(lintText(after, { rules: [RULE] }), []);
});

testDocExamples(RULE);
