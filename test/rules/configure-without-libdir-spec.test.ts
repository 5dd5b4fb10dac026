import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'configure-without-libdir-spec';
// Off by default (a hand-written configure script cannot be told from autoconf): the tests turn it on.
const ON = { rules: [RULE], severities: { [RULE]: 'information' as const } };
const POSITIVE = `${SPEC_HEAD}
%build
./configure --prefix=/usr \\
# <- configure-without-libdir-spec
  --enable-x
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, ON);
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}
%build
./configure --prefix=/usr \\
  --libdir=%{_libdir}
%configure
# ./configure
`, ON);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { ...ON, crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
%build
./configure
`;
  const findings = lintText(before, ON);
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
%build
./configure --libdir=%{_libdir}
`);
  assert.deepEqual(lintText(applyFixes(before, findings), ON), []);
});

test(`${RULE}: not a command, or not an autoconf script (single-dash options) stays silent`, () => {
  assertFindings(`${SPEC_HEAD}%build
[ ! -x ./configure ] && sh bootstrap
echo -e 'exec ../configure "$@"' > configure
./configure -library -prefix %{_prefix}
./configure lazarus=%{_libdir}/lazarus prefix=%{_prefix}
./configure %{gap_archdir}
CFLAGS="%{optflags}" ./configure --prefix=%{_prefix}
#                    ^^^^^^^^^^^ configure-without-libdir-spec
if ! ./configure --enable-x; then exit 1; fi
#    ^^^^^^^^^^^ configure-without-libdir-spec
`, ON);
});

testDocExamples(RULE, { severities: ON.severities });

test(`${RULE}: aspell dictionaries' own configure script stays silent`, () => {
  assertFindings(`${SPEC_HEAD}BuildRequires: aspell >= 12:0.60
%build
./configure
`, ON);
});

test(`${RULE}: off by default (kissat's and jblas's configure scripts are not autoconf)`, () => {
  assert.deepEqual(lintText(`${SPEC_HEAD}%build\n./configure --prefix=%{_prefix}\n`, { rules: [RULE] }), []);
});
