// The definition model (macroScope) and the structure rpm reads: each case checked against what
// rpm 4.18 does (rpmspec -q / rpm --eval on the same text).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { scopeOf } from '../../server/src/service/specfile/macroScope';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { querySpec } from '../../server/src/service/specfile/rpmQuery';
import { sourceEntries } from '../../server/src/service/specfile/sources';
import type { DistroId } from '../../server/src/service/types';

/** The value rpm would give `%{name}` at the marker `@@` (or at the end). */
function valueAt(src: string, name: string, distro: DistroId = 'generic', defines: [string, string][] = []) {
  const at = src.indexOf('@@');
  const text = src.replace('@@', '');
  const doc = parseSpec(text);
  const x = scopeOf(doc, distro, { defines }).expand(`%{${name}}`, at < 0 ? text.length : at);
  return { text: x.text, uncertain: x.uncertain };
}

describe('definition model: rpm macro semantics', () => {
  const cases: [string, string, string, string][] = [
    ['a use sees only the definitions above it', '@@%define x 1\n', 'x', '%{x}'],
    ['%define expands at use', '%define a %{b}\n%define b 1\n', 'a', '1'],
    ['%global expands at definition', '%define b 1\n%global a %{b}\n%define b 2\n', 'a', '1'],
    ['%global keeps an undefined macro for later', '%global a v%{b}\n%define b 2\n', 'a', 'v2'],
    ['%% in a %global body becomes % and expands at use', '%global a %%{b}\n%define b 3\n', 'a', '3'],
    ['%undefine pops the latest definition', '%define x 1\n%define x 2\n%undefine x\n', 'x', '1'],
    ['a false %if arm defines nothing', '%if 0\n%define x 1\n%else\n%define x 2\n%endif\n', 'x', '2'],
    ['%{!?x:%define x v} defines x when undefined', '%{!?x: %define x v}\n', 'x', 'v'],
    ['%{!?x:…} keeps an earlier x', '%define x w\n%{!?x: %define x v}\n', 'x', 'w'],
    ['tags define %name, %version and %NAME', 'Name: foo\nVersion: 1.2\n', 'NAME', 'foo'],
    ['tag values are expanded where the tag is', '%define v 1\nVersion: %{v}\n%define v 2\n', 'version', '1'],
    ['%bcond_without defines with_x', '%bcond_without docs\n', 'with_docs', '1'],
    ['%bcond_with leaves with_x undefined', '%bcond_with docs\n', 'with_docs', '%{with_docs}'],
    ['%bcond x 1', '%bcond tests 1\n', 'with_tests', '1'],
    ['inline %dnl discards the rest of the line', '%define x a %dnl b\n', 'x', 'a '],
  ];
  for (const [title, src, name, expected] of cases) {
    test(title, () => assert.equal(valueAt(src, name).text, expected));
  }

  test('parametric macros expand with their options and arguments, as rpm does', () => {
    const defs = '%define pkgname(n:p) %{?-p:python3-}%{-n*}%{!?-n:%1}-%#\n%define both() [%*|%**|%0]\n';
    // Checked with rpmspec -q --provides on the same definitions.
    assert.equal(valueAt(`${defs}`, 'pkgname -n foo bar').text, 'foo-1');
    assert.equal(valueAt(`${defs}`, 'pkgname -p baz qux').text, 'python3-baz-2');
    assert.equal(valueAt(`${defs}`, 'both a b').text, '[a b|a b|both]');
    // An option after a plain argument still counts (getopt permutes): rpm 4.18 gives `python3-foo-1`.
    assert.equal(valueAt(`${defs}`, 'pkgname bar -p -n foo').text, 'python3-foo-1');
    // An option the definition does not declare: rpm fails; the value is unknown.
    assert.equal(valueAt(`${defs}`, 'pkgname -z').uncertain, true);
  });

  test('--define turns on %bcond_with (rpm --with)', () => {
    assert.equal(valueAt('%bcond_with docs\n', 'with_docs', 'generic', [['_with_docs', '--with-docs']]).text, '1');
  });

  test('a definition in an unknown arm (%ifarch, shell) is a guess: the value is marked uncertain', () => {
    const arch = valueAt('%ifarch x86_64\n%define x 1\n%else\n%define x 2\n%endif\n', 'x');
    assert.deepEqual(arch, { text: '1', uncertain: true });
    const shell = valueAt('%if %(test -e /x && echo 1 || echo 0)\n%define x 1\n%endif\n', 'x');
    assert.equal(shell.uncertain, true);
    assert.equal(valueAt('%define x 1\n', 'x').uncertain, false);
  });

  test('%if arms are true, false or unknown on the profile', () => {
    const doc = parseSpec('%if 0%{?fedora}\na\n%elif 0%{?rhel}\nb\n%else\nc\n%endif\n%ifarch s390x\nd\n%endif\n%ifos linux\ne\n%endif\n');
    const truths = (d: DistroId) => doc.conditionals.flatMap((b) => b.branches.map((_, k) => scopeOf(doc, d).arm(b.id, k).truth));
    assert.deepEqual(truths('fedora'), ['true', 'false', 'false', 'unknown', 'true']);
    assert.deepEqual(truths('rhel'), ['false', 'true', 'false', 'unknown', 'true']);
    assert.deepEqual(truths('generic'), ['false', 'false', 'true', 'unknown', 'true']);
    // x86_64 is the best guess for %ifarch.
    assert.equal(scopeOf(doc, 'generic').arm(3, 0).taken, false);
  });

  test('%(…) and %{lua:…} are never run: the value stays as written and is uncertain', () => {
    assert.deepEqual(valueAt('%global x %(echo 1)\n', 'x'), { text: '%(echo 1)', uncertain: true });
    assert.deepEqual(valueAt('%global x %{lua: print(1)}\n', 'x'), { text: '%{lua: print(1)}', uncertain: true });
  });
});

