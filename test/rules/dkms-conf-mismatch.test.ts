import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-conf-mismatch';
const HEAD = DKMS_SPEC_HEAD;
const conf = (text: string, uri = 'file:///fixture/dkms.conf') => [{ uri, languageId: 'dkms-conf' as const, text }];

test(`${RULE}: version and name mismatches with a related dkms.conf`, () => {
  const findings = assertFindings(HEAD + `%post
dkms add -m foo -v %{version}
#                  ^^^^^^^^^^ ${RULE}
dkms install -m foo -v %{version}
`, { rules: [RULE], related: conf('PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.1"\nBUILT_MODULE_NAME[0]=foo\n') });
  assert.equal(findings[0].related?.[0].uri, 'file:///fixture/dkms.conf');
  assert.deepEqual(findings[0].related?.[0].range.start, { line: 1, character: 16 });
  assertFindings(HEAD + `%post
dkms install -m foo -v %{version}
#               ^^^ ${RULE}
`, { rules: [RULE], related: conf('PACKAGE_NAME=bar\nPACKAGE_VERSION=1.2\n') });
});

test(`${RULE}: a here-document dkms.conf and the /usr/src directory`, () => {
  assertFindings(HEAD + `%install
mkdir -p %{buildroot}/usr/src/foo-1.3
cat > %{buildroot}/usr/src/foo-1.3/dkms.conf <<'END'
PACKAGE_NAME=foo
PACKAGE_VERSION=%{version}
END
%files
/usr/src/foo-1.3
#        ^^^^^^^ ${RULE}
`, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  const body = HEAD + `%post
dkms install -m foo -v %{version}
`;
  for (const c of ['PACKAGE_NAME=foo\nPACKAGE_VERSION=1.2\n', 'PACKAGE_NAME="foo"\nPACKAGE_VERSION="@VERSION@"\n', 'PACKAGE_NAME=foo\nPACKAGE_VERSION=#MODULE_VERSION#\n', 'PACKAGE_NAME=foo\nPACKAGE_VERSION=$(cat VERSION)\n']) {
    assertFindings(body, { rules: [RULE], related: conf(c) });
  }
  // substituted at build time
  assertFindings(HEAD + `%prep
sed -i 's/1.1/%{version}/' dkms.conf
%post
dkms install -m foo -v %{version}
`, { rules: [RULE], related: conf('PACKAGE_NAME=foo\nPACKAGE_VERSION=1.1\n') });
  // a dkms.conf of another module in a subfolder
  assertFindings(body, { rules: [RULE], related: conf('PACKAGE_NAME=bar\nPACKAGE_VERSION=1.1\n', 'file:///fixture/bar/dkms.conf') });
  // placeholder version in the spec
  assertFindings(body.replace('Version: 1.2', 'Version: #MODULE_VERSION#'), { rules: [RULE], related: conf('PACKAGE_NAME=foo\nPACKAGE_VERSION=1.1\n') });
  assert.deepEqual(lintText(body, { rules: [RULE] }), []);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(HEAD + `%post
echo "✓ Grüße"; dkms install foo/%{version}
#                                ^^^^^^^^^^ ${RULE}
`, { rules: [RULE], crlf: true, related: conf('PACKAGE_NAME=foo\r\nPACKAGE_VERSION=2.0\r\n') });
});

testDocExamples(RULE);

test(`${RULE}: the same disagreement is reported on the dkms.conf, pointing at the spec`, () => {
  const spec = (text: string) => [{ uri: 'file:///fixture/foo-dkms.spec', languageId: 'rpm-spec' as const, text }];
  const findings = assertFindings(`PACKAGE_NAME="foo"
PACKAGE_VERSION="1.1"
#               ^^^^^ ${RULE}
BUILT_MODULE_NAME[0]=foo
`, { rules: [RULE], languageId: 'dkms-conf', related: spec(HEAD + '%post\ndkms install -m foo -v %{version}\n') });
  assert.match(findings[0].message, /^foo-dkms\.spec uses version 1\.2 of foo/);
  assert.equal(findings[0].related?.[0].uri, 'file:///fixture/foo-dkms.spec');
  // Agreeing files, and a spec that rewrites dkms.conf with sed, stay silent.
  assertFindings('PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.2"\n', { rules: [RULE], languageId: 'dkms-conf', related: spec(HEAD + '%post\ndkms install -m foo -v %{version}\n') });
  assertFindings('PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.1"\n', { rules: [RULE], languageId: 'dkms-conf', related: spec(HEAD + "%prep\nsed -i 's/1.1/%{version}/' dkms.conf\n%post\ndkms install -m foo -v %{version}\n") });
});

test(`${RULE}: quick fixes for a version mismatch`, () => {
  // on the spec: a sed line at the end of %prep, with the dkms.conf's path from the spec's folder
  const spec = HEAD + `%prep
%setup -q

%post
dkms install -m foo -v %{version}
`;
  const related = conf('PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.1"\n', 'file:///fixture/src/dkms.conf');
  const [f] = lintText(spec, { rules: [RULE], related });
  assert.equal(f.fixes[0].title, 'Set PACKAGE_VERSION in src/dkms.conf with sed in %prep');
  assert.equal(f.fixes[0].safety, 'unsafe');
  const fixed = applyFixes(spec, [f]);
  assert.equal(fixed, HEAD + `%prep
%setup -q
sed -i 's/^PACKAGE_VERSION=.*/PACKAGE_VERSION="%{version}"/' src/dkms.conf

%post
dkms install -m foo -v %{version}
`);
  // the fixed spec rewrites dkms.conf: no finding any more
  assert.deepEqual(lintText(fixed, { rules: [RULE], related }), []);
  // no %prep: nowhere to put the sed line
  assert.deepEqual(lintText(HEAD + '%post\ndkms install -m foo -v %{version}\n', { rules: [RULE], related })[0].fixes, []);
  // a here-document dkms.conf gets the spec's version written in
  const heredoc = HEAD + `%install
cat > %{buildroot}/usr/src/foo-%{version}/dkms.conf <<'END'
PACKAGE_NAME=foo
PACKAGE_VERSION=1.1
END
%post
dkms install -m foo -v %{version}
`;
  assert.equal(applyFixes(heredoc, lintText(heredoc, { rules: [RULE] })), heredoc.replace('PACKAGE_VERSION=1.1', 'PACKAGE_VERSION=%{version}'));
  // on dkms.conf: PACKAGE_VERSION set to the spec's version, quoting kept
  const specDoc = [{ uri: 'file:///fixture/foo-dkms.spec', languageId: 'rpm-spec' as const, text: HEAD + '%post\ndkms install -m foo -v %{version}\n' }];
  const confText = 'PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.1"\n';
  const onConf = lintText(confText, { rules: [RULE], languageId: 'dkms-conf', related: specDoc });
  assert.equal(onConf[0].fixes[0].title, 'Set PACKAGE_VERSION to 1.2');
  assert.equal(applyFixes(confText, onConf), 'PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.2"\n');
});
