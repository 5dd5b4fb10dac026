import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'define-instead-of-global';
const opts = { rules: [rule] };

test('shell bodies and bodies using a macro redefined later', () => {
  assertFindings(`Name: foo
%define stamp %(date +%s)
#^^^^^^^^^^^^ ${rule}
Source0: foo-%{stamp}.tar.gz
%global base 1
%define full %{base}.0
#^^^^^^^^^^^ ${rule}
Version: %{full}
%global base 2
Release: %{full}
`, opts);
});

test('near misses: %global, parametric, later-only definitions, redefinition in an %if arm, no use after, quoting tricks, sections', () => {
  assertFindings(`Name: foo
%global stamp %(date +%s)
%define fn(a) %(echo %{-a})
%define uses_later %(echo %{defined_below})
%global defined_below 1
%global base 1
%define full %{base}.0
%if 0%{?x}
%global base 2
%endif
%global other 1
%define o2 %{other}
%global other 2
%define findpat %( echo "%""P" )
%build
%define inner %(pwd)
`, opts);
});

test('fix; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%define stamp %(date)\nURL: %{stamp}\n', rule), 'Name: é\n%global stamp %(date)\nURL: %{stamp}\n');
  assertFindings('Name: é\n%define ü %(date)\n%define stamp %(date)\n#^^^^^^^^^^^^ define-instead-of-global\nURL: %{stamp}\n', { ...opts, crlf: true });
});

testDocExamples(rule);

test('a body that uses a macro a later preamble tag defines (mingw-qt6-qtbase: %{version} above Version:) relies on lazy expansion', () => {
  // rpm 4.18: with %global the %(…) runs before Version: is read, so %{version} is still undefined.
  assertFindings(`%define qt_version %(echo %{version} | cut -d~ -f1)
Name: foo
Version: 6.11.1~rc
%define after %(echo %{version})
#^^^^^^^^^^^^ define-instead-of-global
Source0: %{qt_version}-%{after}.tar.gz
`, opts);
});

test('through another %define (cube: %define cubew_vers %version above Version:), and a shell body never used (udisks2: git_hash)', () => {
  assertFindings(`%define cubew_vers %version
%define shortwv %(echo %cubew_vers | awk -F. '{print $1}')
%define git_hash %(git log -1 --pretty=format:"%h" || true)
Name: cube
Version: 4.9.1
Source1: cube-%{shortwv}.tar.gz
`, opts);
});
