import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyFixes, assertFindings, parseMarkers } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-unknown-section'];

describe('spec-unknown-section', () => {
  test('near misses of section names', () => {
    assertFindings(`Name: x
%descripton
# <- spec-unknown-section
%instal
# <- spec-unknown-section
  %chengelog
# ^^^^^^^^^^ spec-unknown-section
`, { rules });
  });
  test('macro calls, file-defined macros and short words stay silent', () => {
    assertFindings(`%global builds 1
Name: x
%cmake
%py3_build
%setup -q
%builds
%files
%pre
%make_build
%configure
%find_lang %{name}
`, { rules });
  });
  test('fix', () => {
    const { text } = parseMarkers('Name: x\n%descriptoin\nText\n');
    const found = assertFindings('Name: x\n%descriptoin\n# <- spec-unknown-section\nText\n', { rules });
    assert.equal(applyFixes(text, found), 'Name: x\n%description\nText\n');
  });
  testDocExamples('spec-unknown-section');
});
