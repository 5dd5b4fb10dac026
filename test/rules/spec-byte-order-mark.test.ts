import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { lintText } from '../helpers/fixtures';
import { ruleTester } from '../helpers/ruleTester';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'spec-byte-order-mark';

ruleTester(RULE, {
  valid: [
    { name: 'no BOM', code: SPEC_HEAD },
    { name: 'a U+FEFF later in the file', code: SPEC_HEAD + '# zero\ufeffwidth\n' },
    { name: 'a U+FEFF at the start of line 2', code: '\n\ufeff' + SPEC_HEAD },
  ],
  // A BOM at the start is an error on the first character, whatever the first line; the fix
  // removes the BOM and nothing else.
  invalid: ['Name: demo\n', '# comment\n', '%global x 1\n', '\n', '%if 1\n%endif\n'].map((first) => ({
    name: `before ${JSON.stringify(first)}`,
    code: '\ufeff' + first + SPEC_HEAD,
    errors: [{ messageId: 'byteOrderMark', message: /byte-order mark: rpm reads it as part of line 1 and stops with "Unknown tag"/, line: 0, character: 0, endLine: 0, endCharacter: 1 }],
    output: first + SPEC_HEAD,
  })),
});

test(`${RULE}: an error`, () => {
  assert.deepEqual(lintText('\ufeff' + SPEC_HEAD, { rules: [RULE] }).map((f) => f.severity), ['error']);
});

testDocExamples(RULE);
