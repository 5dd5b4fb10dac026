import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';

const rule = 'cmake-without-install-prefix';
const opts = { rules: [rule] };

test('direct cmake configure calls', () => {
  assertFindings(`Name: foo
%build
mkdir build; cd build; cmake -DFOO=1 ..
#                      ^^^^^ ${rule}
cmake3 \\
# <- ${rule}
  -G Ninja .
`, opts);
});

test('near misses: prefix given, build/install modes, variables, %cmake specs', () => {
  assertFindings('Name: foo\n%build\ncmake -DCMAKE_INSTALL_PREFIX=%{_prefix} ..\ncmake --build build\ncmake -E make_directory x\ncmake $CMAKE_OPTS ..\ncmake %{cmake_opts} ..\ncmake\n%install\ncmake --install build\n', opts);
  assertFindings('Name: foo\n%build\n%cmake\n%cmake_build\ncd tests && cmake .\n', opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Name: é\n%build\necho ü; cmake ..\n#       ^^^^^ cmake-without-install-prefix\n', { ...opts, crlf: true });
});

testDocExamples(rule);
