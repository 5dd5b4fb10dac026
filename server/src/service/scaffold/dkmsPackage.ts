// The files of a new DKMS kernel-module package, for VS Code's "New DKMS Package…" and the CLI's
// `specwright new dkms`. Pure (no vscode, no fs):
// the command asks the questions and writes what this returns; test/client/scaffold.test.ts lints it.

/**
 * How dkms builds the module: kbuild runs the kernel's build system on the sources; cmake runs a
 * CMake project that drives Kbuild (CMake cannot compile kernel code itself); custom is any MAKE
 * command.
 */
export type BuildCommand = { kind: 'kbuild' } | { kind: 'cmake' } | { kind: 'custom'; command: string };

export interface DkmsPackageOptions {
  /** Module (and source tree) name, e.g. `acme-wifi`. The package is `<module>-dkms`. */
  module: string;
  /** Upstream version of the module sources, e.g. `1.0.0`. */
  version: string;
  build: BuildCommand;
  /** For the %changelog entry; defaults to now. */
  date?: Date;
  /** `Name <email>` for the %changelog entry. */
  packager?: string;
}

export interface ScaffoldFile {
  /** Relative to the target folder, `/`-separated. */
  path: string;
  content: string;
}

export interface DkmsPackage {
  /** The package folder, relative to the target folder: `<module>-dkms`. */
  folder: string;
  /** The spec file's path (relative to the target folder): the one to open afterwards. */
  specPath: string;
  files: ScaffoldFile[];
}

export const DEFAULT_PACKAGER = 'Packager Name <packager@example.org>';

/** Lower-case letters, digits, `-` and `_`, starting with a letter or digit (a valid rpm and dkms name). */
export function validateModuleName(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter the module name, e.g. acme-wifi.';
  if (v.length > 64) return 'At most 64 characters.';
  if (!/^[a-z0-9]/.test(v)) return 'Start with a lower-case letter or a digit.';
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(v)) return 'Use lower-case letters, digits, "-" and "_" only (it becomes a package, a directory and a kernel module name).';
  if (/-dkms$/.test(v)) return 'Leave out the "-dkms" suffix: the package is named <module>-dkms.';
  return undefined;
}

/** An rpm Version: no `-` (it separates version and release), no spaces; starts with a digit. */
export function validateVersion(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter the version of the module sources, e.g. 1.0.0.';
  if (v.includes('-')) return 'No "-" in an rpm version (it separates version and release); use "." or "~".';
  if (!/^[0-9][0-9A-Za-z._+~^]*$/.test(v)) return 'Start with a digit; use letters, digits and . _ + ~ ^ only.';
  return undefined;
}

/** A custom MAKE command: one line, no double quotes (dkms.conf values are double-quoted). */
export function validateBuildCommand(value: string): string | undefined {
  const v = value.trim();
  if (!v) return 'Enter the build command, e.g. make -C src KVER=$kernelver.';
  if (/[\r\n]/.test(v)) return 'One line only.';
  if (v.includes('"')) return 'No double quotes: the command is stored in a double-quoted dkms.conf value (use single quotes).';
  return undefined;
}

/** The kernel module's name: kbuild turns `-` into `_` in module names. */
export function kernelModuleName(module: string): string {
  return module.replace(/-/g, '_');
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `Tue Mar 04 2025`, the %changelog date format. */
export function changelogDate(d: Date): string {
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, '0')} ${d.getFullYear()}`;
}

/** The MAKE[0] value: kbuild against the kernel dkms builds for (not the running one). */
export function makeCommand(build: BuildCommand): string {
  if (build.kind === 'custom') return build.command.trim();
  // dkms appends CC=clang / LD=ld.lld for kernels built with LLVM: after `--` they reach make,
  // which hands them on to Kbuild (MAKEFLAGS). The generator is fixed because a CMAKE_GENERATOR
  // of the user's (Ninja) would not take them.
  if (build.kind === 'cmake') return "cmake -S . -B _cmake -G 'Unix Makefiles' -DKERNEL_DIR=${kernel_source_dir} && cmake --build _cmake --";
  return 'make -C ${kernel_source_dir} M=${dkms_tree}/${PACKAGE_NAME}/${PACKAGE_VERSION}/build modules';
}

export function generateDkmsPackage(options: DkmsPackageOptions): DkmsPackage {
  const module = options.module.trim();
  const version = options.version.trim();
  const problem = validateModuleName(module) ?? validateVersion(version) ?? (options.build.kind === 'custom' ? validateBuildCommand(options.build.command) : undefined);
  if (problem) throw new Error(problem);
  const kmod = kernelModuleName(module);
  const folder = `${module}-dkms`;
  const date = changelogDate(options.date ?? new Date());
  const packager = (options.packager ?? DEFAULT_PACKAGER).trim() || DEFAULT_PACKAGER;
  const tarball = `${module}-${version}.tar.gz`;

  const spec = `# ${module} kernel module, built on the target machine by DKMS.
