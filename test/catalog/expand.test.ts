import { releaseOf } from '../../server/src/service/catalog/releases';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expandMacros } from '../../server/src/service/catalog/index';

test('nested catalog macros expand per profile', () => {
  const r = expandMacros('%{_libdir}/foo %_bindir', { distro: 'fedora' });
  assert.equal(r.text, '/usr/lib64/foo /usr/bin');
  assert.equal(r.unresolved, false);
  assert.ok(r.used.includes('_libdir') && r.used.includes('_exec_prefix') && r.used.includes('_lib'));
  assert.equal(expandMacros('%{_sbindir}', { distro: 'fedora' }).text, '/usr/bin');
  assert.equal(expandMacros('%{_sbindir}', { distro: 'opensuse' }).text, '/usr/sbin');
  assert.equal(expandMacros('%{_docdir}', { distro: 'opensuse' }).text, '/usr/share/doc/packages');
});

test('spec definitions win over the catalog', () => {
  const r = expandMacros('%{_libdir}/%{name}', { distro: 'fedora', definitions: { _libdir: '/opt/lib', name: 'hello' } });
  assert.equal(r.text, '/opt/lib/hello');
  assert.equal(r.unresolved, false);
  const m = expandMacros('%{srcname}-%{version}', { definitions: new Map([['srcname', '%{lower:FooBar}'], ['version', '1.2']]) });
  assert.equal(m.text, 'foobar-1.2');
});

test('conditional forms', () => {
  const o = { distro: 'fedora' as const, definitions: { x: 'X' } };
  assert.equal(expandMacros('%{?x:y}', o).text, 'y');
  assert.equal(expandMacros('%{?nope:y}', o).text, '');
  assert.equal(expandMacros('%{!?nope:y}', o).text, 'y');
  assert.equal(expandMacros('%{!?x:y}', o).text, '');
  assert.equal(expandMacros('%{?x}|%{?nope}|%?x', o).text, 'X||X');
  assert.equal(expandMacros('1%{?dist}', { distro: 'fedora' }).text, '1.fc45', 'the family is its newest release');
  assert.equal(expandMacros('1%{?dist}', { release: releaseOf('fedora-44') }).text, '1.fc44');
  assert.equal(expandMacros('1%{?dist}', { release: releaseOf('rhel-8') }).text, '1.el8');
  assert.equal(expandMacros('%{?el8:8}%{?el9:9}%{?el10:10}', { release: releaseOf('rhel-9') }).text, '9');
  assert.equal(expandMacros('%{_libexecdir}', { release: releaseOf('opensuse-leap-15.6') }).text, '/usr/lib');
  assert.equal(expandMacros('%{_libexecdir}', { distro: 'opensuse' }).text, '/usr/libexec');
  assert.equal(expandMacros('1%{?dist}', { distro: 'opensuse' }).text, '1');
  assert.equal(expandMacros('0%{?suse_version}', { distro: 'opensuse' }).text, '01699');
  assert.equal(expandMacros('%{?fedora:F}%{?rhel:R}', { distro: 'rhel' }).text, 'R');
  assert.equal(expandMacros('%{?_unitdir:yes}', { distro: 'generic' }).text, '');
});

test('undefined macros stay as written and mark the result unresolved', () => {
  const r = expandMacros('%{foo}/%bar', { distro: 'fedora' });
  assert.equal(r.text, '%{foo}/%bar');
  assert.equal(r.unresolved, true);
  assert.deepEqual(r.used, ['foo', 'bar']);
  assert.equal(expandMacros('%{_unitdir}', { distro: 'generic' }).unresolved, true);
});

test('built-in functions and %{expand:}', () => {
  assert.equal(expandMacros('%{basename:/a/b/c.tar.gz}').text, 'c.tar.gz');
  assert.equal(expandMacros('%{dirname:/a/b/c.tar.gz}').text, '/a/b');
  assert.equal(expandMacros('%{suffix:/a/b/c.tar.gz}').text, 'gz');
  assert.equal(expandMacros('%{upper:abc}%{lower:DEF}%{len:abcd}').text, 'ABCdef4');
  assert.equal(expandMacros('%{basename:%{_libdir}}', { distro: 'rhel' }).text, 'lib64');
  assert.equal(expandMacros('%{expand:%%{_lib}}', { distro: 'rhel' }).text, 'lib64');
  assert.equal(expandMacros('%{defined:_unitdir}%{undefined:_unitdir}', { distro: 'fedora' }).text, '10');
  assert.equal(expandMacros('%{with docs}%{without docs}', { definitions: { with_docs: '1' } }).text, '10');
  assert.equal(expandMacros('100%%').text, '100%');
});

test('recursion bomb is bounded', () => {
  const r = expandMacros('%{a}', { definitions: { a: '%{a}%{a}' } });
  assert.equal(r.unresolved, true);
  assert.ok(r.text.length <= 65536);
  const self = expandMacros('%{b}', { definitions: { b: 'x%{b}' } });
  assert.equal(self.unresolved, true);
  assert.ok(self.text.startsWith('xxxx'));
  assert.ok(self.text.length < 100);
  const wide = expandMacros('%{c}', { definitions: { c: '%{d}%{d}%{d}%{d}', d: 'y'.repeat(30000) } });
  assert.equal(wide.unresolved, true);
  assert.ok(wide.text.length <= 65536);
});

test('shell and Lua forms are never executed; %[expression] is evaluated as rpm evaluates it', () => {
  const expr = expandMacros('%[1 + 2]-%[%{undefined foo} && 2 > 1]');
  assert.equal(expr.text, '3-1');
  assert.equal(expr.unresolved, false);
  assert.equal(expandMacros('%[v"1.0" < v"2.0"]').text, '%[v"1.0" < v"2.0"]');
  for (const s of ['%(rm -rf /)', '%{lua: print("x")}', '%(echo %{name})']) {
    const r = expandMacros(s, { definitions: { name: 'n' } });
    assert.equal(r.text, s);
    assert.equal(r.unresolved, true);
  }
  const mixed = expandMacros('%{_lib}-%(uname -r)', { distro: 'fedora' });
  assert.equal(mixed.text, 'lib64-%(uname -r)');
  assert.equal(mixed.unresolved, true);
  assert.equal(expandMacros('%{getenv:HOME}').unresolved, true);
});

test('parametric macros are left as written', () => {
  const r = expandMacros('%setup -q -n foo', { distro: 'fedora' });
  assert.equal(r.text, '%setup -q -n foo');
  assert.equal(r.unresolved, true);
});
