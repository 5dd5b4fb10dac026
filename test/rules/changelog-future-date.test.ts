import { after, test } from 'node:test';
import { setClock } from '../../server/src/service/specfile/clock';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'changelog-future-date';
const opts = { rules: [rule] };

after(() => setClock(undefined));

test('dates after a fixed now (2024-06-01)', () => {
  setClock(() => Date.UTC(2024, 5, 1, 12));
  assertFindings(`Name: foo
%changelog
* Wed Jun 05 2024 A <a@b> - 2
# ^^^^^^^^^^^^^^^ ${rule}
* Sun Jun 02 2024 A <a@b> - 1
* Sat Jun 01 2024 A <a@b> - 1
* Fri May 31 2024 A <a@b> - 1
`, opts);
});

test('the real clock: far future and far past', () => {
  setClock(undefined);
  assertFindings('Name: foo\n%changelog\n* Wed Jan 10 2224 A <a@b> - 2\n# ^^^^^^^^^^^^^^^ changelog-future-date\n* Wed Jan 10 2024 A <a@b> - 1\n', opts);
});

test('CRLF and non-ASCII', () => {
  setClock(() => Date.UTC(2024, 5, 1));
  assertFindings('Name: fö\n%changelog\n* Mon Jan 01 2029 Jürgen <j@b> - 2\n# ^^^^^^^^^^^^^^^ changelog-future-date\n', { ...opts, crlf: true });
  setClock(undefined);
});

testDocExamples(rule);
