import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const RULE = 'summary-ends-with-dot';

ruleTester(RULE, {
  valid: [
    { name: 'no dot, ellipsis, abbreviations, dots inside', code: 'Name: foo\nSummary: Tools, libraries, etc.\n%package a\nSummary: Wait...\n%package b\nSummary: Foo Inc.\n%package c\nSummary: Version 1.0 of v.2 tools\n' },
  ],
  invalid: [
    {
      name: 'trailing dots, subpackages and translations',
      code: `Name: foo
Summary: A tool.
#              ^ ${RULE}:endsWithDot
Summary(de): Ein Werkzeug.  
#                        ^ ${RULE}:endsWithDot
%package devel
Summary: Files for %{name}.
#                         ^ ${RULE}:endsWithDot
`,
      output: 'Name: foo\nSummary: A tool\nSummary(de): Ein Werkzeug  \n%package devel\nSummary: Files for %{name}\n',
    },
    {
      name: 'non-ASCII text before the dot',
      code: 'Name: é\nSummary: Café tools.\n#                  ^ summary-ends-with-dot\n',
      errors: [{ messageId: 'endsWithDot', line: 1, character: 19, endCharacter: 20 }],
      output: 'Name: é\nSummary: Café tools\n',
    },
  ],
});

testDocExamples(RULE);
