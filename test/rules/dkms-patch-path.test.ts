import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const RULE = 'dkms-patch-path';

ruleTester(RULE, {
  languageId: 'dkms-conf',
  valid: [{ name: 'files in patches/, subdirectories, names with dots', code: 'PATCH[0]="fix.patch"\nPATCH[1]=sub/dir/x..y.patch\n' }],
  invalid: [
    {
      code: `PATCH[0]="../x.patch"
#        ^^^^^^^^^^^^ ${RULE}:parentComponent
PATCH=(a.patch /tmp/b.patch)
#              ^^^^^^^^^^^^ ${RULE}:absolutePath
`,
      errors: [
        { messageId: 'parentComponent', data: { text: '../x.patch' } },
        { messageId: 'absolutePath', data: { text: '/tmp/b.patch' } },
      ],
    },
  ],
});

testDocExamples(RULE);
