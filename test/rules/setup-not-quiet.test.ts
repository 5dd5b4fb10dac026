import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'setup-not-quiet';

ruleTester(RULE, {
  valid: [
    `${SPEC_HEAD}%prep\n%setup -qn x\n%setup -c -q\n# %setup\n%setup -T -D\n`,
  ],
  invalid: [
    {
      name: "what rpmlint's check is about, with non-ASCII text before it",
      code: `# héllo wörld ✓\n${SPEC_HEAD}%prep\n%setup -n x\n# <- ${RULE}:notQuiet\n%setup -T -D\n%setup -T -a 1\n# <- ${RULE}:notQuiet\n`,
      output: `# héllo wörld ✓\n${SPEC_HEAD}%prep\n%setup -q -n x\n%setup -T -D\n%setup -q -T -a 1\n`,
    },
    {
      code: 'Name: a\n%prep\n%setup -n x\n',
      errors: [{ messageId: 'notQuiet', line: 2, character: 0, endLine: 2, endCharacter: 6 }],
      output: 'Name: a\n%prep\n%setup -q -n x\n',
    },
  ],
});

testDocExamples(RULE);
