import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const RULE = 'dkms-yes-no-value';

ruleTester(RULE, {
  languageId: 'dkms-conf',
  valid: [{ name: 'yes, empty, STRIP=no, variables', code: 'AUTOINSTALL="yes"\nNO_WEAK_MODULES=""\nSTRIP[0]=no\nSTRIP[1]="$s"\nBUILD_DEPENDS_REBUILD=yes\n' }],
  invalid: [
    {
      name: 'non yes/no values are fixed (unsafe) to what dkms reads; AUTOINSTALL=no has no fix',
      code: `AUTOINSTALL=true
#           ^^^^ ${RULE}:notYesNo
STRIP[0]="0"
#        ^^^ ${RULE}:notYesNo
NO_WEAK_MODULES="no"
#               ^^^^ ${RULE}:noMeansYes
`,
      errors: [
        { messageId: 'notYesNo', message: /^AUTOINSTALL="true" is not yes or no: dkms 3\.0 .*\. Write yes$/ },
        { messageId: 'notYesNo', message: 'STRIP="0" is not yes or no' },
        { messageId: 'noMeansYes', data: { name: 'NO_WEAK_MODULES' } },
      ],
      output: 'AUTOINSTALL=yes\nSTRIP[0]="no"\nNO_WEAK_MODULES="no"\n',
    },
  ],
});

testDocExamples(RULE);
