import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'changelog-wrong-weekday';
const opts = { rules: [rule] };

test('wrong weekdays, with and without a time of day', () => {
  const f = assertFindings(`Name: foo
%changelog
* Tue Aug 9 2023 A <a@b> - 2
# ^^^ ${rule}
- x
* Tue Jan 10 10:11:12 UTC 2022 A <a@b> - 1
# ^^^ ${rule}
`, opts);
  assert.match(f[0].message, /is a Wed, not a Tue/);
});

test('near misses: right weekday, unreadable date, indented bullet', () => {
  assertFindings('Name: foo\n%changelog\n* Wed Aug 9 2023 A <a@b> - 2\n  * Mon Aug 9 2023 bullet\n* Mon Feb 30 2023 A - 1\n', opts);
});

test('fix replaces the weekday; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%changelog\n* Tue Aug 09 2023 Jürgen <j@b> - 2\n- x\n', rule), 'Name: é\n%changelog\n* Wed Aug 09 2023 Jürgen <j@b> - 2\n- x\n');
  assert.equal(fixed('Name: é\r\n%changelog\r\n* Tue Aug 09 2023 J <j@b> - 2\r\n', rule), 'Name: é\r\n%changelog\r\n* Wed Aug 09 2023 J <j@b> - 2\r\n');
  assertFindings('Summary: ü\n%changelog\n* Sun Jan 18 2023 Jürgen - 2\n# ^^^ changelog-wrong-weekday\n', { ...opts, crlf: true });
});

testDocExamples(rule);
