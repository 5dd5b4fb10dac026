import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'redundant-buildroot-cleanup';
const opts = { rules: [rule] };

test('the usual spellings', () => {
  for (const line of ['rm -rf %{buildroot}', 'rm -rf $RPM_BUILD_ROOT', 'rm -fr "${RPM_BUILD_ROOT}"', '%{__rm} -rf %{buildroot}/', '[ "$RPM_BUILD_ROOT" != "/" ] && rm -rf "$RPM_BUILD_ROOT"', 'rm -r -f %buildroot']) {
    assertFindings(`Name: foo\n%install\n# a comment\n\n${line}\n# <- ${rule}\nmake install DESTDIR=%{buildroot}\n`, opts);
  }
  assertFindings(`Name: foo\n%install\n  rm -rf %{buildroot}\n# ^^^^^^^^^^^^^^^^^^^ ${rule}\n`, opts);
});

test('near misses: later in %install, inside the build root, other sections, after a conditional', () => {
  assertFindings('Name: foo\n%install\n%make_install\nrm -rf %{buildroot}\n', opts);
  assertFindings('Name: foo\n%install\nrm -rf %{buildroot}%{_libdir}/*.la\n', opts);
  assertFindings('Name: foo\n%clean\nrm -rf %{buildroot}\n%build\nrm -rf %{buildroot}\n', opts);
  assertFindings('Name: foo\n%install\n%if 0%{?x}\nrm -rf %{buildroot}\n%endif\n', opts);
  assertFindings('Name: foo\n%install\nrm -rf %{buildroot} && mkdir x\n', opts);
});

test('fix deletes the line; CRLF', () => {
  assert.equal(fixed('Name: é\n%install\nrm -rf %{buildroot}\n%make_install\n', rule), 'Name: é\n%install\n%make_install\n');
  assert.equal(fixed('Name: é\r\n%install\r\nrm -rf $RPM_BUILD_ROOT\r\n%make_install\r\n', rule), 'Name: é\r\n%install\r\n%make_install\r\n');
  assertFindings(`Name: ü\n%install\nrm -rf %{buildroot}\n# <- ${rule}\n`, { ...opts, crlf: true });
});

testDocExamples(rule);