describe('structure as rpm reads it', () => {
  test('section headers only in column 0: an indented %install is body text', () => {
    const doc = parseSpec('Name: x\n%build\nmake\n  %install\n%install\n');
    assert.deepEqual(doc.sections.map((s) => s.name), ['preamble', 'build', 'install']);
  });

  test('a second %preun or %build of the same package is known to the model; sibling arms are not duplicates', () => {
    const doc = parseSpec('Name: x\n%build\n%preun\n%build\n%if 0\n%post\n%else\n%post\n%endif\n%preun -n other\n');
    const dup = doc.sections.filter((s) => s.duplicateOf !== undefined).map((s) => `${s.name}<${doc.sections[s.duplicateOf!].headerLine}`);
    assert.deepEqual(dup, ['build<1']);
  });

  test('*Thu Nov 1 2007 (no blank after the star) is a changelog header rpm accepts', () => {
    const doc = parseSpec('%changelog\n*Thu Nov 1 2007 A B <a@b> - 1-1\n- x\n');
    assert.equal(doc.changelog[0].date?.toISOString().slice(0, 10), '2007-11-01');
    assert.equal(doc.changelog[0].evr, '1-1');
  });

  test('an inline %dnl ends the tag value: its words are not dependencies', () => {
    const doc = parseSpec('Requires: foo >= 1 %dnl bar, baz needed by qux\n');
    assert.deepEqual(doc.tags[0].dependencies!.map((d) => d.name), ['foo']);
    assert.equal(doc.tags[0].value, 'foo >= 1');
  });

  test('Source numbering: an unnumbered entry gets the highest number so far plus one; %sourcelist lines are sources', () => {
    const doc = parseSpec('Source10: a\nSource1: b\nSource: c\nPatch: p\n%sourcelist\nd\ne\n%patchlist\nq\n');
    assert.deepEqual(sourceEntries(doc).map((e) => `${e.kind}${e.number}=${e.value}`), ['source10=a', 'source1=b', 'source11=c', 'patch0=p', 'source12=d', 'source13=e', 'patch1=q']);
  });
});

describe('query: what rpm reads that the line structure hides', () => {
  const query = async (text: string, distro: DistroId = 'generic') => querySpec(parseSpec(text), distro);

  test('a line-start macro that expands to a tag is that tag (%{?with_x:BuildRequires: …})', async () => {
    const q = await query('Name: x\n%bcond_without tests\n%bcond_with asio\n%{?with_tests:BuildRequires: CUnit >= 2.1}\n%{?with_asio:BuildRequires: boost-devel}\n');
    assert.deepEqual(q.buildRequires, [{ name: 'CUnit', op: '>=', version: '2.1' }]);
  });

  test('%package header arguments are expanded before -n is read', async () => {
    const q = await query('Name: x\n%global subpkg -n python3-x\n%package %{?subpkg}\nSummary: s\n%description %{?subpkg}\n');
    assert.deepEqual(q.packages.map((p) => p.name), ['x', 'python3-x']);
  });

  test('=> is an operator for rpm; rich dependencies print with single blanks; Requires(interp) is not a requirement', async () => {
    const q = await query('Name: x\nBuildRequires: rubygem(rspec) => 3.0\nRequires: (a   >= 1   with a < 2)\nRequires(interp): /bin/sh-like\n');
    assert.deepEqual(q.buildRequires, [{ name: 'rubygem(rspec)', op: '>=', version: '3.0' }]);
    assert.deepEqual(q.packages[0].requires, [{ name: '(a >= 1 with a < 2)' }]);
  });

  test('%[expression] in a %bcond default is evaluated', async () => {
    const q = await query('Name: x\n%bcond tests %[%{undefined rhel} || 0%{?rhel} < 9]\n%if %{with tests}\nBuildRequires: kyua\n%endif\n');
    assert.deepEqual(q.buildRequires.map((d) => d.name), ['kyua']);
    assert.deepEqual(q.uncertain, []);
  });

  test('pure shell and Lua one-liners give a best guess, never run, and stay uncertain', async () => {
    const q = await query('%global commit 6e3381d07d01714bd6bd2198be83f45230e2f3d0\nName: x\nVersion: %(echo 5.15.18 | cut -d. -f1-2)\nRelease: %{lua:print(macros.commit:sub(1,7))}\nSource0: x-%(c=%{commit}; echo ${c:0:7}).tar.gz\n');
    assert.deepEqual([q.version, q.release, q.sources[0].file], ['5.15', '6e3381d', 'x-6e3381d.tar.gz']);
    assert.deepEqual(q.uncertain.sort(), ['/release', '/sources', '/version']);
  });
});

describe('outline reads the model', () => {
  test('package names as rpm reads them on the profile', () => {
    const text = '%global sub -n python3-%{srcname}\n%global srcname foo\nName: %{srcname}\nVersion: 1\n%package %{sub}\nSummary: s\n%package devel\nSummary: d\n';
    const symbols = createLanguageService().documentSymbols({ uri: 'file:///x.spec', languageId: 'rpm-spec', version: 1, text }, { distro: 'generic' });
    assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [['foo', 'main package'], ['%package %{sub}', 'python3-foo'], ['%package devel', undefined]]);
  });
});
