// `specwright query`: what rpm would read from a spec, without running it (JSON and text).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ensureBuilt } from '../helpers/lsp';
import { cli, tempDir } from './helpers';

interface Dep { name: string; op?: string; version?: string }
interface QueryPackage { name: string; summary: string | null; requires: Dep[]; provides: Dep[]; scriptlets: string[]; hasFiles: boolean }
interface Query {
  file: string; name: string | null; epoch: string | null; version: string | null; release: string | null;
  sources: { kind: string; number: number; file: string }[]; sections: string[]; buildRequires: Dep[];
  packages: QueryPackage[]; changelog: { date: string | null; author: string | null; evr: string | null }[]; uncertain: string[];
}

const SPEC = `%{!?dist: %define dist .el8}
%global major 8.5
%bcond_with rename
%if %{with rename}
Name: php%{major}
%else
Name: php
%endif
Version: 1.0
License: MIT
Release: 7%{?dist}
Epoch: 2
Source10: a.tar.gz
Source1: b.tar.gz
Source: %{name}-%{version}.tar.gz
Patch0: fix.patch
Requires: foo >= 1.0, bar %dnl # needed by baz
BuildRequires: (a or b) pkgconfig(x) font(:lang=en)
Summary: The main package
%description
x
%package devel
Summary: Devel
Requires: %{name}%{?_isa} = %{epoch}:%{version}-%{release}
%description devel
d
%if 0%{?fedora}
%package fedora-only
Summary: f
%description fedora-only
f
%endif
%ifarch x86_64
%package extra
Summary: e
%description extra
e
%endif
%prep
%build
%install
%post devel
/sbin/ldconfig
%files
%files devel
%changelog
* Thu Nov 01 2007 A B <a@b> - 1.0-1
- x
`;

let dir: string;
let cleanup: () => void;
let spec: string;

before(() => {
  ensureBuilt();
  ({ dir, cleanup } = tempDir());
  spec = path.join(dir, 'php.spec');
  fs.writeFileSync(spec, SPEC);
});
after(() => cleanup());

function query(args: string[]): Query[] {
  const r = cli(['query', '--format', 'json', ...args]);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as Query[];
}

describe('specwright query --format json', () => {
  it('reads name, epoch, version, release with definitions in file order and %if arms evaluated', () => {
    const [q] = query(['--distro', 'generic', spec]);
    assert.equal(q.file, spec);
    // %bcond_with rename is off: the %else arm's Name is rpm's; the %{!?dist:…} idiom defines dist.
    assert.deepEqual([q.name, q.epoch, q.version, q.release], ['php', '2', '1.0', '7.el8']);
  });

  it('numbers an unnumbered Source as the highest number so far plus one', () => {
    const [q] = query(['--distro', 'generic', spec]);
    assert.deepEqual(q.sources, [
      { kind: 'source', number: 10, file: 'a.tar.gz' },
      { kind: 'source', number: 1, file: 'b.tar.gz' },
      { kind: 'source', number: 11, file: 'php-1.0.tar.gz' },
      { kind: 'patch', number: 0, file: 'fix.patch' },
    ]);
  });

  it('tokenises dependencies as rpm does: commas, operators, rich deps, %dnl comments', () => {
    const [q] = query(['--distro', 'generic', spec]);
    assert.deepEqual(q.packages[0].requires, [{ name: 'foo', op: '>=', version: '1.0' }, { name: 'bar' }]);
    assert.deepEqual(q.buildRequires.map((d) => d.name), ['(a or b)', 'pkgconfig(x)', 'font(:lang=en)']);
    // Upstream rpm defines %_isa on x86_64 as (x86-64).
    assert.deepEqual(q.packages[1].requires, [{ name: 'php(x86-64)', op: '=', version: '2:1.0-7.el8' }]);
  });

  it('leaves packages in false arms out and marks those in unknown arms (%ifarch) uncertain', () => {
    const [q] = query(['--distro', 'generic', spec]);
    assert.deepEqual(q.packages.map((p) => p.name), ['php', 'php-devel', 'php-extra']);
    assert.ok(q.uncertain.includes('/packages'), q.uncertain.join(' '));
    assert.ok(!q.uncertain.includes('/name') && !q.uncertain.includes('/release'), q.uncertain.join(' '));
    const [f] = query(['--distro', 'fedora', spec]);
    assert.ok(f.packages.some((p) => p.name === 'php-fedora-only'));
  });

  it('lists the global sections, scriptlets, %files and the changelog', () => {
    const [q] = query(['--distro', 'generic', spec]);
    assert.deepEqual(q.sections, ['prep', 'build', 'install']);
    assert.deepEqual(q.packages[1].scriptlets, ['post']);
    assert.deepEqual(q.packages.map((p) => p.hasFiles), [true, true, false]);
    assert.deepEqual(q.changelog, [{ date: '2007-11-01', author: 'A B <a@b>', evr: '1.0-1' }]);
  });

  it('--define comes before the spec: it turns on a bcond and sets a macro', () => {
    const [q] = query(['--distro', 'generic', '--define', '_with_rename 1', '--define', 'dist .fc40', spec]);
    assert.equal(q.name, 'php8.5');
    assert.equal(q.release, '7.fc40');
  });

  it('keeps an undefined macro literal, as rpm does, and marks shell values uncertain', (t) => {
    const other = path.join(dir, 'other.spec');
    fs.writeFileSync(other, 'Name: x\nVersion: %(echo 1)\nRelease: %autorelease\nLicense: MIT\nSummary: s\n%description\n');
    t.after(() => fs.rmSync(other));
    const [q] = query(['--distro', 'generic', other]);
    assert.equal(q.version, '%(echo 1)');
    assert.ok(q.uncertain.includes('/version'));
    assert.equal(q.release, '%autorelease');
  });
});

describe('specwright query (text)', () => {
  it('prints NAME-[EPOCH:]VERSION-RELEASE per package, like rpmspec -q', () => {
    const r = cli(['query', '--distro', 'generic', spec]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'php-2:1.0-7.el8\nphp-devel-2:1.0-7.el8\nphp-extra-2:1.0-7.el8\n');
  });

  it('usage errors exit 2; a missing file is reported and exits 2', () => {
    assert.equal(cli(['query', '--format', 'sarif', spec]).status, 2);
    assert.equal(cli(['query', '--define', '1bad', spec]).status, 2);
    const r = cli(['query', path.join(dir, 'missing.spec')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /missing\.spec: error: no such file/);
  });

  it('is in --help', () => {
    assert.match(cli(['--help']).stdout, /query \[options\] PATH/);
  });
});
