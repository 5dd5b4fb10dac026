import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-missing-description'];

describe('spec-missing-description', () => {
  test('main package and subpackages without %description', () => {
    assertFindings(`Name: x
# <- spec-missing-description
Version: 1
%package -n libx
# <- spec-missing-description
Summary: lib
%package devel
Summary: dev
%description devel
dev
`, { rules });
  });
  test('descriptions by suffix, by -n, by %{name}, and the same name declared in two %if arms', () => {
    assertFindings(`Name: x
%description
main
%package -n %{name}-libs
Summary: l
%description libs
l
%if 0%{?a}
%package -n %{name}-%{flavor}
Summary: a
%description -n %{name}-%{flavor}
a
%endif
%if 0%{?b}
%package -n %{name}-%{flavor}
Summary: b
%description -n %{name}-%{flavor}
b
%endif
`, { rules });
  });
  test('a %description named through the spec\'s own macro belongs to the package it expands to (python-cornice.spec)', () => {
    assertFindings(`Name: python-cornice
Version: 1
Release: 1
Summary: s
License: MIT
%global pypi_name cornice
%description
d
%package -n python3-cornice
Summary: s
%description -n python3-%{pypi_name}
d
%package -n python3-other
# <- spec-missing-description
Summary: s
%description -n python3-%{pypi_name}-x
d
`, { rules });
  });
  test('a %description whose argument is a macro holding the text (GtkAda, Cython) leaves the main package alone', () => {
    assertFindings(`Name: GtkAda
Version: 1
Release: 1
Summary: s
License: MIT
%global common_description_en A binding for Gtk+ in Ada.
%description %{common_description_en}
%package devel
Summary: d
%description devel %{common_description_en}
`, { rules });
  });
  testDocExamples('spec-missing-description');
});
