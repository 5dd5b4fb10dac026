import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-unclosed-macro'];

describe('spec-unclosed-macro', () => {
  test('unclosed %{, %( and %[ are reported at the opener', () => {
    assertFindings(`Source0: %{name-%{version}.tar.gz
#        ^^ spec-unclosed-macro
%global now %(date
#           ^^ spec-unclosed-macro
%global n %[1 + 2
#         ^^ spec-unclosed-macro
`, { rules });
  });
  test('balanced forms, multi-line Lua, %% and shell ${} stay silent', () => {
    assertFindings(`%{lua:
local t = { a = 1 }
print(t.a)
}
%build
echo \${HOME} %%{notamacro} %{?x:%{y}} %(echo "(") text)
`, { rules });
  });
  test('the rest of the file is still parsed after an unclosed brace', () => {
    assertFindings(`Name: %{name
#     ^^ spec-unclosed-macro
%if 1
%endif
Version: %{version
#        ^^ spec-unclosed-macro
`, { rules });
  });
  testDocExamples('spec-unclosed-macro');
});
