import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'obsolete-buildroot-tag';
const opts = { rules: [rule] };

test('BuildRoot tags, also in conditionals', () => {
  assertFindings(`Name: foo
BuildRoot: %{_tmppath}/%{name}-%{version}-root
# <- ${rule}
%ifarch %{ix86}
  buildroot:  /var/tmp/x
# ^^^^^^^^^^^^^^^^^^^^^^ ${rule}
%endif
`, opts);
});

test('near misses: %{buildroot} uses and BuildRequires', () => {
  assertFindings('Name: foo\nBuildRequires: gcc\n%install\nmkdir %{buildroot}\n# BuildRoot: x\n', opts);
});

test('fix deletes the line (LF, CRLF, last line, non-ASCII)', () => {
  assert.equal(fixed('Name: foo\nBuildRoot: /tmp/x\nSummary: é\n', rule), 'Name: foo\nSummary: é\n');
  assert.equal(fixed('Name: foo\r\nBuildRoot: /tmp/x\r\nSummary: é\r\n', rule), 'Name: foo\r\nSummary: é\r\n');
  assert.equal(fixed('Name: foo\nBuildRoot: /tmp/x', rule), 'Name: foo');
  assertFindings('Summary: ünïcode\nBuildRoot: /tmp/x\n# <- obsolete-buildroot-tag\n', { ...opts, crlf: true });
});

testDocExamples(rule);
