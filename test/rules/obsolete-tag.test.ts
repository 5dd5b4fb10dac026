import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'obsolete-tag';
const POSITIVE = `Name: test
Version: 1.0
Release: 1
Summary: Test
Copyright: MIT
# <- obsolete-tag
Serial: 1
# <- obsolete-tag
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Epoch: 1
URL: https://example.org/copyright
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Serial: 2
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Epoch: 2
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);

test('obsolete-tag: no rename when the package already has the replacement tag', () => {
  const findings = lintText('Name: a\nLicense: MIT\nCopyright: GPL\nEpoch: 1\nSerial: 2\n', { rules: ['obsolete-tag'] });
  assert.equal(findings.length, 2);
  for (const f of findings) {
    assert.deepEqual(f.fixes, []);
    assert.match(f.message, /already has/);
  }
});
