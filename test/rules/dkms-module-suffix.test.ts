import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const RULE = 'dkms-module-suffix';

ruleTester(RULE, {
  languageId: 'dkms-conf',
  valid: [{ name: 'other names, other directives', code: 'BUILT_MODULE_NAME[0]="foo_ko"\nBUILT_MODULE_LOCATION[0]="x.o"\nDEST_MODULE_NAME[0]="kool"\n' }],
  invalid: [
    {
      name: '.ko and .o suffixes, with a safe fix',
      fix: 'safe',
      code: `BUILT_MODULE_NAME[0]="foo.ko"
#                        ^^^ ${RULE}:suffix
DEST_MODULE_NAME[0]=bar.o
#                      ^^ ${RULE}:suffix
`,
      errors: [
        { messageId: 'suffix', data: { name: 'BUILT_MODULE_NAME', suffix: '.ko' } },
        { messageId: 'suffix', data: { name: 'DEST_MODULE_NAME', suffix: '.o' } },
      ],
      output: 'BUILT_MODULE_NAME[0]="foo"\nDEST_MODULE_NAME[0]=bar\n',
    },
  ],
});

testDocExamples(RULE);
