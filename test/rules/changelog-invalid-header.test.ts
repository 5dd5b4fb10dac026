import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'changelog-invalid-header';
const opts = { rules: [rule] };

test('unreadable dates', () => {
  const f = assertFindings(`Name: foo
%changelog
* 2024-01-10 Jane <j@b> - 1
# <- ${rule}
- a
* Wed January 10 2024 Jane - 1
# <- ${rule}
- b
* Fri Feb 30 2024 Jane - 1
# <- ${rule}
- c
* Wex Jan 10 2024 Jane - 1
# <- ${rule}
`, opts);
  assert.match(f[2].message, /not a calendar date/);
  assert.match(f[3].message, /"Wex" is not a weekday/);
});

test('near misses: good headers, indented bullets, macros and placeholders', () => {
  assertFindings('Name: foo\n%changelog\n* Wed Jan 10 2024 Jane <j@b> - 1\n  * not a header\n- * neither\n* %{date} Jane - 1\n* @DATE@ Jane - 1\n* PACKAGE_DATE Jane <j@b> PACKAGE_VERSION\n* Wed Jan 10 2024 10:00:00 Jane - 1\n', opts);
});

test('a `*` line right below a header is that entry\'s text for rpm, not a header', () => {
  assertFindings(`Name: foo
%changelog
* Wed Jan 10 2024 Jane <j@b> - 3.2.3-1
* Update to 3.2.3

* Tue Jan 09 2024 Jane <j@b> - 3.2.2-1
- fix
* Update to 3.2.2
# <- ${rule}
`, opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Name: fö\n%changelog\n* Mitt Jän 10 2024 Jürgen\n# <- changelog-invalid-header\n', { ...opts, crlf: true });
});

testDocExamples(rule);
