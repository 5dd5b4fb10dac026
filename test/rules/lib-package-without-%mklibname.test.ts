import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'lib-package-without-%mklibname';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
%package -n libtest1
# <- lib-package-without-%mklibname
Summary: x
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE], distro: 'mageia' });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
%package devel
Summary: x
`, { rules: [RULE], distro: 'mageia' });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true, distro: 'mageia' });
});

test(`${RULE}: silent outside the mageia profile`, () => {
  assert.deepEqual(lintText(`Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
%package -n libtest1
Summary: x
`, { rules: [RULE], distro: 'fedora' }), []);
});

testDocExamples(RULE, { distro: 'mageia' });
