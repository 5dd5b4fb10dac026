import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'deprecated-grep';
const POSITIVE = `${SPEC_HEAD}
%build
ls | egrep x; /usr/bin/fgrep y z
#    ^^^^^ deprecated-grep
#                      ^^^^^ deprecated-grep
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}
%install
rm -f %{buildroot}%{_bindir}/egrep
sed -i 's/egrep/grep -E/' x
# egrep in a comment
# vkd3d.spec: find's regex dialect is not a command
find %{buildroot} -regextype egrep -regex '.*\\.a$|.*\\.la$' ! -iname '*.dll.a' -delete
%files
%{_bindir}/egrep
`, { rules: [RULE] });
});

test(`${RULE}: Lua and other interpreters are not shell, here-document bodies are data`, () => {
  assertFindings(`${SPEC_HEAD}
%post -p <lua>
print(1) -- callers used egrep before
%postun -p /usr/bin/perl
print "egrep";
%install
cat > x.txt <<'EOF'
Use egrep at your own risk
EOF
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = `Name: a
%build
egrep x y
`;
  const findings = lintText(before, { rules: [RULE] });
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), `Name: a
%build
grep -E x y
`);
  assert.deepEqual(lintText(applyFixes(before, findings), { rules: [RULE] }), []);
});

testDocExamples(RULE);
