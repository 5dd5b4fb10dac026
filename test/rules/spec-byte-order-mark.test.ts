import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'spec-byte-order-mark';

test(`${RULE}: a BOM at the start is an error on the first character, whatever the first line`, () => {
  for (const first of ['Name: demo\n', '# comment\n', '%global x 1\n', '\n', '%if 1\n%endif\n']) {
    const findings = lintText('\ufeff' + first + SPEC_HEAD, { rules: [RULE] });
    assert.equal(findings.length, 1, JSON.stringify(first));
    assert.equal(findings[0].severity, 'error');
    assert.deepEqual(findings[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } });
    assert.match(findings[0].message, /byte-order mark: rpm reads it as part of line 1 and stops with "Unknown tag"/);
  }
});

test(`${RULE}: near misses stay silent (no BOM; a U+FEFF later in the file)`, () => {
  assert.deepEqual(lintText(SPEC_HEAD, { rules: [RULE] }), []);
  assert.deepEqual(lintText(SPEC_HEAD + '# zero\ufeffwidth\n', { rules: [RULE] }), []);
  assert.deepEqual(lintText('\n\ufeff' + SPEC_HEAD, { rules: [RULE] }), []);
});

test(`${RULE}: the fix removes the BOM and nothing else, also with CRLF`, () => {
  for (const eol of ['\n', '\r\n']) {
    const before = '\ufeff' + SPEC_HEAD.replace(/\n/g, eol);
    const findings = lintText(before, { rules: [RULE] });
    const after = applyFixes(before, findings);
    assert.equal(after, before.slice(1));
    assert.deepEqual(lintText(after, { rules: [RULE] }), []);
  }
});

testDocExamples(RULE);
