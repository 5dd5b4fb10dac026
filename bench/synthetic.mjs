// Synthetic spec files of a given size, built from realistic sections: a preamble with macros and
// conditionals, many subpackages (preamble, %description, scriptlets, %files with attributes) and
// a long %changelog. Lines vary with the index so no two blocks are identical.

const ARCHES = ['x86_64', 'aarch64', 'ppc64le', 's390x'];

function preamble() {
  return [
    '%global forgeurl https://github.com/example/synth',
    '%global commit 0123456789abcdef0123456789abcdef01234567',
    '%global shortcommit %(c=%{commit}; echo ${c:0:7})',
    '%bcond_without tests',
    '%bcond_with docs',
    '%{!?python3_pkgversion:%global python3_pkgversion 3}',
    '',
    'Name:           synth',
    'Version:        4.2.1',
    'Release:        3%{?dist}',
    'Summary:        A synthetic package for benchmarks',
    'License:        MIT AND (Apache-2.0 OR BSD-3-Clause)',
    'URL:            %{forgeurl}',
    'Source0:        %{forgeurl}/archive/%{commit}/%{name}-%{shortcommit}.tar.gz',
    'Source1:        %{name}.service',
    'Patch0:         0001-fix-build.patch',
    'BuildRequires:  gcc-c++ cmake >= 3.16 make',
    'BuildRequires:  pkgconfig(glib-2.0) pkgconfig(openssl)',
    'BuildRequires:  python%{python3_pkgversion}-devel',
    'Requires:       %{name}-libs%{?_isa} = %{version}-%{release}',
    '%{?systemd_requires}',
    '',
    '%description',
    'A synthetic package used to benchmark the Specwright parser and rules.',
    'It has many subpackages, conditionals and a long changelog.',
    '',
  ];
}

function subpackage(i) {
  const name = `module${i}`;
  const arch = ARCHES[i % ARCHES.length];
  const lines = [
    `%package -n %{name}-${name}`,
    `Summary:        Module ${i} of %{name}`,
    `Requires:       %{name}-libs%{?_isa} = %{version}-%{release}`,
    i % 3 === 0 ? `Requires:       (python%{python3_pkgversion}-mod${i} >= 1.${i % 10} or mod${i}-compat)` : `Recommends:     %{name}-extra${i % 7}`,
    i % 5 === 0 ? `Provides:       bundled(lib${i}) = 0.${i}` : `Conflicts:      old-${name} < 2.0`,
    '',
    `%description -n %{name}-${name}`,
    `Module ${i} provides feature number ${i} for %{name}. It is split out so that`,
    `installations that do not need it stay small (${i * 37 % 1000} KiB).`,
    '',
  ];
  if (i % 4 === 0) {
    lines.push(
      `%ifarch ${arch}`,
      `%post -n %{name}-${name}`,
      `%systemd_post %{name}-${name}.service`,
      `if [ $1 -eq 1 ]; then`,
      `  /usr/bin/systemctl preset %{name}-${name}.service >/dev/null 2>&1 || :`,
      'fi',
      '',
      `%preun -n %{name}-${name}`,
      `%systemd_preun %{name}-${name}.service`,
      '%endif',
      '',
    );
  }
  lines.push(
    `%files -n %{name}-${name}`,
    `%license LICENSE.${name}`,
    i % 2 === 0 ? `%doc docs/${name}/README.md` : `%doc %{_docdir}/%{name}/${name}.txt`,
    `%{_libdir}/%{name}/${name}.so.%{version}`,
    `%dir %{_datadir}/%{name}/${name}`,
    `%{_datadir}/%{name}/${name}/*.dat`,
    `%config(noreplace) %{_sysconfdir}/%{name}/${name}.conf`,
    `%attr(0644,root,root) %{_unitdir}/%{name}-${name}.service`,
    i % 6 === 0 ? `%if %{with docs}\n%{_mandir}/man1/${name}.1*\n%endif` : `%{_bindir}/${name}-tool`,
    '',
  );
  return lines.join('\n').split('\n');
}

function buildSections(subpackages) {
  const lines = [
    '%prep',
    '%autosetup -n %{name}-%{commit} -p1',
    'sed -i "s|/usr/lib|%{_libdir}|" CMakeLists.txt',
    '',
    '%build',
    '%cmake -DWITH_MODULES=ON \\',
    '       -DPYTHON=%{python3} \\',
    '       -DBUILD_TESTING=%{?with_tests:ON}%{!?with_tests:OFF}',
    '%cmake_build',
    '',
    '%install',
    '%cmake_install',
    'install -Dpm 0644 %{SOURCE1} %{buildroot}%{_unitdir}/%{name}.service',
  ];
  for (let i = 0; i < Math.min(subpackages, 200); i += 7) lines.push(`install -Dpm 0644 conf/module${i}.conf %{buildroot}%{_sysconfdir}/%{name}/module${i}.conf`);
  lines.push('', '%if %{with tests}', '%check', '%ctest', '%endif', '');
  return lines;
}

function changelogEntry(i) {
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][i % 7];
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][i % 12];
  const year = 2024 - Math.floor(i / 12);
  return [
    `* ${day} ${month} ${String((i % 28) + 1).padStart(2, '0')} ${year} Packager ${i % 13} <packager${i % 13}@example.com> - 4.2.${i}-1`,
    `- Update to 4.2.${i}`,
    `- Fix module${i % 97} build on ${ARCHES[i % ARCHES.length]} (rhbz#${2000000 + i})`,
    '',
  ];
}

/** A spec of about `target` lines (exactly `target` after trimming). */
export function syntheticSpec(target) {
  const head = preamble();
  // Share: 70% subpackages, 30% changelog.
  const sub = [];
  let i = 0;
  while (head.length + sub.length < target * 0.7) sub.push(...subpackage(i++));
  const build = buildSections(i);
  const log = ['%files', '%license LICENSE', '%{_bindir}/%{name}', '%{_unitdir}/%{name}.service', '', '%changelog'];
  let j = 0;
  while (head.length + sub.length + build.length + log.length < target) log.push(...changelogEntry(j++));
  const all = [...head, ...sub, ...build, ...log];
  return all.slice(0, target).join('\n') + '\n';
}
