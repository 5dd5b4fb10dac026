import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { commandArgs, commandName } from '../../server/src/service/shell';
import { shellScript, shellScripts, specHereDocs, specShellCommands } from '../../server/src/service/shell/specShell';

const SPEC = `Name: x
Version: 1
%description
make install
%prep
%setup -q
%build
./configure \\
%if %{with foo}
  --enable-foo \\
%endif
  --prefix=/usr
%global x 1
make %{?_smp_mflags} # build it
%dnl make nothing
%install
cat > %{buildroot}/usr/src/x-1/dkms.conf <<EOF
PACKAGE_NAME=x
%if 0
BUILT_MODULE_NAME[0]=x
%endif
EOF
%post -p <lua>
print(1) -- callers used egrep before
%postun -p /bin/bash
dkms remove -m x -v 1 --all || :
%files
/usr/bin/x
%changelog
* Mon Jan 01 2024 A <a@b> - 1-1
- egrep
`;

test('each section carries its body language', () => {
  const doc = parseSpec(SPEC);
  assert.deepEqual(doc.sections.map((s) => `${s.name}:${s.bodyLanguage}`), [
    'preamble:text', 'description:text', 'prep:shell', 'build:shell', 'install:shell', 'post:lua', 'postun:shell', 'files:files', 'changelog:changelog',
  ]);
  assert.equal(parseSpec('%post -p /usr/bin/perl\nprint 1;\n').sections[1].bodyLanguage, 'other-interpreter');
  assert.equal(parseSpec('%triggerin -p /bin/sh -- foo\n:\n').sections[1].bodyLanguage, 'shell');
});

test('shellScript: only shell bodies, spec-only lines left out, continuation kept across %if', () => {
  const doc = parseSpec(SPEC);
  const byName = (n: string) => doc.sections.find((s) => s.name === n)!;
  assert.equal(shellScript(doc, byName('post')), undefined);
  assert.equal(shellScript(doc, byName('description')), undefined);
  const build = shellScript(doc, byName('build'))!;
  assert.equal(shellScript(doc, byName('build')), build, 'cached per parse');
  const cmds = build.commands.map((c) => [commandName(c)?.value, commandArgs(c).map((w) => w.value)]);
  assert.deepEqual(cmds, [['./configure', ['--enable-foo', '--prefix=/usr']], ['make', ['%{?_smp_mflags}']]]);
  // offsets point into the document
  const make = build.commands[1];
  assert.equal(doc.text.slice(make.start, make.end), 'make %{?_smp_mflags}');
  assert.deepEqual(build.comments.map((c) => doc.text.slice(c.start, c.end)), ['# build it']);
  assert.deepEqual(shellScripts(doc).map((s) => s.section.name), ['prep', 'build', 'install', 'postun']);
  assert.deepEqual(specShellCommands(doc, ['scriptlet']).map((c) => [c.section.name, commandName(c)?.value, c.after]), [['postun', 'dkms', '||'], ['postun', ':', ';']]);
});

test('here-documents in spec sections: target, body text and document offsets', () => {
  const doc = parseSpec(SPEC);
  const [h] = specHereDocs(doc);
  assert.equal(h.section.name, 'install');
  assert.equal(h.target?.value, '%{buildroot}/usr/src/x-1/dkms.conf');
  // the %if lines are rpm's: the shell (and dkms) never see them
  assert.equal(h.hereDoc.body, 'PACKAGE_NAME=x\nBUILT_MODULE_NAME[0]=x\n');
  const at = h.hereDoc.body.indexOf('BUILT');
  assert.equal(doc.text.slice(h.hereDoc.offsetAt(at), h.hereDoc.offsetAt(at) + 5), 'BUILT');
  assert.equal(doc.text.slice(h.hereDoc.bodyStart, h.hereDoc.bodyStart + 12), 'PACKAGE_NAME');
  assert.equal(doc.text.slice(h.hereDoc.terminator!.start, h.hereDoc.terminator!.end), 'EOF');
  // body lines are not commands
  assert.deepEqual(shellScript(doc, h.section)!.commands.map((c) => commandName(c)?.value), ['cat']);
});

test('a multi-line macro call opened on a definition line is the definition, not shell', () => {
  const doc = parseSpec('%build\n%global do_build %{expand:\n./configure\nmake\n}\n%do_build\ncat << E-O-F > x\nbody\nE-O-F\nln -s a b\n');
  const build = shellScript(doc, doc.sections[1])!;
  assert.deepEqual(build.commands.map((c) => commandName(c)?.value), ['%do_build', 'cat', 'ln']);
  // a delimiter with dashes ends where it should (it used to swallow the rest of the section)
  assert.equal(build.hereDocs[0].delimiter, 'E-O-F');
  assert.equal(build.hereDocs[0].body, 'body\n');
});
