import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'summary-not-capitalized';
const opts = { rules: [rule] };

test('common lower-case words', () => {
  assertFindings(`Name: foo
Summary: a library
#        ^ ${rule}
%package devel
Summary: development files for foo
#        ^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: program names, package names, capitals, macros, translations', () => {
  assertFindings('Name: tools\nSummary: tools for x\n%package -n gsettings\nSummary: gsettings schema compiler\n%package b\nSummary: A library\n%package c\nSummary: %{name} library\n%package d\nSummary(de): ein Werkzeug\n%package e\nSummary: libfoo runtime\n', opts);
});

test('fix capitalizes; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\nSummary: the café tool\n', rule), 'Name: é\nSummary: The café tool\n');
  assertFindings('Name: é\nSummary: the café tool\n#        ^^^ summary-not-capitalized\n', { ...opts, crlf: true });
});

testDocExamples(rule);
