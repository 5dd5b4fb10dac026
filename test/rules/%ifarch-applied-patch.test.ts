import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = '%ifarch-applied-patch';
const ON = { rules: [RULE], severities: { [RULE]: 'warning' as const } };
const POSITIVE = `${SPEC_HEAD}Patch0: a.patch
Patch1: b.patch
%prep
%ifarch x86_64
%if 1
%patch -P 0 -p1
# <- %ifarch-applied-patch
%endif
%endif
%patch -P 1
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, ON);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Patch0: a.patch
%prep
%if 0%{?fedora}
%patch -P 0
%endif
`, ON);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { ...ON, crlf: true });
});

test(`${RULE}: off by default`, () => {
  assert.deepEqual(lintText(POSITIVE).filter((f) => f.rule === RULE), []);
});

testDocExamples(RULE, { severities: ON.severities });
