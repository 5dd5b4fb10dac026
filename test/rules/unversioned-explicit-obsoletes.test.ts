import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'unversioned-explicit-obsoletes';
const POSITIVE = `${SPEC_HEAD}Obsoletes: test-old, test-legacy
#          ^^^^^^^^ unversioned-explicit-obsoletes
#                    ^^^^^^^^^^^ unversioned-explicit-obsoletes
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Obsoletes: test-old < 1.0
Obsoletes: %{obsoleted}
Obsoletes: /usr/bin/x
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);

test(`${RULE}: =< and => are operators for rpm (fcitx.spec: Obsoletes: %{name}-keyboard =< 4.2.3)`, () => {
  // Before: '%{name}-keyboard', '=<' and '4.2.3' were each reported as an unversioned obsolete.
  assertFindings(`${SPEC_HEAD}Obsoletes: %{name}-keyboard =< 4.2.3
Obsoletes: kde-i18n-Gaeilge =< 3.5.10-45, old-thing => 1
`, { rules: [RULE] });
});
