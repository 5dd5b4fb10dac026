import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'package-without-files';
const opts = { rules: [rule] };

test('subpackages without %files', () => {
  assertFindings(`Name: foo
%description
x
%package devel
# <- ${rule}
%description devel
x
%package -n libfoo
# <- ${rule}
%description -n libfoo
x
%files
/x
`, opts);
});

test('near misses: matched %files, main package without %files, macro-made sections', () => {
  assertFindings('Name: foo\n%description\nx\n%package devel\n%description devel\nx\n%package -n libfoo\n%description -n libfoo\nx\n%files devel\n/x\n%files -n libfoo\n/y\n', opts);
  assertFindings('Name: foo\n%description\nx\n%package devel\n%description devel\nx\n%files\n/x\n%my_files_macro devel\n', opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Name: föö\n%description\nä\n%package devel\n# <- package-without-files\n%description devel\nä\n', { ...opts, crlf: true });
});

testDocExamples(rule);
