// Hover on the macros of kernel-module packaging: Fedora/RHEL kmod (kernel-srpm-macros, kmodtool),
// RPM Fusion akmods and openSUSE KMPs, with the source of the facts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DistroId } from '../../server/src/service/index';
import { cursorDoc, service, textAt } from './util';

const PREAMBLE = 'Name: foo-kmod\nVersion: 1.0\nRelease: 1%{?dist}\nSummary: Foo\nLicense: GPL-2.0-only\n';

function hover(source: string, distro: DistroId = 'fedora') {
  const c = cursorDoc(source, {});
  const h = service.hover(c.doc, c.position, { distro });
  return { value: h?.contents.value ?? '', token: h?.range ? textAt(c, h.range) : undefined };
}

describe('hover: kernel module packaging macros', () => {
  it('%suse_kernel_module_package: KMPs, the inverted flavor list, options and the source', () => {
    const { value, token } = hover(`${PREAMBLE}%suse_kernel_mod|ule_package kdump um\n`, 'opensuse');
    assert.equal(token, 'suse_kernel_module_package');
    assert.match(value, /Kernel Module Packages \(KMPs\)/);
    assert.match(value, /flavors given as arguments are the ones left out/);
    assert.match(value, /`-x`: build only the listed flavors/);
    assert.match(value, /\*Source: openSUSE kernel-source rpm\/macros\.kernel-source/);
    // on Fedora it is not defined
    assert.match(hover(`${PREAMBLE}%suse_kernel_mod|ule_package\n`).value, /Not defined on Fedora 45 \(defined on openSUSE\)/);
  });

  it('%kernel_module_package, %flavors_to_build, %kernel_source and the buildreqs', () => {
    assert.match(hover(`${PREAMBLE}%kernel_module_pack|age -n foo\n`, 'rhel').value, /sets %flavors_to_build and %kernel_source\(\)/);
    const flavors = hover(`${PREAMBLE}%build\nfor flavor in %flavors_to_bu|ild; do :; done\n`, 'opensuse').value;
    assert.match(flavors, /the kernel flavors to build the module for/);
    assert.match(hover(`${PREAMBLE}%build\nmake -C %{kernel_sour|ce $flavor}\n`, 'opensuse').value, /\/usr\/src\/linux-obj\/<arch>\/<flavor>/);
    assert.match(hover(`${PREAMBLE}BuildRequires: %kernel_module_package_build|reqs\n`, 'opensuse').value, /modutils, kernel-syms, kmod-compat and suse-kernel-rpm-scriptlets/);
  });

  it('%{kmodtool} and %akmod_install (RPM Fusion akmods)', () => {
    const { value } = hover(`${PREAMBLE}%{expand:%(%{kmod|tool} --target %{_target_cpu} --kmodname %{name} 2>/dev/null)}\n`);
    assert.match(value, /--akmod, an akmod-NAME package that akmods rebuilds/);
    assert.match(hover(`${PREAMBLE}%install\n%{akmod_inst|all}\n`).value, /into %\{_usrsrc\}\/akmods\//);
  });

  it('names the spec defines for kmodtool: defined here, or not', () => {
    const own = hover(`%global AkmodsBuildRequires %{_bindir}/foo\n${PREAMBLE}%description\n%{AkmodsBuild|Requires}\n`).value;
    assert.match(own, /defined in this file/);
    assert.match(own, /Read by kmodtool --akmod: Extra packages the akmod-NAME package requires/);
    const missing = hover(`${PREAMBLE}%global buildforkernels akmod\nName2: %{kmod_na|me}\n`).value;
    assert.match(missing, /\*\*%kmod_name\*\* · read by kABI-tracking kmod specs/);
    assert.match(missing, /Not defined in this file/);
  });
});
