// How distributions package out-of-tree kernel modules, and the macros a kernel-module spec
// defines for the tools to read. Facts from the tools' own files and the distributions'
// packaging documents (named in `source`), in our own words.
import type { DistroId } from '../types';

/** A macro the spec itself defines for a kernel-module tool to read (not a distribution macro). */
export interface ToolInputMacro {
  name: string;
  readBy: string;
  description: string;
  source: string;
}

const KMODTOOL_SOURCE = 'kmodtool (print_akmodtemplate and its options), RPM Fusion / Fedora kmodtool package';

export const TOOL_INPUT_MACROS: readonly ToolInputMacro[] = [
  { name: 'AkmodsBuildRequires', readBy: 'kmodtool --akmod', description: 'Extra packages the akmod-NAME package requires, so that akmods can rebuild the module on the user\'s machine (the template adds `Requires: %{AkmodsBuildRequires}` when it is defined).', source: KMODTOOL_SOURCE },
  { name: 'buildforkernels', readBy: 'RPM Fusion kmod specs, passed to kmodtool as --%{buildforkernels}', description: 'Which kernels the kmod is built for: `akmod` (only the akmod-NAME package, built on the user\'s machine), `newest` or `current` (kmod-NAME-<kernel> packages for those kernels).', source: KMODTOOL_SOURCE },
  { name: 'kernels', readBy: 'RPM Fusion kmod specs, passed to kmodtool as --for-kernels', description: 'An explicit list of kernel releases (`uname -r` form) to build kmod-NAME-<kernel> packages for, usually given with --define on the rpmbuild command line.', source: KMODTOOL_SOURCE },
  { name: 'kmod_name', readBy: 'kABI-tracking kmod specs (Red Hat driver update packages, ELRepo)', description: 'By convention the module\'s name in RHEL-style kmod specs: `Name: kmod-%{kmod_name}` or `%kernel_module_package -n %{kmod_name}`; the spec defines it, no tool sets it.', source: 'Red Hat/ELRepo kmod spec templates' },
];

export function lookupToolInputMacro(name: string): ToolInputMacro | undefined {
  return TOOL_INPUT_MACROS.find((m) => m.name === name);
}

/** How a distribution ships out-of-tree kernel modules, for the profiles where DKMS packages are not its way. */
export interface KernelModulePolicy {
  distro: DistroId;
  /** The distribution's name as shown in messages. */
  label: string;
  /** One sentence: what the distribution does instead of DKMS packages. */
  convention: string;
  source: string;
}

export const KERNEL_MODULE_POLICIES: readonly KernelModulePolicy[] = [
  {
    distro: 'fedora',
    label: 'Fedora',
    convention: 'Fedora does not accept packages that carry kernel modules outside the kernel package, in source (DKMS) or binary form (add-on module packages were removed before Fedora 9); third-party repositories such as RPM Fusion build kmod packages with kmodtool and akmod packages that akmods rebuilds for each new kernel',
    source: 'Fedora wiki Packaging/KernelModules; RPM Fusion Packaging/KernelModules/Kmods2 and Guidelines',
  },
  {
    distro: 'rhel',
    label: 'RHEL',
    convention: 'RHEL ships no DKMS packages and its kernel-module packaging is kABI-tracking kmod packages built with %kernel_module_package (kernel-rpm-macros, kmodtool), as Red Hat driver update packages and ELRepo do; dkms itself comes from EPEL',
    source: 'Fedora/RHEL kernel-srpm-macros (macros.kmp, kmodtool); Red Hat Driver Update Program; ELRepo kmod packages',
  },
  {
    distro: 'opensuse',
    label: 'openSUSE',
    convention: 'openSUSE and SLE package external kernel modules as Kernel Module Packages (KMPs) built with %suse_kernel_module_package / %kernel_module_package, one NAME-kmp-FLAVOR package per kernel flavor that keeps working through kABI-compatible kernel updates',
    source: 'SUSE Kernel Module Packages Manual; openSUSE kernel-source rpm/macros.kernel-source; SUSE KB 7017997',
  },
];

export function kernelModulePolicy(distro: DistroId): KernelModulePolicy | undefined {
  return KERNEL_MODULE_POLICIES.find((p) => p.distro === distro);
}
