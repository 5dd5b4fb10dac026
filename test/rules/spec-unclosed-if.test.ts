import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-unclosed-if'];

describe('spec-unclosed-if', () => {
  test('reports each %if that is never closed, at its directive', () => {
    assertFindings(`Name: x
%if 0%{?fedora}
# <- spec-unclosed-if
%ifarch x86_64
# <- spec-unclosed-if
Requires: a
`, { rules });
  });
  test('balanced blocks, nested and with %elif/%else, stay silent', () => {
    assertFindings(`%if 1
%ifarch x86_64
%elifarch aarch64
%else
%endif
%elif 0%{?rhel}
%endif
%{lua: if x then print("%if") end}
`, { rules });
  });
  test('an %if inside a multi-line Lua block is not a directive', () => {
    assertFindings(`%{lua:
%if
}
Name: x
`, { rules });
  });
  test('CRLF positions', () => {
    assertFindings('Name: x\n  %if 1\n# ^^^^^ spec-unclosed-if\n', { rules, crlf: true });
  });
  testDocExamples('spec-unclosed-if');
});
