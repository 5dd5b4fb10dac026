// Code lenses (per-profile liveness of %if arms and build conditionals) and signature help.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { specCodeLenses } from '../../server/src/service/features/codeLens';
import { specSignatureHelp } from '../../server/src/service/features/signatureHelp';
import { parseSpec } from '../../server/src/service/specfile/parser';

/** The offset of `|` in the text (removed). */
function cursor(text: string): { doc: ReturnType<typeof parseSpec>; offset: number } {
  const offset = text.indexOf('|');
  return { doc: parseSpec(text.slice(0, offset) + text.slice(offset + 1)), offset };
}

describe('code lens', () => {
  const doc = parseSpec(['%bcond_without docs', '%bcond x11 %{undefined rhel}', 'Name: a', '%if 0%{?fedora}', 'Requires: f', '%elif 0%{?suse_version}', 'Requires: s', '%else', 'Requires: o', '%endif', '%if %(echo 1)', '%endif', ''].join('\n'));
  const lenses = specCodeLenses(doc);

  it('says on which profiles each arm is live', () => {
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l]));
    assert.equal(byLine.get(3)!.title, 'live: Fedora · dead: RHEL, openSUSE, Mageia, generic rpm');
    assert.equal(byLine.get(5)!.title, 'live: openSUSE · dead: Fedora, RHEL, Mageia, generic rpm');
    assert.equal(byLine.get(7)!.title, 'live: RHEL, Mageia, generic rpm · dead: Fedora, openSUSE');
    assert.equal(byLine.get(10)!.title, 'unknown on every profile (not decidable statically)');
  });

  it('says on which profiles a build conditional is on', () => {
    const byLine = new Map(lenses.map((l) => [l.range.start.line, l]));
    assert.equal(byLine.get(0)!.title, '%{with docs} on on every profile');
    assert.equal(byLine.get(1)!.profiles.rhel, 'dead');
    assert.equal(byLine.get(1)!.profiles.fedora, 'live');
    assert.match(byLine.get(1)!.title, /^%\{with x11\} on: Fedora, openSUSE, Mageia, generic rpm · off: RHEL$/);
  });
});

describe('signature help', () => {
  it('%autosetup: options from the catalog, the active one is the option being written', () => {
    const { doc, offset } = cursor('Name: a\n%prep\n%autosetup -p1 -n foo|\n');
    const h = specSignatureHelp(doc, offset, 'fedora')!;
    const sig = h.signatures[0];
    assert.match(sig.label, /^%autosetup \[-p N\] \[-n dir\]/);
    const [s, e] = sig.parameters[h.activeParameter].label;
    assert.match(sig.label.slice(s, e), /^\[-n /);
  });

  it('%patch, %ldconfig_scriptlets, %cmake, %pyproject_save_files', () => {
    for (const [line, re] of [['%patch -P 1 |', /^%patch .*\[N\.\.\.\]$/], ['%ldconfig_scriptlets |', /^%ldconfig_scriptlets \[-n name\] \[SUBPACKAGE\]$/], ['%cmake -DX=1 |', /^%cmake \[ARGUMENT\.\.\.\]$/], ['%pyproject_save_files -l |', /MODULE_GLOB\.\.\.$/]] as const) {
      const { doc, offset } = cursor(`Name: a\n%build\n${line}\n`);
      assert.match(specSignatureHelp(doc, offset, 'fedora')!.signatures[0].label, re, line);
    }
  });

  it("a file's own parametric macro", () => {
    const { doc, offset } = cursor('%define mymacro(ab:) echo %1\nName: a\n%build\n%mymacro -b |\n');
    const h = specSignatureHelp(doc, offset, 'fedora')!;
    assert.equal(h.signatures[0].label, '%mymacro [-a] [-b ARG] [ARG...]');
    assert.equal(h.activeParameter, 1);
  });

  it('dkms subcommands in scriptlets; nothing on plain text', () => {
    const { doc, offset } = cursor('Name: a\n%post\ndkms install -m foo |\n');
    const h = specSignatureHelp(doc, offset, 'fedora')!;
    assert.match(h.signatures[0].label, /^dkms install /);
    const plain = cursor('Name: a\n%description\nSome |text\n');
    assert.equal(specSignatureHelp(plain.doc, plain.offset, 'fedora'), undefined);
  });
});
