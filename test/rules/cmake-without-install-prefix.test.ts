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
%install
%make_install -C build
`, opts);
});

test('near misses: prefix given, build/install modes, variables, %cmake specs', () => {
  assertFindings('Name: foo\n%build\ncmake -DCMAKE_INSTALL_PREFIX=%{_prefix} ..\ncmake --build build\ncmake -E make_directory x\ncmake $CMAKE_OPTS ..\ncmake %{cmake_opts} ..\ncmake\n%install\ncmake --install build\n', opts);
  assertFindings('Name: foo\n%build\n%cmake\n%cmake_build\ncd tests && cmake .\n', opts);
});

test('a project prefix variable counts as the prefix (kernelshark.spec:65)', () => {
  // kernelshark's CMakeLists.txt installs from its own _INSTALL_PREFIX, which the spec sets to %{_prefix}.
  assertFindings(`Name: kernelshark
%build
mkdir build
cd build
cmake ..  -DCMAKE_BUILD_TYPE=Package -D_INSTALL_PREFIX=%{_prefix} -D_LIBDIR=%{_libdir} -DCMAKE_C_FLAGS_PACKAGE="%{optflags}" -DCMAKE_EXE_LINKER_FLAGS="%{build_ldflags}" -D_DOXYGEN_DOC=1 -DTT_FONT_FILE=\${tt_font} -DCMAKE_POLICY_VERSION_MINIMUM=3.5
cmake -D FOO_PREFIX:PATH=/usr ..
cmake -DBAR_PREFIX:PATH=%{_prefix} ..
%install
make install DESTDIR=%{buildroot}
`, opts);
  // a name that only contains PREFIX, or a make variable after configuring, is not a prefix
  assertFindings(`Name: Io-language
%build
cmake . -DOpenGL_GL_PREFERENCE=GLVND -DCMAKE_SKIP_RPATH:BOOL=YES
# <- ${rule}
make INSTALL_PREFIX=%{_prefix}
cmake -DPREFIX_DIR=/usr ..
# <- ${rule}
%install
make install INSTALL_PREFIX=%{buildroot}%{_prefix}
`, opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Name: é\n%build\necho ü; cmake ..\n#       ^^^^^ cmake-without-install-prefix\n%install\nninja -C build install\n', { ...opts, crlf: true });
});

test('nothing installed by a build system: the prefix never reaches the package (tinydir builds its tests with cmake)', () => {
  assertFindings(`Name: tinydir
%build
mkdir tests/build && cd tests/build
cmake ..
make
%install
install -pm 0644 tinydir.h %{buildroot}%{_includedir}
%check
cd tests/build && ctest
`, opts);
});

testDocExamples(rule);
