import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'lib-package-without-%mklibname';
const POSITIVE = `${SPEC_HEAD}%package -n libtest1
# <- lib-package-without-%mklibname
Summary: x
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE], distro: 'mageia' });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%package devel
Summary: x
`, { rules: [RULE], distro: 'mageia' });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true, distro: 'mageia' });
});

test(`${RULE}: silent outside the mageia profile`, () => {
  assert.deepEqual(lintText(`${SPEC_HEAD}%package -n libtest1
Summary: x
`, { rules: [RULE], distro: 'fedora' }), []);
});

testDocExamples(RULE, { distro: 'mageia' });
