import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'mixed-buildroot-macros';
const opts = { rules: [rule] };

test('the minority form is reported once, on its first use', () => {
  assertFindings(`Name: foo
%install
install -D a %{buildroot}/a
install -D b "\${RPM_BUILD_ROOT}/b"
#             ^^^^^^^^^^^^^^^^^ ${rule}
install -D c $RPM_BUILD_ROOT/c
install -D d %{buildroot}/d
install -D e %buildroot/e
`, opts);
});

test('near misses: one form only, comments, scriptlets, %define', () => {
  assertFindings('Name: foo\n%install\n# $RPM_BUILD_ROOT\ninstall a %{buildroot}/a\n%post\necho $RPM_BUILD_ROOT\n', opts);
  assertFindings('Name: foo\n%global br %{buildroot}\n%install\ninstall a $RPM_BUILD_ROOT/a\n', opts);
});

test('fix rewrites every minority use; CRLF and non-ASCII', () => {
  assert.equal(
    fixed('Name: é\n%install\ncp a %{buildroot}/a\ncp b $RPM_BUILD_ROOT/b\ncp c %{buildroot}/c\n', rule),
    'Name: é\n%install\ncp a %{buildroot}/a\ncp b %{buildroot}/b\ncp c %{buildroot}/c\n');
  assert.equal(
    fixed('Name: é\r\n%install\r\ncp a %{buildroot}x\r\ncp b $RPM_BUILD_ROOT/b\r\ncp c $RPM_BUILD_ROOT/c\r\n', rule),
    'Name: é\r\n%install\r\ncp a ${RPM_BUILD_ROOT}x\r\ncp b $RPM_BUILD_ROOT/b\r\ncp c $RPM_BUILD_ROOT/c\r\n');
  assertFindings(`Name: ü\n%install\ncp ä %{buildroot}/a; cp ö $RPM_BUILD_ROOT/b\n#                         ^^^^^^^^^^^^^^^ ${rule}\n`, { ...opts, crlf: true });
});

testDocExamples(rule);
