import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-heredoc-expansion'] };
const HEAD = 'Name: foo\nVersion: 1.0\nRelease: 1\nSummary: s\nLicense: MIT\nBuildArch: noarch\n%description\nd\n';

test('$kernelver, ${kernel_source_dir}, $(…) in an unquoted here-document that writes dkms.conf', () => {
  const source = `${HEAD}%install
cat > %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf <<EOF
PACKAGE_NAME=foo
PACKAGE_VERSION=%{version}
MAKE[0]="make -C \${kernel_source_dir} KVER=$kernelver J=$(nproc) B=$BUILDDIR"
#                ^^^^^^^^^^^^^^^^^^^ dkms-heredoc-expansion
#                                          ^^^^^^^^^^ dkms-heredoc-expansion
#                                                       ^^ dkms-heredoc-expansion
ESC="\\$kernelver"
EOF
`;
  const findings = assertFindings(source, opts);
  assert.match(findings[1].message, /^The here-document delimiter EOF is not quoted, so rpmbuild's shell expands \$kernelver while it writes the dkms\.conf \(to an empty string or a value of the build machine\), and dkms never sees it/);
  const text = source.split('\n').filter((l) => !/^#\s/.test(l)).join('\n');
  assert.match(applyFixes(text, findings), /MAKE\[0\]="make -C \\\$\{kernel_source_dir\} KVER=\\\$kernelver J=\\\$\(nproc\) B=\$BUILDDIR"/);
});

test('near misses: a quoted delimiter, a file that is not a dkms.conf, CRLF', () => {
  assertFindings(`${HEAD}%install\ncat > dkms.conf <<'EOF'\nMAKE[0]="make KVER=$kernelver"\nEOF\ncat > foo.conf <<EOF\nX=$kernelver\nEOF\n`, opts);
  assertFindings(`${HEAD}%prep\ntee dkms.conf <<"END"\nMAKE="make KVER=\${kernelver}"\nEND\n`, { ...opts, crlf: true });
  assert.ok(true);
});

test('the dkms.conf rules run inside the here-document, at spec positions, with fixes that survive the shell', () => {
  const source = `${HEAD}%install\ncat > dkms.conf <<EOF\nPACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=foo.ko\nDEST_MODULE_LOCATION[0]=/extra\nMAKE[0]="make KVER=\\$(uname -r)"\nEOF\n`;
  const findings = lintText(source, { rules: ['dkms-module-suffix', 'dkms-uname-r', 'dkms-missing-required'] });
  assert.deepEqual(findings.map((f) => [f.rule, f.range.start.line, f.range.start.character]), [['dkms-module-suffix', 12, 24], ['dkms-uname-r', 14, 20]]);
  assert.match(findings[0].message, /^In the dkms\.conf this here-document writes \(dkms\.conf\): /);
  assert.equal(findings[0].severity, 'error');
  // the escaped \$(uname -r) becomes \${kernelver}: still a literal $ for the build shell
  assert.match(applyFixes(source, [findings[1]]), /MAKE\[0\]="make KVER=\\\$\{kernelver\}"/);
});

testDocExamples('dkms-heredoc-expansion');
