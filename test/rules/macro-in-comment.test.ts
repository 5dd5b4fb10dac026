import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'macro-in-comment';
const POSITIVE = `${SPEC_HEAD}# uses %(date)
#      ^^^^^^^ macro-in-comment
%build
#%configure
#^^^^^^^^^^ macro-in-comment
make # %{configure}
#      ^^^^^^^^^^^^ macro-in-comment
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}# %%{name} and %build
%dnl %{name}
URL: https://example.org/#%{name}
%global x a # %{y}
%build
echo "# %{name}"
`, { rules: [RULE] });
});

test(`${RULE}: one-line expansions and undefined macros stay silent (rpm 4.18: '# %{_libdir}' becomes '# /usr/lib64')`, () => {
  assertFindings(`${SPEC_HEAD}%global multi a\\
b
# %{name} %{_libdir} %{version} %{not_defined_anywhere}
%build
make # %{?_smp_mflags} %{_bindir} %{make_build}
# %{multi}
# ^^^^^^^^ macro-in-comment
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
# %configure
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
# %%configure
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);

test(`${RULE}: the message says why: %(…) runs a command, a build macro spans lines`, () => {
  const messages = lintText(`${SPEC_HEAD}# %(date)\n%build\n#%configure\n`).filter((f) => f.rule === RULE).map((f) => f.message);
  assert.deepEqual(messages, [
    "'%(date)' in a comment is still expanded by rpm (it runs the command while the spec is parsed): write '%%(date)' (or use %dnl) to keep it as text",
    "'%configure' in a comment is still expanded by rpm (a multi-line expansion is commented out on its first line only): write '%%configure' (or use %dnl) to keep it as text",
  ]);
});
