import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-conf-not-packaged';

const PREAMBLE = `%global module foo
Name: %{module}-dkms
Version: 1.2
Release: 1
Summary: Foo
License: MIT
BuildArch: noarch
Requires: dkms
Source1: dkms.conf

%post
dkms install %{module}/%{version} || :
`;

const spec = (install: string, files: string) => `${PREAMBLE}\n%install\n${install}\n\n%files\n${files}\n`;

test(`${RULE}: %files lists the sources one by one and leaves dkms.conf out`, () => {
  const findings = assertFindings(spec('mkdir -p %{buildroot}%{_usrsrc}/%{module}-%{version}\ncp -a * %{buildroot}%{_usrsrc}/%{module}-%{version}/', `%dir %{_usrsrc}/%{module}-%{version}
%{_usrsrc}/%{module}-%{version}/Makefile
#<- ${RULE}
%{_usrsrc}/%{module}-%{version}/*.c`), { rules: [RULE] });
  assert.equal(findings[0].message, '%files ships files of /usr/src/foo-1.2/ but not /usr/src/foo-1.2/dkms.conf: `dkms add` fails with "Could not locate dkms.conf file" and the module is never built. Add %{_usrsrc}/%{module}-%{version}/dkms.conf to %files (or list the whole directory)');
  assert.equal(findings[0].severity, 'error');
  assert.equal(findings[0].messageId, 'filesLeaveOut');
});

test(`${RULE}: %install copies named files into the packaged directory, none of them dkms.conf`, () => {
  const findings = assertFindings(spec(`mkdir -p %{buildroot}%{_usrsrc}/%{module}-%{version}/src
install -m 0644 Makefile foo.c foo.h %{buildroot}%{_usrsrc}/%{module}-%{version}/
%{__install} -m 0644 -t $RPM_BUILD_ROOT/usr/src/%{module}-%{version}/src src/*.c
install -D -m 0644 foo.rules %{buildroot}%{_udevrulesdir}/60-foo.rules`, `%{_usrsrc}/%{module}-%{version}/
#<- ${RULE}
%{_udevrulesdir}/60-foo.rules`), { rules: [RULE] });
  assert.match(findings[0].message, /^%install copies Makefile, foo\.c, foo\.h, src\/\*\.c into \/usr\/src\/foo-1\.2\/, but no dkms\.conf/);
  assert.match(findings[0].message, /install -m 0644 dkms\.conf %\{buildroot\}%\{_usrsrc\}\/%\{module\}-%\{version\}\/`\)$/);
  assert.equal(findings[0].messageId, 'installLeavesOut');
  assert.equal(findings[0].related?.[0].message, 'the sources are copied here');
  assert.equal(findings[0].related?.[0].range.start.line, 15);
});

test(`${RULE}: silent whenever dkms.conf may be there`, () => {
  const silent = [
    // named in %install (from Source1 or written there)
    spec('install -m 0644 Makefile foo.c %{SOURCE1} %{buildroot}%{_usrsrc}/%{module}-%{version}/\nsed -i s/@V@/%{version}/ %{buildroot}%{_usrsrc}/%{module}-%{version}/dkms.conf', '%{_usrsrc}/%{module}-%{version}/'),
    // a glob or a recursive copy of a directory brings what the sources have
    spec('cp -a * %{buildroot}%{_usrsrc}/%{module}-%{version}/', '%{_usrsrc}/%{module}-%{version}/'),
    spec('cp -r src %{buildroot}%{_usrsrc}/%{module}-%{version}/', '%{_usrsrc}/%{module}-%{version}/'),
    spec('cp -a . %{buildroot}%{_usrsrc}/%{module}-%{version}/', '%{_usrsrc}/%{module}-%{version}/'),
    // a loop variable, a build tool, a tarball, a variable destination
    spec('for f in Makefile foo.c; do install -m 0644 $f %{buildroot}%{_usrsrc}/%{module}-%{version}/; done', '%{_usrsrc}/%{module}-%{version}/'),
    spec('install -m 0644 Makefile %{buildroot}%{_usrsrc}/%{module}-%{version}/\n%make_install', '%{_usrsrc}/%{module}-%{version}/'),
    spec('install -m 0644 Makefile %{buildroot}%{_usrsrc}/%{module}-%{version}/\ntar -xf %{SOURCE0} -C %{buildroot}%{_usrsrc}/%{module}-%{version}', '%{_usrsrc}/%{module}-%{version}/'),
    spec('D=%{buildroot}%{_usrsrc}/%{module}-%{version}\ninstall -m 0644 Makefile $D/', '%{_usrsrc}/%{module}-%{version}/'),
    spec('install -m 0644 Makefile foo.c %{buildroot}%{_usrsrc}/%{module}-%{version}/\n./gen-conf.sh > %{buildroot}%{_usrsrc}/%{module}-%{version}/x', '%{_usrsrc}/%{module}-%{version}/'),
    // %files names it, or a glob that matches it, or a list file we cannot read
    spec('', '%{_usrsrc}/%{module}-%{version}/Makefile\n%{_usrsrc}/%{module}-%{version}/dkms.conf'),
    spec('', '%{_usrsrc}/%{module}-%{version}/Makefile\n%{_usrsrc}/%{module}-%{version}/*.conf'),
    spec('', '%{_usrsrc}/%{module}-%{version}/Makefile\n%{_usrsrc}/%{module}-%{version}/*'),
    spec('', '%{_usrsrc}/%{module}-%{version}/Makefile\n%{_usrsrc}/%{unknown_dir}'),
    spec('', '%dir %{_usrsrc}/%{module}-%{version}').replace('%files\n', '%files -f files.list\n'),
    // only the directory itself
    spec('', '%dir %{_usrsrc}/%{module}-%{version}'),
    // dkms is told where the conf is
    spec('install -m 0644 Makefile foo.c %{buildroot}%{_usrsrc}/%{module}-%{version}/', '%{_usrsrc}/%{module}-%{version}/').replace('dkms install %{module}/%{version}', 'dkms add %{module}/%{version} -c /etc/foo/dkms.conf'),
  ];
  for (const text of silent) assert.deepEqual(lintText(text, { rules: [RULE] }), [], text);
  // not a DKMS package
  const plain = spec('', '%{_usrsrc}/%{module}-%{version}/Makefile').replace('Requires: dkms\n', '').replace('dkms install %{module}/%{version} || :', 'true');
  assert.deepEqual(lintText(plain, { rules: [RULE] }), []);
});

test(`${RULE}: another package of the spec may ship the dkms.conf`, () => {
  const text = spec('', '%{_usrsrc}/%{module}-%{version}/Makefile') + '%package common\nSummary: Common\n%files common\n%{_usrsrc}/%{module}-%{version}/dkms.conf\n';
  assert.deepEqual(lintText(text, { rules: [RULE] }), []);
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings(`# Grüße ✓
${spec('', `%{_usrsrc}/%{module}-%{version}/Makefile
#<- ${RULE}`)}`, { rules: [RULE], crlf: true });
});

test(`${RULE}: the fixture package (dkms.conf copied by name, then forgotten in %files)`, () => {
  const file = path.join(__dirname, '..', '..', '..', 'test', 'fixtures', 'dkms', 'specs', 'forgets-dkms-conf.spec');
  const text = fs.readFileSync(fs.existsSync(file) ? file : path.join('test', 'fixtures', 'dkms', 'specs', 'forgets-dkms-conf.spec'), 'utf8');
  assertFindings(text, { rules: [RULE] });
});

testDocExamples(RULE);
