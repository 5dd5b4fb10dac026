import { testDocExamples } from '../helpers/docs';
import { ruleTester } from '../helpers/ruleTester';

const RULE = 'redundant-defattr';

ruleTester(RULE, {
  valid: [
    { name: 'other attributes, outside %files', code: 'Name: foo\n%files\n%defattr(644,root,root,755)\n%defattr(-,root,root,0755)\n%defattr(-,foo,foo,-)\n%install\n# %defattr(-,root,root)\n' },
    // exim.spec:435: the default %defattr gives the files below back to root after the exim block.
    { name: 'a default %defattr that undoes an earlier one', code: 'Name: foo\n%files\n%defattr(-,exim,exim)\n%dir /var/spool/exim\n%defattr(-,root,root)\n%config /etc/exim/exim.conf\n' },
  ],
  invalid: [
    {
      name: 'default %defattr forms',
      code: `Name: foo
%files
%defattr(-,root,root,-)
# <- ${RULE}:defaultDefattr
%files devel
  %defattr(-, root, root)
# ^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}:defaultDefattr
`,
      errors: [
        { messageId: 'defaultDefattr', data: { text: '%defattr(-,root,root,-)' } },
        { messageId: 'defaultDefattr', data: { text: '%defattr(-, root, root)' } },
      ],
      output: 'Name: foo\n%files\n%files devel\n',
    },
    {
      name: 'the fix deletes the line, non-ASCII around it',
      code: `Name: é\n%files\n%defattr(-,root,root,-)\n# <- ${RULE}\n/usr/bin/é\n`,
      output: 'Name: é\n%files\n/usr/bin/é\n',
    },
  ],
});

testDocExamples(RULE);
