import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const rule = 'summary-not-capitalized';

ruleTester(rule, {
  valid: [
    { name: 'a spec its generator rewrites (TeX Live catalogue)', code: '%global tl_version 2025\nName:           texlive-collection-foo\n%package -n texlive-bar\nSummary:        a package for bar\n' },
    {
      name: 'program names, package names, capitals, macros, translations',
      code: 'Name: tools\nSummary: tools for x\n%package -n gsettings\nSummary: gsettings schema compiler\n%package b\nSummary: A library\n%package c\nSummary: %{name} library\n%package d\nSummary(de): ein Werkzeug\n%package e\nSummary: libfoo runtime\n',
    },
  ],
  invalid: [
    {
      name: 'common lower-case words',
      code: `Name: foo
Summary: a library
#        ^ ${rule}:lowerCase
%package devel
Summary: development files for foo
#        ^^^^^^^^^^^ ${rule}:lowerCase
`,
      errors: [{ messageId: 'lowerCase', data: { word: 'a' } }, { messageId: 'lowerCase', data: { word: 'development' } }],
      output: 'Name: foo\nSummary: A library\n%package devel\nSummary: Development files for foo\n',
    },
    {
      name: 'the fix capitalizes; non-ASCII text',
      code: `Name: é\nSummary: the café tool\n#        ^^^ ${rule}:lowerCase\n`,
      output: 'Name: é\nSummary: The café tool\n',
    },
  ],
});

testDocExamples(rule);
