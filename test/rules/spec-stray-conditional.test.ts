import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-stray-conditional'];

describe('spec-stray-conditional', () => {
  test('%endif, %else and %elif without %if; %elif after %else', () => {
    assertFindings(`%endif
# <- spec-stray-conditional
%else
# <- spec-stray-conditional
%if 1
%else
%elif 0
# <- spec-stray-conditional
%endif
%elifarch x86_64
# <- spec-stray-conditional
`, { rules });
  });
  test('well-formed blocks and %endif-like words stay silent', () => {
    assertFindings(`%if 1
%elif 0
%else
%endif
%endiffy
echo %endif is text here
`, { rules });
  });
  test('non-ASCII text before does not shift the column', () => {
    assertFindings('Summary: Café ☕\n%endif\n# <- spec-stray-conditional\n', { rules });
  });
  testDocExamples('spec-stray-conditional');
});
