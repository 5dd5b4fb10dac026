import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'changelog-date-order';
const opts = { rules: [rule] };

test('an entry newer than the one above it', () => {
  assertFindings(`Name: foo
%changelog
* Wed Jan 10 2024 A <a@b> - 3
- c
* Mon Jan 08 2024 A <a@b> - 2
- b
* Thu Jan 16 2025 A <a@b> - 1
# ^^^^^^^^^^^^^^^ ${rule}
- a
`, opts);
});

test('near misses: same day, descending, unreadable dates, indented bullets', () => {
  assertFindings(`Name: foo
%changelog
* Wed Jan 10 2024 A <a@b> - 3
- c
  * Fri Jan 10 2025 not a header
* Wed Jan 10 2024 A <a@b> - 2
* Sun Feb 30 2025 A <a@b> - 1
* Mon Jan 08 2024 A <a@b> - 2
* Wed Jan 10 2024 10:00:00 A <a@b> - 2
`.replace('* Wed Jan 10 2024 10:00:00', '* Mon Jan 08 2024 09:00:00'), opts);
});

test('CRLF and non-ASCII author', () => {
  assertFindings('Name: foo\n%changelog\n* Mon Jan 08 2024 Jürgen <j@b> - 2\n- b\n* Wed Jan 10 2024 Jürgen <j@b> - 3\n# ^^^^^^^^^^^^^^^ changelog-date-order\n', { ...opts, crlf: true });
});

testDocExamples(rule);
