import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'patch-not-applied';
const POSITIVE = `${SPEC_HEAD}Patch0: a.patch
# <- patch-not-applied
Patch1: b.patch
Patch2: c.patch
Patch3: d.patch
# <- patch-not-applied
%prep
%patch -P1 -p1
%patch 2 -p1
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Patch0: a.patch
Patch1: b.patch
Patch2: c.patch
%prep
%patch0 -p1
git apply %{PATCH1}
patch -p1 < %{_sourcedir}/c.patch
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

testDocExamples(RULE);

test(`${RULE}: a BuildSystem: spec without its own %prep applies every patch (default %prep is %autosetup -p1)`, () => {
  // xxhashct.spec (BuildSystem: cmake, no %prep), erlang-folsom.spec (BuildSystem: rebar3, `%prep -a`).
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
BuildSystem: cmake
%files
`, { rules: [RULE] });
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
BuildSystem: rebar3
%prep -a
rm -f rebar.lock
%files
`, { rules: [RULE] });
  // A %prep of its own replaces the default one: the patch must be applied there.
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
# <- patch-not-applied
BuildSystem: cmake
%prep
%setup -q
%files
`, { rules: [RULE] });
});

test(`${RULE}: %forgeautosetup applies every patch unless -N`, () => {
  // coccinelle.spec: `%forgeautosetup -p 1`.
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
%prep
%forgeautosetup -p 1
`, { rules: [RULE] });
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
# <- patch-not-applied
%prep
%forgeautosetup -N
`, { rules: [RULE] });
});

test(`${RULE}: %goprep -p1 applies the patches (go2rpm specs)`, () => {
  // golang-github-gobwas-httphead.spec, prometheus.spec.
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
%prep
%goprep -p1
`, { rules: [RULE] });
  assertFindings(`${SPEC_HEAD}Patch: fix.patch
# <- patch-not-applied
%prep
%goprep
`, { rules: [RULE] });
});

test(`${RULE}: a patch whose application is commented out was disabled on purpose (ghc9.12.spec: #%%patch -P27)`, () => {
  assertFindings(`${SPEC_HEAD}Patch26: a.patch
Patch27: b.patch
Patch28: c.patch
Patch29: d.patch
Patch30: e.patch
# <- patch-not-applied
Patch31: f.patch
Patch32: g.patch
%prep
%patch -P26 -p1
#%patch -P27 -p1
# %patch28 -p1
#%%patch -P 29
#patch31 -p1 -b .cups
#%%__cat %PATCH32 | %%__git am
# apply patch 30 later
%changelog
`, { rules: [RULE] });
});

test(`${RULE}: a comment above the tag that says the patch is kept unapplied (perl-IPC-Run3.spec); a # inside a file name (texlive-collection-mathscience.spec)`, () => {
  assertFindings(`${SPEC_HEAD}# Patch against IPC-Run3-0.048 from
# https://github.com/rschupp/IPC-Run3/commit/8ebe48760cfdc78fbf4fc46413dde9470121b99e
# FIXME: For now, keep the patch, but do not apply it.
# Upstream considers the issue to be a known implementation limitation.
Patch0:         0001-test-and-fix-for-RT-52317-Calling-run3-garbles-STDIN.patch
# Apply it once upstream is fixed
Patch1:         other.patch
# <- ${RULE}
Patch2:         texlive-bz#1442706-python-path.patch
%prep
%setup -q
patch -p0 < %{_sourcedir}/texlive-bz#1442706-python-path.patch
`, { rules: [RULE] });
  const [f] = lintText(`${SPEC_HEAD}Patch3: https://example.org/pull/359.patch#/fix-it.patch\n%prep\n%setup -q\n`, { rules: [RULE] });
  assert.match(f.message, /^Patch3 \(fix-it\.patch\) is declared but never applied/);
});
