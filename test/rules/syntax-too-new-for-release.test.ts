import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeProfile } from '../../server/src/service/catalog/profile';
import { testDocExamples } from '../helpers/docs';
import { lintText } from '../helpers/fixtures';
import { ruleTester } from '../helpers/ruleTester';

const rule = 'syntax-too-new-for-release';
const HEAD = 'Name: foo\nVersion: 1\nRelease: 1\nSummary: Foo\nLicense: MIT\n\n%description\nFoo.\n\n';

ruleTester(rule, {
  valid: [
    { name: 'Fedora has every construct', distro: 'fedora', code: `%bcond tests 1\nBuildSystem: cmake\nSourceLicense: MIT\n${HEAD}%prep\n%conf\n%build\n%build -a\necho more\n` },
    { name: 'EL 9.2+ has %bcond (backport)', distro: 'rhel-9', code: `%bcond tests 1\n${HEAD}` },
    { name: 'EL 10 (rpm 4.19) has %conf and SourceLicense', distro: 'rhel-10', code: `SourceLicense: MIT\n${HEAD}%prep\n%conf\n./configure\n` },
    { name: 'a lone -a fragment is the section itself for an old rpm', distro: 'rhel-8', code: `${HEAD}%prep\n%build -a\nmake\n` },
    { name: '%bcond_with works everywhere', distro: 'rhel-8', code: `%bcond_with tests\n%bcond_without docs\n${HEAD}` },
    {
      name: 'constructs in arms that are false on the release are not read by its rpm',
      distro: 'rhel-8',
      code: `%if 0%{?fedora} || 0%{?rhel} >= 10\n%bcond tests 1\nBuildSystem: cmake\n%else\n%bcond_without tests\n%endif\n${HEAD}%prep\n%if 0%{?rhel} > 8\n%conf\n%endif\n%build\n%if 0%{?fedora}\n%build -a\nmore\n%endif\n`,
    },
    {
      name: 'a spec that defines %bcond itself where it is missing (python-rpmautospec)',
      distro: 'rhel-8',
      code: `%if 0%{!?bcond:1}\n%define bcond() %{expand:%%{?_with_%{1}:%%global with_%{1} 1}}\n%endif\n%bcond tests 1\n${HEAD}`,
    },
    { name: '%patch -P N, %patch -PN, %patchN (another rule) and a bare %patch are not this rule\'s', distro: 'rhel-8', code: `${HEAD}%prep\n%patch -P 1 -p1\n%patch -p1 -P1\n%patch2 -p1\n%patch -p1\n# %patch 3\n` },
    { name: '%patch N on EL 9 is left alone (RHEL bug 2161293: a fix was considered, unconfirmed)', distro: 'rhel-9', code: `${HEAD}%prep\n%patch 1 -p1\n` },
    { name: '%patch N works from rpm 4.18 (EL 10, generic)', distro: 'rhel-10', code: `${HEAD}%prep\n%patch 1 -p1\n` },
    {
      name: '%elif where the %if and the %elif are both false on EL 8: both rpms take the %else',
      distro: 'rhel-8',
      code: `%if 0%{?fedora}\n%global x 1\n%elif 0%{?rhel} >= 9\n%global x 2\n%else\n%global x 3\n%endif\n${HEAD}`,
    },
    { name: '%elif in a block inside a false arm is never read', distro: 'rhel-8', code: `%if 0%{?fedora}\n%if 1\nA: b\n%elif 0%{?rhel}\nC: d\n%endif\n%endif\n${HEAD}` },
    { name: '%elif after an %if the profile cannot decide (Lua) is not reported', distro: 'rhel-8', code: `%if %{lua: print(1)}\n%global x 1\n%elif 0%{?rhel}\n%global x 2\n%endif\n${HEAD}` },
    { name: '%elif is known from rpm 4.15 (EL 9)', distro: 'rhel-9', code: `%if 0%{?rhel} >= 8\n%global x 1\n%elif 1\n%global x 2\n%endif\n${HEAD}` },
    { name: '%generate_buildrequires is known on EL 9', distro: 'rhel-9', code: `${HEAD}%prep\n%generate_buildrequires\necho x\n` },
    { name: '%autopatch -v -p1 is fine on EL 8; -m/-M from EL 9 on', distro: 'rhel-8', code: `${HEAD}%prep\n%autopatch -v -p1\n%autopatch -p M\n# %autopatch -M 3\n` },
    { name: '%autopatch -M on EL 9', distro: 'rhel-9', code: `${HEAD}%prep\n%autopatch -p1 -M 99\n` },
    { name: 'generic rpm 4.18 has %conf', distro: 'generic', code: `${HEAD}%prep\n%conf\n./configure\n` },
  ],
  invalid: [
    {
      name: '%bcond on EL 8 and Leap 15.6 (rpm 4.14.3)',
      distro: 'rhel-8',
      code: `%bcond tests 1\n# <- ${rule}:bcond\n${HEAD}`,
      errors: [{ messageId: 'bcond', data: { release: 'EL 8', rpm: '4.14.3' }, line: 0, character: 0, endCharacter: 6 }],
    },
    { name: '%bcond on Leap 15.6', distro: 'opensuse-leap-15.6', code: `${HEAD}%package devel\nSummary: d\n  %bcond x 0\n# ^^^^^^ ${rule}:bcond\n` },
    {
      name: '%conf after %prep on EL 9: part of %prep, whose shell fails',
      distro: 'rhel-9',
      code: `${HEAD}%prep\n%setup -q\n\n%conf\n# <- ${rule}:sectionInScript\n%configure\n`,
      errors: [{ messageId: 'sectionInScript', data: { release: 'EL 9', rpm: '4.16.1.3', previous: 'prep', section: 'conf', since: '4.18' } }],
    },
    {
      name: '%conf right after the preamble / after %description',
      distro: 'rhel-8',
      code: `Name: foo\n%conf\n# <- ${rule}:sectionInPreamble\n%description\nx\n%conf\n# <- ${rule}:sectionInText\n`,
    },
    {
      name: '%conf: the section before it that the old rpm reads is the live one',
      distro: 'rhel-8',
      code: `${HEAD}%prep\n%if 0%{?fedora}\n%changelog\n%endif\n%conf\n# <- ${rule}:sectionInScript\n`,
      errors: [{ messageId: 'sectionInScript', data: { release: 'EL 8', rpm: '4.14.3', previous: 'prep', section: 'conf', since: '4.18' } }],
    },
    {
      // %pyproject_extras_subpkg writes a %package, %description and %files (python-pytest-regressions)
      name: '%conf after a macro line that may open sections: the section is not named',
      distro: 'rhel-9',
      code: `${HEAD}%description doc\nDocs.\n\n%pyproject_extras_subpkg -n python3-foo num\n\n%conf\n# <- ${rule}:sectionUnknown\n`,
    },
    {
      name: '%patch N without -P on EL 8: the fix adds -P before each number',
      distro: 'rhel-8',
      code: `${HEAD}Patch1: a.patch\nPatch2: b.patch\n%prep\n%autosetup -N\n%patch 1 -p1\n# <- ${rule}:patchUnnumbered\n  %patch 2 -b .orig\n# ^^^^^^^^ ${rule}:patchUnnumbered\n%patch -p1 1 2\n# <- ${rule}:patchUnnumbered\n`,
      errors: [
        { messageId: 'patchUnnumbered', data: { n: '1', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'patchUnnumbered', data: { n: '2', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'patchUnnumbered', data: { n: '1', release: 'EL 8', rpm: '4.14.3' } },
      ],
      output: `${HEAD}Patch1: a.patch\nPatch2: b.patch\n%prep\n%autosetup -N\n%patch -P 1 -p1\n  %patch -P 2 -b .orig\n%patch -p1 -P 1 -P 2\n`,
    },
    { name: '%patch N on Leap 15.6 (rpm 4.14.3)', distro: 'opensuse-leap-15.6', code: `${HEAD}%prep\n%patch 0\n# <- ${rule}:patchUnnumbered\n`, output: `${HEAD}%prep\n%patch -P 0\n` },
    {
      name: '%elif after a true %if, a true %elif, %elifarch on EL 8',
      distro: 'rhel-8',
      code: `%if 0%{?rhel}\n%global x 1\n%elif 0%{?fedora}\n# <- ${rule}:elif\n%global x 2\n%endif\n%if 0%{?fedora}\n%global y 1\n%elif 0%{?rhel} == 8\n# <- ${rule}:elif\n%global y 2\n%endif\n%ifarch x86_64\n%global z 1\n%elifarch aarch64\n# <- ${rule}:elif\n%endif\n${HEAD}`,
      errors: [
        { messageId: 'elif', data: { keyword: 'elif', release: 'EL 8', rpm: '4.14.3' }, endCharacter: 5 },
        { messageId: 'elif', data: { keyword: 'elif', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'elif', data: { keyword: 'elifarch', release: 'EL 8', rpm: '4.14.3' } },
      ],
    },
    {
      name: '%generate_buildrequires, %sourcelist and %patchlist on EL 8 (rpm 4.15)',
      distro: 'rhel-8',
      code: `${HEAD}%sourcelist\n# <- ${rule}:sectionInText\na.tar.gz\n%prep\n%autosetup\n%generate_buildrequires\n# <- ${rule}:sectionInScript\n%pyproject_buildrequires\n%conf\n# <- ${rule}:sectionInScript\n./configure\n%patchlist\n# <- ${rule}:sectionUnknown\nfix.patch\n`,
      errors: [
        { messageId: 'sectionInText', data: { section: 'sourcelist', since: '4.15', previous: 'description', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'sectionInScript', data: { section: 'generate_buildrequires', since: '4.15', previous: 'prep', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'sectionInScript', data: { section: 'conf', since: '4.18', previous: 'prep', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'sectionUnknown', data: { section: 'patchlist', since: '4.15', release: 'EL 8', rpm: '4.14.3' } },
      ],
    },
    {
      name: '%autopatch -m/-M on EL 8 and Leap 15.6',
      distro: 'rhel-8',
      code: `${HEAD}%prep\n%autopatch -p1 -M 2000\n#              ^^ ${rule}:autopatchRange\n%autopatch -m2 -p0\n#          ^^^ ${rule}:autopatchRange\n  %autopatch -vM99\n#            ^^^^^ ${rule}:autopatchRange\n`,
      errors: [
        { messageId: 'autopatchRange', data: { flag: '-M', letter: 'M', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'autopatchRange', data: { flag: '-m', letter: 'm', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'autopatchRange', data: { flag: '-M', letter: 'M', release: 'EL 8', rpm: '4.14.3' } },
      ],
    },
    {
      name: 'BuildSystem, BuildOption and SourceLicense on EL 8',
      distro: 'rhel-8',
      code: `Name: foo\nSourceLicense: MIT\n# <- ${rule}:tag\nBuildSystem: cmake\n# <- ${rule}:tag\nBuildOption(conf): -DX=1\n# <- ${rule}:tag\n`,
      errors: [
        { messageId: 'tag', data: { tag: 'SourceLicense', since: '4.18', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'tag', data: { tag: 'BuildSystem', since: '4.20', release: 'EL 8', rpm: '4.14.3' } },
        { messageId: 'tag', data: { tag: 'BuildOption', since: '4.20', release: 'EL 8', rpm: '4.14.3' } },
      ],
    },
    { name: 'BuildSystem on EL 10 and Mageia 9', distro: 'rhel-10', code: `Name: foo\nBuildSystem: cmake\n# <- ${rule}:tag\n` },
    { name: 'BuildSystem on Mageia 9', distro: 'mageia-9', code: `Name: foo\nBuildSystem: cmake\n# <- ${rule}:tag\n` },
    {
      name: '%build -a beside %build on EL 10: a second %build',
      distro: 'rhel-10',
      code: `${HEAD}%build\nmake\n\n%build -a\n#      ^^ ${rule}:augment\necho more\n%install -p\n#        ^^ ${rule}:augment\nmkdir x\n%install\nmake install\n`,
      errors: [
        { messageId: 'augment', data: { flag: '-a', verb: 'append', name: 'build', otherLine: '10', release: 'EL 10', rpm: '4.19.1.1' } },
        { messageId: 'augment', data: { flag: '-p', verb: 'prepend', name: 'install', otherLine: '17', release: 'EL 10', rpm: '4.19.1.1' } },
      ],
    },
    {
      name: 'CRLF-sensitive column: non-ASCII before the option',
      distro: 'generic',
      code: `Name: foo\nSummary: Café\n%prep\n%prep -p\n#     ^^ ${rule}:augment\n`,
    },
  ],
});

testDocExamples(rule, { distro: 'rhel-8' });

test('the rule is silent on the releases whose rpm has the syntax, and reports on each that lacks it', () => {
  const spec = `%bcond tests 1\nBuildSystem: cmake\n${HEAD}%prep\n%conf\n%build\n%build -a\n`;
  const ids = (distro: string) => lintText(spec, { rules: [rule], distro }).map((f) => f.messageId);
  for (const d of ['fedora', 'fedora-43', 'fedora-rawhide', 'opensuse', 'mageia']) assert.deepEqual(ids(d), [], d);
  assert.deepEqual(ids('rhel-10'), ['tag', 'augment']);
  assert.deepEqual(ids('mageia-9'), ['tag', 'augment']);
  assert.deepEqual(ids('generic'), ['tag', 'augment']);
  assert.deepEqual(ids('rhel-9'), ['tag', 'sectionInScript', 'augment']);
  assert.deepEqual(ids('rhel-8'), ['bcond', 'tag', 'sectionInScript', 'augment']);
  assert.deepEqual(ids('opensuse-leap-15.6'), ['bcond', 'tag', 'sectionInScript', 'augment']);
});

test('a project macro file that defines %bcond makes it known', () => {
  const spec = `%bcond tests 1\n${HEAD}`;
  assert.equal(lintText(spec, { rules: [rule], distro: 'rhel-8' }).length, 1);
  const profile = makeProfile('rhel-8', [{ name: 'bcond', parameters: '', body: '%{expand:…}', origin: 'macros.bcond line 1' }]);
  assert.equal(lintText(spec, { rules: [rule], distro: profile }).length, 0);
});
