import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allMacros, lookupMacro, macroValue, macroDefinition, isMacroDefined, PROFILES } from '../../server/src/service/catalog/index';
import { sharedDir, SHARED_MISSING } from '../helpers/fixtures';
import { releaseOf } from '../../server/src/service/catalog/releases';
import { compareWithTable, parseMacroTable, TABLE_CORRECTIONS } from './macroTable';

const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/catalog');
const fixture = (name: string) => fs.readFileSync(path.join(fs.existsSync(FIXTURES) ? FIXTURES : path.resolve('test/fixtures/catalog'), name), 'utf8');

test('catalog is large, names are unique and well-formed', () => {
  const all = allMacros();
  assert.ok(all.length >= 240, `only ${all.length} entries`);
  const names = all.map((m) => m.name);
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.match(n, /^[A-Za-z_]\w*$/);
});

test('every entry has a description and a value, definition, or a stated reason for having none', () => {
  for (const m of allMacros()) {
    assert.ok(m.description.trim().length > 10, `${m.name}: description`);
    const hasValue = Object.keys(m.values).length > 0 || Object.keys(m.definitions).length > 0;
    const marked = m.kind === 'function' || m.kind === 'conditional' || m.kind === 'files' || m.parametric || !!m.valueless;
    assert.ok(hasValue || marked, `${m.name}: no profile value and not marked as valueless`);
    if (!hasValue && m.kind !== 'function' && m.kind !== 'conditional') assert.ok(m.valueless, `${m.name}: needs a valueless reason`);
    for (const p of Object.keys(m.values)) assert.ok(m.definedOn.includes(p as never), `${m.name}: value on ${p} but not defined there`);
    for (const x of m.preferInstead) assert.ok(lookupMacro(x.macro), `${m.name}: preferInstead ${x.macro} is not in the catalog`);
  }
});

test('definitions expand to the recorded values', () => {
  assert.equal(macroValue('_libdir', 'fedora'), '/usr/lib64');
  assert.equal(macroDefinition('_libdir', 'fedora'), '%{_exec_prefix}/%{_lib}');
  assert.equal(macroValue('_sbindir', 'fedora'), '/usr/bin');
  assert.equal(macroValue('_sbindir', 'rhel'), '/usr/sbin');
  assert.equal(macroValue('_docdir', 'opensuse'), '/usr/share/doc/packages');
  assert.equal(macroValue('_pkgdocdir', 'fedora'), '/usr/share/doc/%{name}');
  assert.equal(macroValue('_isa', 'rhel'), '(x86-64)');
  // go-srpm-macros (go-rpm-macros' macros.go-srpm).
  assert.equal(macroValue('gopath', 'fedora'), '/usr/share/gocode');
  assert.equal(macroValue('gopath', 'opensuse'), undefined);
  assert.equal(macroValue('_initddir', 'fedora'), '/etc/rc.d/init.d');
  assert.equal(macroValue('_unitdir', 'generic'), undefined);
  assert.equal(macroValue('make_install', 'generic'), undefined, 'depends on %{buildroot} (getenv)');
  assert.equal(macroValue('nil', 'mageia'), '');
  assert.equal(macroValue('ix86', 'fedora'), 'i386 i486 i586 i686 pentium3 pentium4 athlon geode');
  assert.equal(macroValue('python3_sitearch', 'rhel'), '/usr/lib64/python3.12/site-packages', 'rhel is its newest release, EL 10');
  assert.equal(macroValue('python3_sitearch', releaseOf('rhel-9')), '/usr/lib64/python3.9/site-packages');
});

test('lookup accepts %-forms and numbered names; py_sitedir points Fedora users at python3_sitearch', () => {
  assert.equal(lookupMacro('%{_libdir}')?.name, '_libdir');
  assert.equal(lookupMacro('%?dist')?.name, 'dist');
  assert.equal(lookupMacro('SOURCE12')?.name, 'SOURCE');
  assert.equal(lookupMacro('PATCH3')?.name, 'PATCH');
  assert.equal(lookupMacro('SOURCEx'), undefined);
  const py = lookupMacro('py_sitedir')!;
  assert.ok(py.preferInstead.some((p) => p.macro === 'python3_sitearch'));
  assert.equal(isMacroDefined('py_sitedir', 'fedora'), false);
  assert.equal(isMacroDefined('suse_version', 'opensuse'), true);
  assert.equal(isMacroDefined('basename', 'generic'), true);
});

test('arch-independent directories never live under %{_libdir}', () => {
  for (const n of ['_unitdir', '_udevrulesdir', '_tmpfilesdir', '_sysusersdir', '_modprobedir', '_modulesloaddir', '_presetdir', '_firmwarepath']) {
    for (const p of PROFILES) {
      const v = macroValue(n, p);
      if (v !== undefined) assert.ok(!v.startsWith('/usr/lib64'), `${n} on ${p}: ${v}`);
    }
  }
});

test('table check: hand-made sample agrees with the catalog', () => {
  assert.deepEqual(compareWithTable(parseMacroTable(fixture('rpm-macros-sample.tsv')), lookupMacro), []);
});

test('table check: deliberately wrong rows are all reported', () => {
  const problems = compareWithTable(parseMacroTable(fixture('rpm-macros-wrong.tsv')), lookupMacro);
  const has = (s: string) => assert.ok(problems.some((p) => p.includes(s)), `expected a problem mentioning ${s}:\n${problems.join('\n')}`);
  has('_libdir [generic]');
  has('_unitdir [generic]');
  has('dist [fedora]');
  has('systemd_post [opensuse]');
  has('optflags [fedora]');
  has('no_such_macro_xyz: missing');
  assert.equal(problems.length, 6, problems.join('\n'));
});

test('every value in shared/reference/rpm-macros.tsv matches the catalog', (t) => {
  const shared = sharedDir();
  if (!shared) {
    t.skip(SHARED_MISSING);
    return;
  }
  const rows = parseMacroTable(fs.readFileSync(path.join(shared, 'reference/rpm-macros.tsv'), 'utf8'));
  assert.ok(rows.length > 100);
  const problems = compareWithTable(rows, lookupMacro, TABLE_CORRECTIONS);
  assert.deepEqual(problems, [], problems.join('\n'));
});
