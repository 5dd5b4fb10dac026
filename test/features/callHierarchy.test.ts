// Call hierarchy of macros across a spec and its %include'd files (service level).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cursorDoc, service } from './util';

const SPEC = `%global commit abc123
%global shortcommit c-%{commit}
%global tarball %{name}-%{shortcommit}.tar.gz
Name: hello
Version: 1
Release: 1
Source0: %{tarb|all}
%description
x
%prep
%setup -q -n hello-%{commit}
%build
make %{?_smp_mflags} COMMIT=%{shortcommit}
%include macros.inc
`;
const INCLUDED = [{ uri: 'file:///fixture/macros.inc', text: '%global helper_dir %{_datadir}/%{tarball}\n%global unused %{helper_dir}/x\n' }];

type Item = ReturnType<typeof service.prepareCallHierarchy>[number];
const names = (calls: { from?: Item; to?: Item; fromRanges: { start: { line: number; character: number } }[] }[]) =>
  calls.map((c) => {
    const item = (c.from ?? c.to)!;
    return `${item.name}@${item.uri.replace(/^.*\//, '')}:${item.range.start.line} [${c.fromRanges.map((r) => `${r.start.line}:${r.start.character}`).join(' ')}]`;
  });

describe('call hierarchy of macros', () => {
  const c = cursorDoc(SPEC);
  const [tarball] = service.prepareCallHierarchy(c.doc, c.position, INCLUDED);

  it('prepare: the macro under the cursor, at its definition', () => {
    assert.equal(tarball.name, '%tarball');
    assert.equal(tarball.uri, 'file:///fixture/test.spec');
    assert.deepEqual([tarball.range.start.line, tarball.selectionRange.start.character, tarball.selectionRange.end.character], [2, 8, 15]);
    assert.equal(tarball.detail, '%global');
  });

  it('outgoing: the macros its body uses, defined or not', () => {
    assert.deepEqual(names(service.outgoingCalls(c.doc, tarball, INCLUDED)), ['%name@test.spec:2 [2:18]', '%shortcommit@test.spec:1 [2:26]']);
    const [name] = service.outgoingCalls(c.doc, tarball, INCLUDED);
    assert.match(name.to.detail ?? '', /not defined by %global or %define/);
  });

  it('incoming: definitions and sections that use it, in the spec and the included file', () => {
    assert.deepEqual(names(service.incomingCalls(c.doc, tarball, INCLUDED)), ['preamble@test.spec:0 [6:11]', '%helper_dir@macros.inc:0 [0:33]']);
    const [commit] = service.prepareCallHierarchy(cursorDoc(SPEC.replace('|', '').replace('%{commit}\n%global tarball', '%{com|mit}\n%global tarball')).doc, { line: 1, character: 26 }, INCLUDED);
    assert.equal(commit.name, '%commit');
    assert.deepEqual(names(service.incomingCalls(c.doc, commit, INCLUDED)), ['%shortcommit@test.spec:1 [1:24]', '%prep@test.spec:9 [10:21]']);
  });

  it('a macro defined in the included file: prepared there; a section item has outgoing calls', () => {
    const helper = service.incomingCalls(c.doc, tarball, INCLUDED)[1].from;
    assert.deepEqual(names(service.incomingCalls(c.doc, helper, INCLUDED)), ['%unused@macros.inc:1 [1:17]']);
    assert.deepEqual(names(service.outgoingCalls(c.doc, helper, INCLUDED)), ['%_datadir@macros.inc:0 [0:21]', '%tarball@test.spec:2 [0:33]']);
    const build = service.incomingCalls(c.doc, service.outgoingCalls(c.doc, tarball, INCLUDED)[1].to, INCLUDED).find((x) => x.from.name === '%build')!;
    assert.deepEqual(names(service.outgoingCalls(c.doc, build.from, INCLUDED)), ['%_smp_mflags@test.spec:12 [12:8]', '%shortcommit@test.spec:1 [12:30]']);
  });

  it('nothing for keywords, built-ins and dkms.conf', () => {
    const setup = cursorDoc('%prep\n%se|tup -q\n');
    assert.deepEqual(service.prepareCallHierarchy(setup.doc, setup.position), []);
    const conf = cursorDoc('PACKAGE_NAME="x|"\n', { languageId: 'dkms-conf' });
    assert.deepEqual(service.prepareCallHierarchy(conf.doc, conf.position), []);
  });
});
