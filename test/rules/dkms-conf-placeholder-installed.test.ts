import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RelatedDocument } from '../../server/src/service/rules/types';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText } from '../helpers/fixtures';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const RULE = 'dkms-conf-placeholder-installed';
const HEAD = DKMS_SPEC_HEAD;
const conf = (text: string, uri = 'file:///fixture/dkms.conf'): RelatedDocument[] => [{ uri, languageId: 'dkms-conf', text }];
const TEMPLATE = 'PACKAGE_NAME="foo"\nPACKAGE_VERSION="@VERSION@"\nBUILT_MODULE_NAME[0]="foo"\nDEST_MODULE_LOCATION[0]="/updates/dkms"\n';
const SPEC = HEAD + `Source0: foo-%{version}.tar.gz
Source1: dkms.conf

%prep
%setup -q

%install
mkdir -p %{buildroot}%{_usrsrc}/foo-%{version}
cp -a src/* %{buildroot}%{_usrsrc}/foo-%{version}/
install -m 644 %{SOURCE1} %{buildroot}%{_usrsrc}/foo-%{version}/
#              ^^^^^^^^^^ ${RULE}

%post
dkms install -m foo -v %{version}
`;
const withoutMarkers = (text: string) => text.split('\n').filter((l) => !/^#\s+\^/.test(l)).join('\n');

test(`${RULE}: a dkms.conf Source installed as it is, with the fix`, () => {
  const [f] = assertFindings(SPEC, { rules: [RULE], related: conf(TEMPLATE) });
  assert.equal(f.message, "The spec installs dkms.conf (Source1) as it is, but it still holds PACKAGE_VERSION=@VERSION@, and nothing in the spec substitutes them: dkms reads the placeholder text literally (for PACKAGE_VERSION, the version it registers, so the spec's dkms commands do not find the module). Substitute them with sed after installing it, or fill them in the file");
  assert.equal(f.related?.[0].uri, 'file:///fixture/dkms.conf');
  assert.deepEqual(f.related?.[0].range.start, { line: 1, character: 17 });
  const text = withoutMarkers(SPEC);
  const fixed = applyFixes(text, [f]);
  assert.match(fixed, /install -m 644 %\{SOURCE1\} %\{buildroot\}%\{_usrsrc\}\/foo-%\{version\}\/\nsed -i 's\/@VERSION@\/%\{version\}\/' %\{buildroot\}%\{_usrsrc\}\/foo-%\{version\}\/dkms\.conf\n/);
  // the fixed spec substitutes it: silent
  assert.deepEqual(lintText(fixed, { rules: [RULE], related: conf(TEMPLATE) }), []);
  // #MODULE_VERSION# and __VERSION__, and %{S:1}
  for (const v of ['#MODULE_VERSION#', '__VERSION__']) {
    assert.equal(lintText(text.replace('%{SOURCE1}', '%{S:1}'), { rules: [RULE], related: conf(TEMPLATE.replace('"@VERSION@"', v)) }).length, 1, v);
  }
});

test(`${RULE}: the same finding on dkms.conf, on the placeholder`, () => {
  const spec = [{ uri: 'file:///fixture/foo-dkms.spec', languageId: 'rpm-spec' as const, text: withoutMarkers(SPEC) }];
  const [f] = assertFindings(`PACKAGE_NAME="foo"
PACKAGE_VERSION="@VERSION@"
#                ^^^^^^^^^ ${RULE}
`, { rules: [RULE], languageId: 'dkms-conf', related: spec });
  assert.equal(f.message, 'foo-dkms.spec installs this file as it is (Source1) and nothing substitutes @VERSION@: dkms reads the text literally as the value of PACKAGE_VERSION');
});

test(`${RULE}: a here-document dkms.conf with a placeholder`, () => {
  const spec = HEAD + `%install
cat > %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf <<'END'
PACKAGE_NAME="foo"
PACKAGE_VERSION="#MODULE_VERSION#"
#                ^^^^^^^^^^^^^^^^ ${RULE}
END
`;
  const [f] = assertFindings(spec, { rules: [RULE] });
  assert.match(applyFixes(withoutMarkers(spec), [f]), /PACKAGE_VERSION="%\{version\}"/);
});

test(`${RULE}: substituted, generated, templates and unrelated files stay silent`, () => {
  const spec = withoutMarkers(SPEC);
  const silent = (text: string, related = conf(TEMPLATE)) => assert.deepEqual(lintText(text, { rules: [RULE], related }).map((f) => f.message), [], text);
  // sed on the installed copy, or on the Source while installing it
  silent(spec.replace('\n\n%post', "\nsed -i 's/@VERSION@/%{version}/' %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf\n\n%post"));
  silent(spec.replace('install -m 644 %{SOURCE1} %{buildroot}%{_usrsrc}/foo-%{version}/', "sed 's/@VERSION@/%{version}/' %{SOURCE1} > %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf"));
  // copied from the unpacked tarball (a release script may have filled it in): not certain
  silent(spec.replace('install -m 644 %{SOURCE1}', 'install -m 644 dkms.conf'));
  // no placeholder; a dkms.conf in another folder; a .spec.in template
  silent(spec, conf(TEMPLATE.replace('@VERSION@', '1.2')));
  silent(spec, conf(TEMPLATE, 'file:///fixture/sub/dkms.conf'));
  silent(spec.replace('Release: 1', 'Release: @RELEASE@'));
});

test(`${RULE}: CRLF`, () => {
  const spec = withoutMarkers(SPEC).replace(/\n/g, '\r\n');
  const [f] = lintText(spec, { rules: [RULE], related: conf(TEMPLATE) });
  assert.match(applyFixes(spec, [f]), /foo-%\{version\}\/\r\nsed -i 's\/@VERSION@\/%\{version\}\/' [^\r\n]*dkms\.conf\r\n/);
});

test(`${RULE}: commands continued with a backslash are read as one command (the shell layer)`, () => {
  // install over three lines: found, and the fix goes after the whole command
  const continued = HEAD + `Source0: foo-%{version}.tar.gz
Source1: dkms.conf

%install
install -D -m 644 \\
  %{SOURCE1} \\
  %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf
echo done
`;
  const [f, ...rest] = lintText(continued, { rules: [RULE], related: conf(TEMPLATE) });
  assert.deepEqual(rest, []);
  assert.equal(f.range.start.line, continued.split('\n').findIndex((l) => l.includes('  %{SOURCE1}')));
  assert.equal(f.range.start.character, 2);
  const fixed = applyFixes(continued, [f]);
  assert.match(fixed, /\/dkms\.conf\nsed -i 's\/@VERSION@\/%\{version\}\/' %\{buildroot\}%\{_usrsrc\}\/foo-%\{version\}\/dkms\.conf\necho done\n/);
  assert.deepEqual(lintText(fixed, { rules: [RULE], related: conf(TEMPLATE) }), []);
  // a sed continued onto the line that names dkms.conf substitutes it: silent
  const substituted = continued.replace('echo done', "sed -i 's/@VERSION@/%{version}/' \\\n  %{buildroot}%{_usrsrc}/foo-%{version}/dkms.conf");
  assert.deepEqual(lintText(substituted, { rules: [RULE], related: conf(TEMPLATE) }), []);
  // `install -t DIR`: the path is DIR/dkms.conf; after `&&` no line can be inserted, so no fix
  const [t] = lintText(continued.replace(/install -D[^]*?dkms\.conf\n/, 'install -m 644 -t %{buildroot}%{_usrsrc}/foo-%{version} %{SOURCE1}\n'), { rules: [RULE], related: conf(TEMPLATE) });
  assert.match(t.fixes?.[0]?.edits[0].newText ?? '', /^\nsed -i 's\/@VERSION@\/%\{version\}\/' %\{buildroot\}%\{_usrsrc\}\/foo-%\{version\}\/dkms\.conf$/);
  const [chained] = lintText(continued.replace('\necho done', ' && echo done'), { rules: [RULE], related: conf(TEMPLATE) });
  assert.deepEqual(chained.fixes ?? [], []);
});

testDocExamples(RULE);
