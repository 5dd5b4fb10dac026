import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'python-setup-test';
// Off by default (a project's own setup.py may define `test`): the tests turn it on.
const ON = { rules: [RULE], severities: { [RULE]: 'warning' as const } };
const POSITIVE = `${SPEC_HEAD}%check
python3 setup.py test
#       ^^^^^^^^^^^^^ python-setup-test
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, ON);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%check
# setup.py test
%build
python3 setup.py build
`, ON);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { ...ON, crlf: true });
});

test(`${RULE}: off by default (calibre's and kitty's setup.py are their own command dispatchers)`, () => {
  assert.deepEqual(lintText(POSITIVE.replace(/^#.*\n/m, ''), { rules: [RULE] }), []);
});

testDocExamples(RULE, { severities: ON.severities });
