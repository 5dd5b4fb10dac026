import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'unversioned-provides-strict';
const ON = { rules: [RULE], severities: { [RULE]: 'warning' as const } };

test(`${RULE}: off by default`, () => {
  assert.deepEqual(lintText(`${SPEC_HEAD}Provides: test-compat\n`).filter((f) => f.rule === RULE), []);
});

test(`${RULE}: when on, reports every unversioned provide that unversioned-explicit-provides leaves alone`, () => {
  assertFindings(`${SPEC_HEAD}Provides: test-compat, /usr/bin/test
#         ^^^^^^^^^^^ unversioned-provides-strict
Provides: oldname bundled(zlib)
#                 ^^^^^^^^^^^^^ unversioned-provides-strict
Obsoletes: oldname < 2
`, ON);
});

test(`${RULE}: never-versioned capabilities, files, macros and versioned provides stay silent`, () => {
  assertFindings(`${SPEC_HEAD}Provides: foo = 1.0, /usr/bin/x, %{extra_provides}, bar >=2
Provides: kmod(foo.ko) deprecated() font(:lang=en) system-release(43) dnf-command(x) dnf5-command(x) zypper(x)
Provides: user(foo) group(foo) firstboot(x) installonlypkg(kernel) webclient webserver MTA ftpserver
Provides: oldpkg:/usr/lib/libx.so.1
`, ON);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(`# héllo wörld ✓\n${SPEC_HEAD}Provides: ünï
#         ^^^ unversioned-provides-strict
`, { ...ON, crlf: true });
});

test(`${RULE}: fix`, () => {
  const before = 'Provides: x\n';
  const findings = lintText(before, ON);
  assert.equal(findings.length, 1);
  assert.equal(applyFixes(before, findings), 'Provides: x = %{version}-%{release}\n');
  assert.deepEqual(lintText(applyFixes(before, findings), ON), []);
});

testDocExamples(RULE, { severities: ON.severities });
