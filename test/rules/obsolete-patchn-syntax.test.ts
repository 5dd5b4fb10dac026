import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'obsolete-patchn-syntax';
const opts = { rules: [rule] };

test('%patchN forms are reported', () => {
  assertFindings(`Name: foo
Patch0: a.patch
Patch12: b.patch
%prep
%setup -q
%patch0 -p1
# <- ${rule}
  %patch12 -p1 -b .orig
# ^^^^^^^^ ${rule}
%{patch0}
# <- ${rule}
`, opts);
});

test('near misses: %patch -P N, %patch N, comments, %{PATCH0}, %autopatch', () => {
  assertFindings(`Name: foo
Patch0: a.patch
%prep
%setup -q
%patch -P 0 -p1
%patch 0 -p1
# %patch0 -p1
patch -p1 < %{PATCH0}
%autopatch -p1
`, opts);
});

test('fix keeps the options; CRLF and non-ASCII positions', () => {
  const src = 'Name: foo\nSummary: Café\nPatch3: a.patch\n%prep\n%patch3 -p1 -b .x\n%patch3\n';
  assert.equal(fixed(src, rule), 'Name: foo\nSummary: Café\nPatch3: a.patch\n%prep\n%patch -P 3 -p1 -b .x\n%patch -P 3\n');
  assertFindings('Name: föö\nPatch3: a.patch\n%prep\n%patch3 -p1\n# <- obsolete-patchn-syntax\n', { ...opts, crlf: true });
  assert.equal(fixed('Name: a\r\nPatch3: a\r\n%prep\r\n%patch3 -p1\r\n', rule), 'Name: a\r\nPatch3: a\r\n%prep\r\n%patch -P 3 -p1\r\n');
});

test('no fix when a -P is already there', () => {
  const findings = assertFindings('Name: a\nPatch1: a\nPatch2: b\n%prep\n%patch1 -P 2\n# <- obsolete-patchn-syntax\n', opts);
  assert.equal(findings[0].fixes.length, 0);
});

testDocExamples(rule);

test('severity follows the profile: error on fedora (rpm ≥ 4.20 refuses %patchN), warning elsewhere', () => {
  const text = `Name: foo
Patch0: a.patch
%prep
%setup -q
%patch0 -p1
`;
  assert.deepEqual(lintText(text, { ...opts, distro: 'fedora' }).map((f) => f.severity), ['error']);
  assert.deepEqual(lintText(text, { ...opts, distro: 'rhel' }).map((f) => f.severity), ['warning']);
  assert.deepEqual(lintText(text, { ...opts, distro: 'fedora', severities: { [rule]: 'information' } }).map((f) => f.severity), ['information']);
});
