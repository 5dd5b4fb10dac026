import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'hardcoded-packager-tag';

ruleTester(RULE, {
  valid: [{ name: 'other tags, a comment', code: `${SPEC_HEAD}Vendor: Example\n# Packager: not a tag\n` }],
  invalid: [
    {
      name: "what rpmlint's check is about, after non-ASCII text",
      code: `# héllo wörld ✓\n${SPEC_HEAD}Packager: Jane Doe <jane@example.org>\n# <- ${RULE}:hardCoded\n`,
      output: `# héllo wörld ✓\n${SPEC_HEAD}`,
    },
    {
      name: 'the fix removes the line',
      code: 'Name: a\nPackager: Me\nVersion: 1\n',
      errors: [{ messageId: 'hardCoded', line: 1, character: 0 }],
      output: 'Name: a\nVersion: 1\n',
    },
  ],
});

testDocExamples(RULE);
