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

  it('every macro the issue names: %setup, %meson, %py3_build, the %pyproject_* macros that take arguments', () => {
    for (const [section, line, re] of [
      ['%prep', '%setup -q |', /^%setup \[-q\] \[-n dir\] .*\[-a N\] \[-b N\]/],
      ['%build', '%meson -Dx=y |', /^%meson \[ARGUMENT\.\.\.\]$/],
      ['%build', '%py3_build |', /^%py3_build \[ARGUMENT\.\.\.\]$/],
      ['%install', '%py3_install |', /^%py3_install \[ARGUMENT\.\.\.\]$/],
      ['%generate_buildrequires', '%pyproject_buildrequires -x |', /^%pyproject_buildrequires \[-t\] \[-x extras\] \[-r\] \[-R\] \[FILE\.\.\.\]$/],
      ['%build', '%pyproject_wheel |', /^%pyproject_wheel \[ARGUMENT\.\.\.\]$/],
      ['%check', '%pyproject_check_import -t |', /^%pyproject_check_import \[-e glob\] \[-t\] \[MODULE\.\.\.\]$/],
      ['', '%pyproject_extras_subpkg -n python3-a |', /^%pyproject_extras_subpkg \[-n name\] \[-i path\] \[-f file\] \[-F\] EXTRA\.\.\.$/],
    ] as const) {
      const { doc, offset } = cursor(`Name: a\n${section ? `${section}\n` : ''}${line}\n`);
      const h = specSignatureHelp(doc, offset, 'fedora');
      assert.ok(h, line);
      assert.match(h.signatures[0].label, re, line);
    }
    // The active parameter: -x's argument, then the positional part after a complete -n NAME.
    const x = cursor('Name: a\n%generate_buildrequires\n%pyproject_buildrequires -x |\n');
    const hx = specSignatureHelp(x.doc, x.offset, 'fedora')!;
    assert.equal(hx.signatures[0].label.slice(...hx.signatures[0].parameters[hx.activeParameter].label), '[-x extras]');
    const e = cursor('Name: a\n%pyproject_extras_subpkg -n python3-a |\n');
    const he = specSignatureHelp(e.doc, e.offset, 'fedora')!;
    assert.equal(he.signatures[0].label.slice(...he.signatures[0].parameters[he.activeParameter].label), 'EXTRA...');
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
