import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'macro-in-comment';
const POSITIVE = `${SPEC_HEAD}# uses %(date), which is comment-runs-code's
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

test(`${RULE}: the message says why; %(…) and Lua are comment-runs-code's, off by default`, () => {
  const findings = lintText(`${SPEC_HEAD}# %(date)\n# %{lua: print(1)}\n%build\n#%configure\n`).filter((f) => f.rule === RULE || f.rule === 'comment-runs-code');
  assert.deepEqual(findings.map((f) => `${f.rule}: ${f.message}`), [
    "macro-in-comment: '%configure' in a comment is still expanded by rpm, and the # comments out only the first line of its expansion: write '%%configure' (or use %dnl) to keep it as text",
  ]);
});

test(`${RULE}: catalog macros not known to span lines stay silent (%{optflags}, %{build_ldflags}, %cmake_build)`, () => {
  // Before: a build macro without a recorded body counted as multi-line (mpi4py, hdf5, glmark2…).
  assertFindings(`${SPEC_HEAD}%build
# CFLAGS="%{optflags}" LDFLAGS="%{build_ldflags}"
# %cmake_build
# %find_lang %{name}
# %cmake
# ^^^^^^ macro-in-comment
# %py3_build
# ^^^^^^^^^^ macro-in-comment
`, { rules: [RULE] });
});

test(`${RULE}: %setup and %patch are macros only in %prep on rpm ≥ 4.19; %patch3 never is`, () => {
  // rpm 4.19+ defines %setup and %patch while it reads %prep (parsePrep pushes them): '# %patch -P 1'
  // there still applies the patch. rpm 4.18 (rpmspec -P, checked) leaves all of them as text, and
  // '#%patch3' names no macro on any version (teg.spec).
  const text = `${SPEC_HEAD}Source0: a.tar.gz
Patch1: a.patch
Patch3: b.patch
%prep
#%setup -q
#^^^^^^ macro-in-comment
# %patch -P 1
# ^^^^^^ macro-in-comment
#%patch3 -p1
#%autopatch -p1
#^^^^^^^^^^ macro-in-comment
%build
# %setup is done in %prep
`;
  assertFindings(text, { rules: [RULE], distro: 'fedora' });
  assert.deepEqual(lintText(text, { rules: [RULE], distro: 'mageia' }).map((f) => doc(text, f)), ['%autopatch']);
});

function doc(text: string, f: { range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string {
  return text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character);
}
