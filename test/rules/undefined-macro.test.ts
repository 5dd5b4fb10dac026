import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { scopeOf } from '../../server/src/service/specfile/macroScope';

const rule = 'undefined-macro';
const opts = { rules: [rule] };

test('typos of well-known and spec-defined macros', () => {
  const f = assertFindings(`Name: foo
%global pkg_name foo
Source0: %{pkg_nmae}.tar.gz
#        ^^^^^^^^^^^ ${rule}
%install
cp a %{buildroot}%{_libdri}/
#                ^^^^^^^^^^ ${rule}
cp b %{buildroot}%_sysconfdri/
#                ^^^^^^^^^^^^ ${rule}
`, opts);
  assert.match(f[0].message, /did you mean %pkg_name/);
  assert.match(f[1].message, /did you mean %_libdir/);
});

test('near misses: guarded, repeated, siblings, bconds, printf formats, comments, changelog, definitions, lua', () => {
  assertFindings(`Name: foo
%bcond_without tests
%{?_libdri}
%if %{with tests} && 0%{?with_tests}
%endif
%install
printf '%s %d\\n' a 1
echo %{python2_sitelib} %{kversion}
cp a %{_libdirx}/ %{_libdirx}/
# %{_libdri}
%{lua: rpm.define("mydefined 1")}
echo %{mydefined}
%global later %{_libdri}
%changelog
- fix %{_libdri}
`, opts);
});

test('names defined only in expanded text count as the spec\'s own: %%global in %{expand:}, Lua\'s rpm.define and macros.x =', () => {
  const f = assertFindings(`Name: foo
%{expand:%%global extra_flags 1}
%{lua: macros.lua_flags = "x"; macros["lua_opts"] = "y"; rpm.define('quoted_defn 1')}
%build
echo %{extra_flags} %{lua_flags} %{lua_opts} %{quoted_defn}
echo %{extra_flgas} %{lua_falgs} %{qouted_defn}
#    ^^^^^^^^^^^^^^ ${rule}
#                   ^^^^^^^^^^^^ ${rule}
#                                ^^^^^^^^^^^^^^ ${rule}
`, opts);
  assert.deepEqual(f.map((x) => /did you mean %(\w+)/.exec(x.message)?.[1]), ['extra_flags', 'lua_flags', 'quoted_defn']);
});

test('go-srpm-macros\' %gopath is defined on Fedora and RHEL, not a typo of %goipath (tinygo.spec)', () => {
  const spec = `Name: tinygo
%global goipath github.com/tinygo-org/tinygo
ExclusiveArch: %{golang_arches}
%check
export GOPATH=%{buildroot}%{tinygoroot}:%{gopath}
%gotest ./...
`;
  assertFindings(spec, opts);
  assertFindings(spec, { ...opts, distro: 'rhel' });
});

test('an %if 0%{?epel} == 7 arm is dead on Fedora, unknown on RHEL (libdxfrw.spec)', () => {
  const spec = `Name: libdxfrw
%build
%if 0%{?epel} == 7
%cmake3_build
%endif
`;
  assertFindings(spec, opts);
  // EPEL builds define %epel on RHEL: there the arm's truth is unknown, not false.
  const doc = parseSpec(spec);
  assert.deepEqual(scopeOf(doc, 'fedora').lineCondition(3), { dead: true, uncertain: false, taken: false });
  assert.equal(scopeOf(doc, 'rhel').lineCondition(3).dead, false);
});

test('php-pear\'s %pear_datadir is no typo of the spec\'s %pear_metadir (php-pear-Net-IMAP.spec)', () => {
  assertFindings(`Name: php-pear-Net-IMAP
%{!?pear_metadir: %global pear_metadir %{pear_phpdir}}
%global pear_name Net_IMAP
%files
%{pear_phpdir}/Net
%{pear_datadir}/%{pear_name}
%{pear_metadir}/.registry
`, opts);
});

test('fix; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%install\ncp ü %{_bindri}/\n', rule), 'Name: é\n%install\ncp ü %{_bindir}/\n');
  assertFindings('Name: é\n%install\ncp ü %_bindri/\n#    ^^^^^^^^ undefined-macro\n', { ...opts, crlf: true });
});

testDocExamples(rule);

test('a digit-only sibling of a known macro is a versioned variant, not a typo (waifu2x-converter-cpp: %cmake3_build was taken for %make_build)', () => {
  assertFindings(`Name: foo
%build
%cmake3_build
%install
%cmake3_install
%{pyhton3_sitelib}
# <- ${rule}
`, opts);
});
