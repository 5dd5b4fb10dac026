import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'non-break-space';

ruleTester(RULE, {
  valid: [`${SPEC_HEAD}Requires: a b\n`],
  invalid: [
    {
      name: "what rpmlint's check is about, after non-ASCII text",
      code: `# héllo wörld ✓\n${SPEC_HEAD}Requires: a\u00a0b\n#          ^ ${RULE}:nonBreakingSpace\n`,
      output: `# héllo wörld ✓\n${SPEC_HEAD}Requires: a b\n`,
    },
    {
      code: 'Requires:\u00a0a\n',
      errors: [{ messageId: 'nonBreakingSpace', line: 0, character: 9, endCharacter: 10 }],
      output: 'Requires: a\n',
    },
    {
      // libewf.spec ('#\u00a0Remove rpath'), sil-namdhinggo-fonts ('400\u00a0000 people' in %description),
      // google-noto-fonts (a Lua pattern matching U+00A0 on purpose).
      // kde-workspace.spec:2365: '<email>\u00a0- 4.0.0-1' in a 2008 header is text after the date.
      name: 'comments, prose, Lua strings and changelog headers after the date stay silent; code, tags and the date do not',
      code: `${SPEC_HEAD}Summary: Fonts for 400\u00a0000 people
#\u00a0Remove rpath
%dnl a\u00a0b
%description
Used by around 400\u00a0000 people.
%build
make # see\u00a0bug 1
make\u00a0install
#   ^ non-break-space:nonBreakingSpace
%{lua: text = string.gsub(text, "[ \u00a0]+", " ")}
%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1\u00a0
- rebuilt for «\u00a0rpm-fonts\u00a0»
* Mon\u00a0Jan 01 2024 A <a@example.org> - 1.0-0
#    ^ non-break-space:nonBreakingSpace
`,
      output: `${SPEC_HEAD}Summary: Fonts for 400\u00a0000 people
#\u00a0Remove rpath
%dnl a\u00a0b
%description
Used by around 400\u00a0000 people.
%build
make # see\u00a0bug 1
make install
%{lua: text = string.gsub(text, "[ \u00a0]+", " ")}
%changelog
* Mon Jan 01 2024 A <a@example.org> - 1.0-1\u00a0
- rebuilt for «\u00a0rpm-fonts\u00a0»
* Mon Jan 01 2024 A <a@example.org> - 1.0-0
`,
    },
  ],
});

testDocExamples(RULE);

