import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'buildprereq-use';

ruleTester(RULE, {
  valid: [`${SPEC_HEAD}BuildRequires: gcc\n`, `${SPEC_HEAD}# BuildPreReq: gcc\n`],
  invalid: [
    {
      code: `# héllo wörld ✓\n${SPEC_HEAD}BuildPreReq: gcc\n# <- ${RULE}:obsolete\n`,
      errors: [{ messageId: 'obsolete', data: { name: 'BuildPreReq' } }],
      output: `# héllo wörld ✓\n${SPEC_HEAD}BuildRequires: gcc\n`,
    },
    {
      code: 'BuildPreReq: make\n',
      errors: [{ messageId: 'obsolete', line: 0, character: 0 }],
      output: 'BuildRequires: make\n',
    },
  ],
});

testDocExamples(RULE);
