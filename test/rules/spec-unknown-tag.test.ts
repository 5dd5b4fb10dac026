import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixes, assertFindings, parseMarkers } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { sourceEntries } from '../../server/src/service/specfile/sources';

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
  test('`Patch 11:` is a patch tag for rpm (an unnumbered one), not an unknown line', () => {
    // amanda.spec:49. rpm 4.18 (rpmspec, rpm-view) reads `Patch 11:` as `Patch:`: the next number
    // after the previous patch (11 after Patch10 there; 4 after Patch3), never an error.
    assertFindings(`Name: x
Patch3: a.patch
Patch 11: b.patch
Source 2 : c.tar.gz
`, { rules });
    const doc = parseSpec(`Name: x
Patch3: a.patch
Patch 11: b.patch
`);
    const tag = doc.tags.find((t) => t.value === 'b.patch');
    assert.equal(tag?.key, 'patch');
    assert.equal(tag?.number, undefined);
    assert.deepEqual(sourceEntries(doc).filter((e) => e.kind === 'patch').map((e) => e.number), [3, 4]);
  });
  testDocExamples('spec-unknown-tag');
});
