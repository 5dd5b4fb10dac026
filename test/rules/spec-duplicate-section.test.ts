import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'spec-duplicate-section';
const POSITIVE = `${SPEC_HEAD}%description
d
%build
make
%install
make install
%build
# <- spec-duplicate-section
make docs
%preun
true
%preun
# <- spec-duplicate-section
false
`;

test(`${RULE}: a second %build or %preun (rpm 4.18: "second %build", "Second %preun")`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
  const [f] = lintText(POSITIVE, { rules: [RULE] });
  assert.match(f.message, /^A second %build for the same package \(the first is on line 8\): rpmbuild refuses the spec/);
});

test(`${RULE}: near-misses stay silent (other arms, other packages, %files, triggers)`, () => {
  assertFindings(`${SPEC_HEAD}%description
d
%package devel
Summary: d
%description devel
d
%if 0%{?fedora}
%build
make
%else
%build
make all
%endif
%post
a
%post devel
b
%files
%files
%triggerin -- foo
a
%triggerin -- foo
b
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fixes remove an empty duplicate, merge an adjacent one, move a distant one`, () => {
  const empty = `${SPEC_HEAD}%build
make
%build

%install
`;
  assert.equal(applyFixes(empty, lintText(empty, { rules: [RULE] })), `${SPEC_HEAD}%build
make
%install
`);
  const adjacent = `${SPEC_HEAD}%build
make
%build
make docs
%install
`;
  assert.equal(applyFixes(adjacent, lintText(adjacent, { rules: [RULE] })), `${SPEC_HEAD}%build
make
make docs
%install
`);
  const distant = `${SPEC_HEAD}%build
make
%install
make install
%build
make docs
%files
`;
  const fixed = applyFixes(distant, lintText(distant, { rules: [RULE] }));
  assert.equal(fixed, `${SPEC_HEAD}%build
make
make docs
%install
make install
%files
`);
  assert.deepEqual(lintText(fixed, { rules: [RULE] }), []);
});

test(`${RULE}: rpm 4.20's %build -a / %check -p and a first copy in an arm dead on the profile stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%description
d
%package -n tool
Summary: t
%description -n tool
t
%build -p
export STRIP=true
%build
make
%build -a
make docs
%if 0%{?suse_version}
%preun -n tool
%stop_on_removal tool
%endif
%if 0%{?fedora}
%preun -n tool
%systemd_preun tool.service
%endif
`, { rules: [RULE], distro: 'fedora' });
});

testDocExamples(RULE);