# The sources are in src/; dkms.conf is shipped next to them. rpmbuild looks for Source0 by its
# file name, so the package builds from a local tarball until the URL is real:
#   tar -czf ${tarball} --transform 's,^src,${module}-${version},' src
#   rpmbuild -bb --define "_sourcedir $PWD" ${folder}.spec
%global module ${module}

Name:           %{module}-dkms
Version:        ${version}
Release:        1%{?dist}
Summary:        DKMS source for the ${module} kernel module
License:        GPL-2.0-only
URL:            https://example.org/%{module}
Source0:        %{url}/archive/v%{version}/%{module}-%{version}.tar.gz
Source1:        dkms.conf
# Only sources are packaged: dkms compiles them for each installed kernel.
BuildArch:      noarch

Requires:       dkms
Requires:       kernel-devel
Requires:       gcc
Requires:       make
${options.build.kind === 'cmake' ? 'Requires:       cmake\n' : ''}Requires(post): dkms
Requires(preun): dkms

%description
Sources of the ${module} kernel module, built and installed by DKMS for each
installed kernel.

%prep
%autosetup -n %{module}-%{version}
cp -p %{SOURCE1} .

%build
# Nothing to build here: dkms builds the module for each kernel on the target system.

%install
mkdir -p %{buildroot}%{_usrsrc}/%{module}-%{version}
cp -a dkms.conf ${options.build.kind === 'cmake' ? 'CMakeLists.txt Kbuild' : 'Makefile'} ./*.c %{buildroot}%{_usrsrc}/%{module}-%{version}/

%post
# Register the sources with DKMS unless this version is registered already (a reinstall, or an
# update that keeps the version), then build and install the module for the running kernel.
# A failed build must not fail the transaction.
if [ -z "$(dkms status -m %{module} -v %{version} 2>/dev/null)" ]; then
    dkms add -m %{module} -v %{version} -q || :
fi
dkms build -m %{module} -v %{version} -q || :
dkms install -m %{module} -v %{version} -q || :

%preun
# $1 = instances of this package left afterwards: 0 on erase, 1 on upgrade.
# Erase: unregister this version from every kernel. Upgrade: the new package's %%post has run
# already. If it brought another version, ours loses its sources with this package, so
# unregister it; if the version is unchanged (release bump, reinstall) the registration now
# belongs to the new package and must stay.
if [ "$1" -eq 0 ] || [ "$(dkms status -m %{module} 2>/dev/null | wc -l)" -gt "$(dkms status -m %{module} -v %{version} 2>/dev/null | wc -l)" ]; then
    dkms remove -m %{module} -v %{version} --all -q || :
fi

%files
%{_usrsrc}/%{module}-%{version}/

%changelog
* ${date} ${packager} - ${version}-1
- Initial package
`;

  const dkmsConf = `# dkms.conf for ${module} (installed to /usr/src/${module}-${version}/ by ${folder})
PACKAGE_NAME="${module}"
PACKAGE_VERSION="${version}"

BUILT_MODULE_NAME[0]="${kmod}"
DEST_MODULE_LOCATION[0]="/updates/dkms"

MAKE[0]="${makeCommand(options.build)}"

AUTOINSTALL="yes"
`;

  const makefile = `# Kbuild makefile for the ${kmod} module. dkms runs:
#   ${makeCommand(options.build).replace(/\$\{(\w+)\}/g, '$$$1')}
# By hand: make -C /lib/modules/$(uname -r)/build M=$PWD modules
obj-m += ${kmod}.o

KDIR ?= /lib/modules/$(shell uname -r)/build

all:
\t$(MAKE) -C $(KDIR) M=$(CURDIR) modules

clean:
\t$(MAKE) -C $(KDIR) M=$(CURDIR) clean
`;

  const kbuildFile = `# Kbuild file for the ${kmod} module: the kernel's build system reads it when CMakeLists.txt runs
# make -C <kernel build tree> M=<this folder> modules.
obj-m += ${kmod}.o
`;

  const cmakeLists = `# Builds the ${kmod} kernel module. CMake cannot compile kernel code itself: the module is built
# by the kernel's own build system (Kbuild, from the Kbuild file here), which this project runs:
#   make -C <kernel build tree> M=<this folder> modules
# dkms runs (MAKE[0] in dkms.conf), for the kernel it builds for:
#   ${makeCommand({ kind: 'cmake' }).replace(/\$\{(\w+)\}/g, '$$$1')}
# By hand, for the running kernel: cmake -S . -B _cmake && cmake --build _cmake
cmake_minimum_required(VERSION 3.13)
project(${kmod} NONE)

execute_process(COMMAND uname -r OUTPUT_VARIABLE RUNNING_KERNEL OUTPUT_STRIP_TRAILING_WHITESPACE)
set(KERNEL_DIR "/lib/modules/\${RUNNING_KERNEL}/build" CACHE PATH "Build tree of the kernel to build for (dkms passes its kernel_source_dir)")
if(NOT EXISTS "\${KERNEL_DIR}/Makefile")
  message(FATAL_ERROR "No kernel build tree at \${KERNEL_DIR}: install the kernel headers (kernel-devel) or pass -DKERNEL_DIR=<dir>")
endif()
find_program(MAKE_PROGRAM NAMES gmake make)
if(NOT MAKE_PROGRAM)
  message(FATAL_ERROR "make is needed to run the kernel's build system")
endif()

set(KBUILD \${MAKE_PROGRAM} -C \${KERNEL_DIR} M=\${CMAKE_CURRENT_SOURCE_DIR})
add_custom_command(
  OUTPUT \${CMAKE_CURRENT_SOURCE_DIR}/${kmod}.ko
  COMMAND \${KBUILD} modules
  DEPENDS \${CMAKE_CURRENT_SOURCE_DIR}/${kmod}.c \${CMAKE_CURRENT_SOURCE_DIR}/Kbuild
  WORKING_DIRECTORY \${CMAKE_CURRENT_SOURCE_DIR}
  COMMENT "Kbuild: ${kmod}.ko for \${KERNEL_DIR}"
  VERBATIM)
add_custom_target(module ALL DEPENDS \${CMAKE_CURRENT_SOURCE_DIR}/${kmod}.ko)
add_custom_target(kbuild-clean COMMAND \${KBUILD} clean VERBATIM)
`;

  const source = `// SPDX-License-Identifier: GPL-2.0-only
/* ${kmod}: placeholder kernel module generated by Specwright. */
#include <linux/init.h>
#include <linux/module.h>

static int __init ${kmod}_init(void)
{
\tpr_info("${kmod}: loaded\\n");
\treturn 0;
}

static void __exit ${kmod}_exit(void)
{
\tpr_info("${kmod}: unloaded\\n");
}

module_init(${kmod}_init);
module_exit(${kmod}_exit);

MODULE_LICENSE("GPL");
MODULE_VERSION("${version}");
MODULE_DESCRIPTION("${module} kernel module");
`;

  return {
    folder,
    specPath: `${folder}/${folder}.spec`,
    files: [
      { path: `${folder}/${folder}.spec`, content: spec },
      { path: `${folder}/dkms.conf`, content: dkmsConf },
      ...(options.build.kind === 'cmake'
        ? [{ path: `${folder}/src/CMakeLists.txt`, content: cmakeLists }, { path: `${folder}/src/Kbuild`, content: kbuildFile }]
        : [{ path: `${folder}/src/Makefile`, content: makefile }]),
      { path: `${folder}/src/${kmod}.c`, content: source },
    ],
  };
}
