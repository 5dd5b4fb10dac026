import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'unversioned-explicit-provides';
const POSITIVE = `${SPEC_HEAD}Provides: test-compat, /usr/bin/test
#         ^^^^^^^^^^^ unversioned-explicit-provides
Provides: oldname bundled(zlib)
#         ^^^^^^^ unversioned-explicit-provides
#                 ^^^^^^^^^^^^^ unversioned-explicit-provides
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Provides: foo = 1.0, /usr/bin/x
Provides: %{extra_provides}
Provides: bar >=2
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Provides: x
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Provides: x = %{version}-%{release}
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

test(`${RULE}: capabilities that never carry a version stay silent (kmod(), deprecated(), SUSE pkg:/path)`, () => {
  assertFindings(`${SPEC_HEAD}Provides: kmod(foo.ko)
Provides: deprecated()
Provides: %{name}:/usr/bin/foo
Provides: oldpkg:/usr/lib/libx.so.1
Provides: foo-kmod
#         ^^^^^^^^ unversioned-explicit-provides
`, { rules: [RULE] });
});

testDocExamples(RULE);
