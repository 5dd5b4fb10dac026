import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'summary-ends-with-dot';
const opts = { rules: [rule] };

test('trailing dots, subpackages and translations', () => {
  assertFindings(`Name: foo
Summary: A tool.
#              ^ ${rule}
Summary(de): Ein Werkzeug.  
#                        ^ ${rule}
%package devel
Summary: Files for %{name}.
#                         ^ ${rule}
`, opts);
});

test('near misses: no dot, ellipsis, abbreviations, dots inside', () => {
  assertFindings('Name: foo\nSummary: Tools, libraries, etc.\n%package a\nSummary: Wait...\n%package b\nSummary: Foo Inc.\n%package c\nSummary: Version 1.0 of v.2 tools\n', opts);
});

test('fix removes the dot; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\nSummary: Café tools.\n', rule), 'Name: é\nSummary: Café tools\n');
  assert.equal(fixed('Name: é\r\nSummary: Café tools.\r\n', rule), 'Name: é\r\nSummary: Café tools\r\n');
  assertFindings('Name: é\nSummary: Café tools.\n#                  ^ summary-ends-with-dot\n', { ...opts, crlf: true });
});

testDocExamples(rule);
