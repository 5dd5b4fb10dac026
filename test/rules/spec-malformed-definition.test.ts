import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-malformed-definition'];

describe('spec-malformed-definition', () => {
  test('a definition without body or without name', () => {
    assertFindings(`%define __find_provides
# <- spec-malformed-definition
%global
# <- spec-malformed-definition
`, { rules });
  });
  test('bodies on continuation lines, %{nil}, %undefine and parametric macros stay silent', () => {
    assertFindings(`%global desc \\
  text on the next line
%define empty %{nil}
%undefine foo
%define opt(a:) %{-a*}
`, { rules });
  });
  testDocExamples('spec-malformed-definition');
});
