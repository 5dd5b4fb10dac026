import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'redundant-defattr';
const opts = { rules: [rule] };

test('default %defattr forms', () => {
  assertFindings(`Name: foo
%files
%defattr(-,root,root,-)
# <- ${rule}
%files devel
  %defattr(-, root, root)
# ^^^^^^^^^^^^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: other attributes, outside %files', () => {
  assertFindings('Name: foo\n%files\n%defattr(644,root,root,755)\n%defattr(-,root,root,0755)\n%defattr(-,foo,foo,-)\n%install\n# %defattr(-,root,root)\n', opts);
});

test('fix deletes the line; CRLF, non-ASCII', () => {
  assert.equal(fixed('Name: é\n%files\n%defattr(-,root,root,-)\n/usr/bin/é\n', rule), 'Name: é\n%files\n/usr/bin/é\n');
  assert.equal(fixed('Name: é\r\n%files\r\n%defattr(-,root,root)\r\n/x\r\n', rule), 'Name: é\r\n%files\r\n/x\r\n');
  assertFindings(`Name: ü\n%files\n%defattr(-,root,root)\n# <- ${rule}\n`, { ...opts, crlf: true });
});

testDocExamples(rule);
