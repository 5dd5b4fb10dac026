import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const RULE = 'obsolete-buildroot-tag';

ruleTester(RULE, {
  valid: [{ name: '%{buildroot} uses and BuildRequires', code: 'Name: foo\nBuildRequires: gcc\n%install\nmkdir %{buildroot}\n# BuildRoot: x\n' }],
  invalid: [
    {
      name: 'BuildRoot tags, also in conditionals',
      code: `Name: foo
BuildRoot: %{_tmppath}/%{name}-%{version}-root
# <- ${RULE}:obsolete
%ifarch %{ix86}
  buildroot:  /var/tmp/x
# ^^^^^^^^^^^^^^^^^^^^^^ ${RULE}:obsolete
%endif
`,
      output: 'Name: foo\n%ifarch %{ix86}\n%endif\n',
    },
    { code: 'Summary: ünïcode\nBuildRoot: /tmp/x\n# <- obsolete-buildroot-tag\nSummary: é\n', output: 'Summary: ünïcode\nSummary: é\n' },
    { name: 'on the last line without a line end', code: 'Name: foo\nBuildRoot: /tmp/x', errors: [{ messageId: 'obsolete', line: 1, character: 0 }], output: 'Name: foo' },
  ],
});

testDocExamples(RULE);
