import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixes, assertFindings, parseMarkers } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-unknown-tag'];

describe('spec-unknown-tag', () => {
  test('misspelt tags and non-tag lines in the preamble', () => {
    assertFindings(`Name: x
Sumary: y
# <- spec-unknown-tag
Source1    http://example.org/x.tar.gz
# <- spec-unknown-tag
%package devel
Requries: x
# <- spec-unknown-tag
`, { rules });
  });
  test('known tags in any case, qualifiers, numbered sources, placeholders and lines in sections stay silent', () => {
    assertFindings(`NAME: x
buildrequires: gcc
Requires(post): y
Source12: a
Patch0001: b
BuildOption(conf): --foo
@CPACK_EXTRA@
%if %{with trap}
{error: this build option is not supported}
%endif
%build
Foo: this is shell text
`, { rules });
  });
  test('the quick fix renames a near miss', () => {
    const { text } = parseMarkers('Name: x\nLicence: MIT\n');
    const findings = assertFindings('Name: x\nLicence: MIT\n# <- spec-unknown-tag\n', { rules });
    assert.equal(applyFixes(text, findings), 'Name: x\nLicense: MIT\n');
  });
  test('CRLF', () => {
    assertFindings('Name: x\nVerison: 1\n# <- spec-unknown-tag\n', { rules, crlf: true });
  });
  testDocExamples('spec-unknown-tag');
});
