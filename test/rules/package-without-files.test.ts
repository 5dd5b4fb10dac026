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
  assertFindings(`Name: foo
%description
x
%if "%{flavor}" == "a"
%package -n %{name}-%{flavor}
Summary: a
%description -n %{name}-%{flavor}
a
%files -n %{name}-%{flavor}
/a
%endif
%if "%{flavor}" == "b"
%package -n %{name}-%{flavor}
Summary: b
%description -n %{name}-%{flavor}
b
%files -n %{name}-%{flavor}
/b
%endif
`, opts);
});

test('CRLF and non-ASCII', () => {
  assertFindings('Name: föö\n%description\nä\n%package devel\n# <- package-without-files\n%description devel\nä\n', { ...opts, crlf: true });
});

testDocExamples(rule);

test('fontpackages\' %_font_pkg writes the %files sections, also when it stands in %check\'s script (redhat-fonts.spec)', () => {
  assertFindings(`%global fontname redhat
Name:           %{fontname}-fonts
%description
x
%package -n %{fontname}-display-fonts
Summary:        Red Hat Display fonts
%description -n %{fontname}-display-fonts
x
%check
appstream-util validate-relax --nonet %{buildroot}%{_datadir}/metainfo/*.metainfo.xml

%_font_pkg -n display -f %{fontconf}-display.conf RedHatDisplay*.otf
%license LICENSE
`, opts);
  // python-flask-gravatar.spec: %files names another package, python3-… is not built
  assertFindings(`%global pkg_name flask-gravatar
Name: python-%{pkg_name}
%description
x
%package -n python3-%{pkg_name}
# <- ${rule}
%description -n python3-%{pkg_name}
x
%files -n python-%{pkg_name} -f %{pyproject_files}
%license LICENSE
`, opts);
});
