// What dkms knows about dkms.conf: its directives, the variables a dkms.conf can use, and the
// dkms command line. Plain data plus lookup functions; used by the dkms.conf rules and later by
// completion and hover. Facts were checked against dkms 3.0.10 (`/usr/sbin/dkms`, `man dkms`)
// and the dell/dkms sources; behaviour that changed in later releases says since which version.
import { editDistance } from '../text/similarity';

/** What a directive's value is, for validation and completion. */
export type DkmsValueKind =
  | 'text'
  | 'version'
  | 'module-name'
  | 'path'
  | 'relative-path'
  | 'patch-file'
  | 'script'
  | 'command'
  | 'regex'
  | 'yes-no'
  | 'config-list'
  | 'kernel-version'
  | 'package-list';

/** Directive arrays whose indices belong together (dkms calls them families). */
export type DkmsIndexFamily = 'module' | 'make' | 'patch';

export interface DkmsDeprecation {
  /** First dkms version that warns about (or ignores) the directive. */
  since: string;
  /** What to do instead, one sentence. */
  instead: string;
}

export interface DkmsDirective {
  name: string;
  /**
   * `true`: an array indexed per record (`NAME[0]=`). `false`: a scalar. Writing a scalar as
   * `NAME[0]=` still works in bash (index 0 is the scalar), so rules only use this for hints.
   */
  indexed: boolean;
  valueKind: DkmsValueKind;
  /**
   * `always`: dkms refuses the file without it. `per-record`: required for every module record
   * (dkms 3.0.x). `multi-module`: required when there is more than one module record.
   */
  required?: 'always' | 'per-record' | 'multi-module';
  family?: DkmsIndexFamily;
  deprecated?: DkmsDeprecation;
  /** First dkms version that reads the directive, when it is recent. */
  since?: string;
  /** What dkms uses when the directive is absent. */
  defaultValue?: string;
  /** A short description (our own words). */
  description: string;
  /** An example assignment, used by completion and hover. */
  example: string;
}

const MODULE_FAMILY_NOTE = 'Records are tied together by index across BUILT_MODULE_NAME, BUILT_MODULE_LOCATION, DEST_MODULE_NAME, DEST_MODULE_LOCATION and STRIP, starting at 0.';

/** Every directive dkms reads from dkms.conf, sorted by name. */
export const DKMS_DIRECTIVES: readonly DkmsDirective[] = [
  {
    name: 'AUTOINSTALL',
    indexed: false,
    valueKind: 'yes-no',
    description:
      'Set to `yes` to have dkms build and install the module automatically for newly installed kernels. dkms 3.0.x treats any non-empty value as yes; dkms 3.1.7 and later accept only `yes`, `no` or an empty value and reject the file otherwise.',
    defaultValue: '(empty: no automatic installation)',
    example: 'AUTOINSTALL="yes"',
  },
  {
    name: 'BUILD_DEPENDS',
    indexed: true,
    valueKind: 'package-list',
    description: 'Other dkms packages (their PACKAGE_NAME, without version) that must be built before this one. Advisory: missing dependencies only produce warnings.',
    example: 'BUILD_DEPENDS[0]="other-module"',
  },
  {
    name: 'BUILD_DEPENDS_REBUILD',
    indexed: false,
    valueKind: 'yes-no',
    since: '3.2.0',
    description: 'Recent dkms only. Set to `yes` to rebuild this package whenever one of its BUILD_DEPENDS packages is rebuilt.',
    example: 'BUILD_DEPENDS_REBUILD="yes"',
  },
  {
    name: 'BUILD_EXCLUSIVE_ARCH',
    indexed: false,
    valueKind: 'regex',
    description: 'A regular expression matched against the target architecture; when it does not match, dkms skips the build (exit status 77).',
    example: 'BUILD_EXCLUSIVE_ARCH="x86_64|aarch64"',
  },
  {
    name: 'BUILD_EXCLUSIVE_CONFIG',
    indexed: false,
    valueKind: 'config-list',
    since: '3.0.11',
    description: 'Space-separated kernel config options that must be enabled (`CONFIG_FOO`) or must not be (`!CONFIG_FOO`) in the target kernel; otherwise the build is skipped.',
    example: 'BUILD_EXCLUSIVE_CONFIG="CONFIG_PCI !CONFIG_FOO"',
  },
  {
    name: 'BUILD_EXCLUSIVE_KERNEL',
    indexed: false,
    valueKind: 'regex',
    description: 'A regular expression (bash `=~`) matched against the target kernel version; when it does not match, dkms skips the build (exit status 77).',
    example: 'BUILD_EXCLUSIVE_KERNEL="^(5\\.1[5-9]|6\\.)"',
  },
  {
    name: 'BUILD_EXCLUSIVE_KERNEL_MAX',
    indexed: false,
    valueKind: 'kernel-version',
    since: '3.0.11',
    description: 'Recent dkms only. The newest kernel version the package may be built for (compared as a version, inclusive).',
    example: 'BUILD_EXCLUSIVE_KERNEL_MAX="6.8"',
  },
  {
    name: 'BUILD_EXCLUSIVE_KERNEL_MIN',
    indexed: false,
    valueKind: 'kernel-version',
    since: '3.0.11',
    description: 'Recent dkms only. The oldest kernel version the package may be built for (compared as a version, inclusive).',
    example: 'BUILD_EXCLUSIVE_KERNEL_MIN="5.10"',
  },
  {
    name: 'BUILT_MODULE_LOCATION',
    indexed: true,
    valueKind: 'relative-path',
    family: 'module',
    defaultValue: '(the top of the build directory)',
    description: `Directory, relative to the build directory, where the built module of this record is found; dkms appends a trailing slash. ${MODULE_FAMILY_NOTE}`,
    example: 'BUILT_MODULE_LOCATION[0]="src/"',
  },
  {
    name: 'BUILT_MODULE_NAME',
    indexed: true,
    valueKind: 'module-name',
    family: 'module',
    required: 'multi-module',
    defaultValue: 'PACKAGE_NAME (only when there is exactly one module record)',
    description: `Name of the module file the build produces, without the \`.ko\`/\`.o\` suffix (dkms rejects the suffix). ${MODULE_FAMILY_NOTE}`,
    example: 'BUILT_MODULE_NAME[0]="mydriver"',
  },
  {
    name: 'CLEAN',
    indexed: false,
    valueKind: 'command',
    deprecated: {
      since: '3.1.8',
      instead: 'Remove it: dkms discards the build directory itself. Keep `CLEAN=true` only if older dkms must not run a failing default clean command (dkms does not warn about `true`).',
    },
    defaultValue: 'make clean (dkms 3.0.x: make -C $kernel_source_dir M=$dkms_tree/$module/$module_version/build clean)',
    description: 'Command that cleans the build directory before and after building. dkms 3.1.8 and later no longer run it and print a deprecation warning unless the value is `true`.',
    example: 'CLEAN="make clean"',
  },
  {
    name: 'DEST_MODULE_LOCATION',
    indexed: true,
    valueKind: 'path',
    family: 'module',
    required: 'per-record',
    description: `Where the module is installed below /lib/modules/$kernelver; must begin with /kernel, /updates or /extra (dkms refuses the file otherwise). Many distributions override it (Fedora and RHEL: /extra, Debian, Ubuntu and Arch: /updates/dkms, SUSE: /updates). ${MODULE_FAMILY_NOTE}`,
    example: 'DEST_MODULE_LOCATION[0]="/updates/dkms"',
  },
  {
    name: 'DEST_MODULE_NAME',
    indexed: true,
    valueKind: 'module-name',
    family: 'module',
    defaultValue: 'BUILT_MODULE_NAME of the same record',
    description: `Name under which the module is installed (renaming the built module), without the \`.ko\`/\`.o\` suffix. ${MODULE_FAMILY_NOTE}`,
    example: 'DEST_MODULE_NAME[0]="mydriver"',
  },
  {
    name: 'MAKE',
    indexed: true,
    valueKind: 'command',
    family: 'make',
    defaultValue: 'make -C $kernel_source_dir M=$dkms_tree/$module/$module_version/build',
    description:
      'Build command. MAKE[0] is the default; MAKE[i] for i > 0 is used only when MAKE_MATCH[i] matches the kernel version (the last match wins). dkms inserts `KERNELRELEASE=$kernelver` (and `-j`) after a leading unquoted `make`; write `\'make\'` to suppress that.',
    example: 'MAKE[0]="make -C $kernel_source_dir M=$dkms_tree/$module/$module_version/build"',
  },
  {
    name: 'MAKE_MATCH',
    indexed: true,
    valueKind: 'regex',
    family: 'make',
    description: 'Regular expression matched against the kernel version; selects MAKE of the same index. MAKE_MATCH[0] is optional and restricts MAKE[0].',
    example: 'MAKE_MATCH[1]="^6\\."',
  },
  {
    name: 'MODULES_CONF',
    indexed: true,
    valueKind: 'text',
    deprecated: { since: '3.0.0', instead: 'Ship a file in /etc/modprobe.d/ (or /usr/lib/modprobe.d/) with the package instead.' },
    description: 'Lines that older dkms added to /etc/modprobe.conf. Ignored since dkms 3.0.0, which prints a deprecation warning.',
    example: 'MODULES_CONF[0]="options mydriver debug=0"',
  },
  {
    name: 'MODULES_CONF_ALIAS_TYPE',
    indexed: true,
    valueKind: 'text',
    deprecated: { since: '3.0.0', instead: 'Remove it; ship a modprobe.d file for aliases.' },
    description: 'Alias type that older dkms wrote to modprobe.conf. Ignored since dkms 3.0.0.',
    example: 'MODULES_CONF_ALIAS_TYPE[0]="eth"',
  },
  {
    name: 'MODULES_CONF_OBSOLETES',
    indexed: true,
    valueKind: 'text',
    deprecated: { since: '3.0.0', instead: 'Remove it; ship a modprobe.d file if aliases must change.' },
    description: 'Modules whose modprobe.conf aliases older dkms replaced. Ignored since dkms 3.0.0.',
    example: 'MODULES_CONF_OBSOLETES[0]="oldname"',
  },
  {
    name: 'MODULES_CONF_OBSOLETE_ONLY',
    indexed: false,
    valueKind: 'yes-no',
    deprecated: { since: '3.0.0', instead: 'Remove it.' },
    description: 'Restricted MODULES_CONF_OBSOLETES handling in older dkms. Ignored since dkms 3.0.0.',
    example: 'MODULES_CONF_OBSOLETE_ONLY="yes"',
  },
  {
    name: 'MOK_CERTIFICATE',
    indexed: false,
    valueKind: 'path',
    description: 'Certificate (public part of the Machine Owner Key) used when signing the built modules.',
    example: 'MOK_CERTIFICATE="/var/lib/dkms/mok.pub"',
  },
  {
    name: 'MOK_SIGNING_KEY',
    indexed: false,
    valueKind: 'path',
    description: 'Private key used to sign the built modules (a file, or a `pkcs11:` URI where sign-file supports it).',
    example: 'MOK_SIGNING_KEY="/var/lib/dkms/mok.key"',
  },
  {
    name: 'NO_WEAK_MODULES',
    indexed: false,
    valueKind: 'yes-no',
    description:
      'Set to `yes` to stop dkms registering the modules as weak modules for other compatible kernels (RHEL-style kABI). dkms 3.0.x tests only for a non-empty value; dkms 3.2.0 and later reject values other than yes/no.',
    example: 'NO_WEAK_MODULES="yes"',
  },
  {
    name: 'OBSOLETE_BY',
    indexed: false,
    valueKind: 'kernel-version',
    description: 'Kernel version (upstream, or with an ABI suffix such as 2.6.24-16) from which the module is no longer needed; dkms then refuses to install it. The dkms manual advises MODULE_VERSION() tags instead.',
    example: 'OBSOLETE_BY="6.2"',
  },
  {
    name: 'PACKAGE_NAME',
    indexed: false,
    valueKind: 'text',
    required: 'always',
    description: 'Name of the dkms package (the `-m` argument); the source must live in /usr/src/PACKAGE_NAME-PACKAGE_VERSION.',
    example: 'PACKAGE_NAME="mydriver"',
  },
  {
    name: 'PACKAGE_VERSION',
    indexed: false,
    valueKind: 'version',
    required: 'always',
    description: 'Version of the dkms package (the `-v` argument); must be the same every time dkms reads the file.',
    example: 'PACKAGE_VERSION="1.0"',
  },
  {
    name: 'PATCH',
    indexed: true,
    valueKind: 'patch-file',
    family: 'patch',
    description: 'Patch file in the `patches/` directory of the source tree, applied with `patch -p1` before building. Must not contain `..`. Applied only when PATCH_MATCH of the same index is empty or matches the kernel version.',
    example: 'PATCH[0]="fix-build.patch"',
  },
  {
    name: 'PATCH_MATCH',
    indexed: true,
    valueKind: 'regex',
    family: 'patch',
    description: 'Regular expression matched against the kernel version; PATCH of the same index is applied only when it matches.',
    example: 'PATCH_MATCH[0]="^5\\.4"',
  },
  {
    name: 'POST_ADD',
    indexed: false,
    valueKind: 'script',
    description: 'Script (path relative to the source tree, may carry arguments) run after `dkms add`.',
    example: 'POST_ADD="scripts/post-add.sh"',
  },
  {
    name: 'POST_BUILD',
    indexed: false,
    valueKind: 'script',
    description: 'Script (relative to the build directory) run after a successful build.',
    example: 'POST_BUILD="scripts/post-build.sh"',
  },
  {
    name: 'POST_INSTALL',
    indexed: false,
    valueKind: 'script',
    description: 'Script (relative to the source tree) run after the modules were installed.',
    example: 'POST_INSTALL="scripts/post-install.sh"',
  },
  {
    name: 'POST_REMOVE',
    indexed: false,
    valueKind: 'script',
    description: 'Script (relative to the source tree) run after `dkms remove`.',
    example: 'POST_REMOVE="scripts/post-remove.sh"',
  },
  {
    name: 'PRE_BUILD',
    indexed: false,
    valueKind: 'script',
    description: 'Script (relative to the build directory) run before the build, for example to run a configure step.',
    example: 'PRE_BUILD="configure --kernel=$kernelver"',
  },
  {
    name: 'PRE_INSTALL',
    indexed: false,
    valueKind: 'script',
    description: 'Script (relative to the source tree) run before installing; a non-zero exit status aborts the installation.',
    example: 'PRE_INSTALL="scripts/check-version.sh"',
  },
  {
    name: 'REMAKE_INITRD',
    indexed: false,
    valueKind: 'yes-no',
    deprecated: { since: '3.0.0', instead: 'Remove it: current dkms never rebuilds the initramfs itself; the distribution kernel hooks do.' },
    description: 'Asked dkms 2.x to rebuild the initramfs after installing. Ignored since dkms 3.0.0, which prints a deprecation warning.',
    example: 'REMAKE_INITRD="no"',
  },
  {
    name: 'SIGN_FILE',
    indexed: false,
    valueKind: 'path',
    description: 'Path of the kernel `sign-file` tool used to sign the built modules.',
    example: 'SIGN_FILE="/lib/modules/$kernelver/build/scripts/sign-file"',
  },
  {
    name: 'STRIP',
    indexed: true,
    valueKind: 'yes-no',
    family: 'module',
    defaultValue: 'yes (STRIP[0] is the default for unset entries)',
    description: `Whether dkms runs \`strip -g\` on the built module of this record. Values starting with n/N mean no, y/Y mean yes. ${MODULE_FAMILY_NOTE}`,
    example: 'STRIP[0]="no"',
  },
];

/** The index families: which directives share indices. The first name is the family's key directive. */
export const DKMS_INDEX_FAMILIES: Readonly<Record<DkmsIndexFamily, readonly string[]>> = {
  module: ['BUILT_MODULE_NAME', 'BUILT_MODULE_LOCATION', 'DEST_MODULE_NAME', 'DEST_MODULE_LOCATION', 'STRIP'],
  make: ['MAKE', 'MAKE_MATCH'],
  patch: ['PATCH', 'PATCH_MATCH'],
};

/** Install locations DEST_MODULE_LOCATION must start with. */
export const DKMS_DEST_LOCATION_PREFIXES: readonly string[] = ['/kernel', '/updates', '/extra'];

export interface DkmsVariable {
  name: string;
  description: string;
  /** Where the value comes from. */
  origin: 'dkms' | 'directive' | 'framework' | 'shell';
  example?: string;
}

/**
 * Variables that are set while dkms sources dkms.conf. dkms.conf is sourced inside dkms's own
 * bash process, so dkms's internal variables are visible too; only the documented or commonly
 * used ones are listed.
 */
export const DKMS_VARIABLES: readonly DkmsVariable[] = [
  { name: 'kernelver', origin: 'dkms', description: 'Version of the kernel being built for (as `uname -r` prints it).', example: '6.8.0-31-generic' },
  { name: 'arch', origin: 'dkms', description: 'Architecture being built for.', example: 'x86_64' },
  { name: 'kernel_source_dir', origin: 'dkms', description: 'Kernel headers/build directory of $kernelver: usually /lib/modules/$kernelver/build, or the --kernelsourcedir argument.', example: '/lib/modules/6.8.0-31-generic/build' },
  { name: 'kernel_config', origin: 'dkms', description: 'The kernel configuration file of $kernelver (include/config/auto.conf or .config in $kernel_source_dir).' },
  { name: 'dkms_tree', origin: 'framework', description: 'dkms\'s working tree (--dkmstree).', example: '/var/lib/dkms' },
  { name: 'source_tree', origin: 'framework', description: 'Where package sources live (--sourcetree).', example: '/usr/src' },
  { name: 'install_tree', origin: 'framework', description: 'Where modules are installed (--installtree).', example: '/lib/modules' },
  { name: 'tmp_location', origin: 'framework', description: 'Temporary directory dkms uses.', example: '/tmp' },
  { name: 'module', origin: 'dkms', description: 'The package name given to dkms (-m), normally equal to PACKAGE_NAME.' },
  { name: 'module_version', origin: 'dkms', description: 'The package version given to dkms (-v), normally equal to PACKAGE_VERSION.' },
  { name: 'PACKAGE_NAME', origin: 'directive', description: 'The PACKAGE_NAME directive, once assigned earlier in the file.' },
  { name: 'PACKAGE_VERSION', origin: 'directive', description: 'The PACKAGE_VERSION directive, once assigned earlier in the file.' },
  { name: 'parallel_jobs', origin: 'framework', description: 'Number of parallel make jobs dkms passes (-j).' },
  { name: 'verbose', origin: 'framework', description: 'Non-empty when dkms runs verbosely.' },
  { name: 'sign_file', origin: 'framework', description: 'The sign-file tool configured in framework.conf.' },
  { name: 'mok_signing_key', origin: 'framework', description: 'Signing key configured in framework.conf.' },
  { name: 'mok_certificate', origin: 'framework', description: 'Signing certificate configured in framework.conf.' },
  { name: 'running_distribution', origin: 'dkms', description: 'Distribution id dkms detected from os-release (for example fedora, debian, ubuntu).' },
  { name: 'BASH_SOURCE', origin: 'shell', description: 'bash: path of the file being sourced (dkms.conf itself).' },
  { name: 'PWD', origin: 'shell', description: 'bash: the current directory.' },
  { name: 'HOME', origin: 'shell', description: 'The invoking user\'s home directory.' },
  { name: 'PATH', origin: 'shell', description: 'The command search path.' },
  { name: 'USER', origin: 'shell', description: 'The invoking user.' },
  { name: 'SHELL', origin: 'shell', description: 'The user\'s shell.' },
  { name: 'HOSTNAME', origin: 'shell', description: 'bash: the host name.' },
  { name: 'UID', origin: 'shell', description: 'bash: numeric user id.' },
  { name: 'EUID', origin: 'shell', description: 'bash: effective numeric user id.' },
  { name: 'RANDOM', origin: 'shell', description: 'bash: a random number.' },
  { name: 'IFS', origin: 'shell', description: 'bash: the field separators.' },
  { name: 'OSTYPE', origin: 'shell', description: 'bash: the operating system type.' },
  { name: 'HOSTTYPE', origin: 'shell', description: 'bash: the machine type.' },
  { name: 'MACHTYPE', origin: 'shell', description: 'bash: the system type.' },
  { name: 'BASH_VERSION', origin: 'shell', description: 'bash: its version.' },
  { name: 'LANG', origin: 'shell', description: 'The locale.' },
  { name: 'CC', origin: 'shell', description: 'C compiler, when set in the environment.' },
];

export interface DkmsCommandOption {
  /** Spellings, long first (`--kernelver`, `-k`). */
  names: string[];
  /** Placeholder of the argument, when the option takes one. */
  argument?: string;
  description: string;
  /** dkms versions that dropped or added the option. */
  note?: string;
}

export interface DkmsSubcommand {
  name: string;
  synopsis: string;
  description: string;
  /** Options that matter for this subcommand (names as in DKMS_COMMAND_OPTIONS). */
  options: string[];
}

export const DKMS_SUBCOMMANDS: readonly DkmsSubcommand[] = [
  { name: 'add', synopsis: 'dkms add [MODULE/VERSION | /path/to/source | /path/to/tarball]', description: 'Registers a package (its sources in /usr/src/MODULE-VERSION) with dkms.', options: ['-m', '-v', '-c', '--rpm_safe_upgrade', '--sourcetree', '--dkmstree'] },
  { name: 'build', synopsis: 'dkms build [MODULE/VERSION] [-k KERNEL[/ARCH]] [--force]', description: 'Builds the package for a kernel (the running one without -k); adds it first if needed.', options: ['-m', '-v', '-k', '-a', '--all', '--force', '--kernelsourcedir', '--config', '-j'] },
  { name: 'install', synopsis: 'dkms install [MODULE/VERSION] [-k KERNEL[/ARCH]] [--force]', description: 'Installs the built modules into a kernel\'s module tree; builds first if needed.', options: ['-m', '-v', '-k', '-a', '--all', '--force', '--force-version-override', '--no-depmod', '--modprobe-on-install'] },
  { name: 'uninstall', synopsis: 'dkms uninstall [MODULE/VERSION] [-k KERNEL[/ARCH]] [--all]', description: 'Removes the installed modules from a kernel (the running one without -k or --all) and leaves them built.', options: ['-m', '-v', '-k', '-a', '--all', '--no-depmod'] },
  { name: 'unbuild', synopsis: 'dkms unbuild [MODULE/VERSION] [-k KERNEL[/ARCH]] [--all]', description: 'Uninstalls if needed and deletes the built modules.', options: ['-m', '-v', '-k', '-a', '--all'] },
  { name: 'remove', synopsis: 'dkms remove [MODULE/VERSION] [-k KERNEL[/ARCH]] [--all]', description: 'Uninstalls and unregisters a package; without -k or --all only for the running kernel.', options: ['-m', '-v', '-k', '-a', '--all', '--rpm_safe_upgrade', '--no-depmod'] },
  { name: 'status', synopsis: 'dkms status [MODULE[/VERSION]] [-k KERNEL[/ARCH]]', description: 'Shows which packages are added, built and installed for which kernels.', options: ['-m', '-v', '-k', '-a'] },
  { name: 'autoinstall', synopsis: 'dkms autoinstall [-k KERNEL[/ARCH]]', description: 'Builds and installs every package with AUTOINSTALL=yes for a kernel.', options: ['-k', '-a', '--force'] },
  { name: 'match', synopsis: 'dkms match --templatekernel KERNEL -k KERNEL', description: 'Installs on a kernel the same packages that are installed on a template kernel.', options: ['--templatekernel', '-k'] },
  { name: 'mktarball', synopsis: 'dkms mktarball [MODULE/VERSION] [-k KERNEL[/ARCH]] [--archive FILE] [--source-only|--binaries-only]', description: 'Packs a package\'s source and built modules into a tarball.', options: ['-m', '-v', '-k', '--archive', '--source-only', '--binaries-only'] },
  { name: 'ldtarball', synopsis: 'dkms ldtarball /path/to/tarball.tar [--force]', description: 'Loads a tarball made by mktarball into the dkms tree.', options: ['--archive', '--force'] },
  { name: 'generate_mok', synopsis: 'dkms generate_mok', description: 'Creates the module signing key and certificate if they are missing.', options: [] },
  { name: 'kernel_preinst', synopsis: 'dkms kernel_preinst -k KERNEL', description: 'Hook run before a kernel is installed.', options: ['-k'] },
  { name: 'kernel_postinst', synopsis: 'dkms kernel_postinst -k KERNEL', description: 'Hook run after a kernel is installed: builds and installs autoinstall packages.', options: ['-k'] },
  { name: 'kernel_prerm', synopsis: 'dkms kernel_prerm -k KERNEL', description: 'Hook run before a kernel is removed: removes the dkms modules of that kernel.', options: ['-k'] },
];

export const DKMS_COMMAND_OPTIONS: readonly DkmsCommandOption[] = [
  { names: ['-m'], argument: 'MODULE[/VERSION]', description: 'The package to act on (may include the version).' },
  { names: ['-v'], argument: 'VERSION', description: 'The package version, when -m names only the package.' },
  { names: ['--kernelver', '-k'], argument: 'KERNEL[/ARCH]', description: 'Kernel (and optionally architecture) to act on; may be repeated. Without it dkms uses the running kernel.' },
  { names: ['--arch', '-a'], argument: 'ARCH', description: 'Architecture to act on; pairs with the -k options in order.' },
  { names: ['--all'], description: 'Every kernel/architecture the package is built for (remove, unbuild, uninstall).' },
  { names: ['--force'], description: 'Rebuild, reinstall or overwrite even when already done.' },
  { names: ['--force-version-override'], description: 'Install even when the module version check fails.' },
  { names: ['--quiet', '-q'], description: 'Less output.' },
  { names: ['--verbose'], description: 'More output.' },
  { names: ['--version', '-V'], description: 'Print the dkms version.' },
  { names: ['-c'], argument: 'DKMS.CONF', description: 'Location of the dkms.conf to use.' },
  { names: ['--config'], argument: 'FILE', description: 'Kernel configuration file to use for the build.' },
  { names: ['--archive'], argument: 'TARBALL', description: 'Tarball for mktarball/ldtarball.' },
  { names: ['--templatekernel'], argument: 'KERNEL', description: 'Template kernel for match.' },
  { names: ['--binaries-only'], description: 'mktarball: leave the source out.' },
  { names: ['--source-only'], description: 'mktarball: leave the built modules out.' },
  { names: ['--kernelsourcedir'], argument: 'DIR', description: 'Kernel source/headers directory, instead of /lib/modules/KERNEL/build.' },
  { names: ['--directive'], argument: 'NAME=VALUE', description: 'Set a dkms.conf directive from the command line; may be repeated.' },
  { names: ['--rpm_safe_upgrade'], description: 'For RPM scriptlets: lets add/remove cope with upgrades where the old package is removed after the new one is added.', note: 'Still accepted by dkms 3.x; check your target dkms before relying on it.' },
  { names: ['--dkmstree'], argument: 'DIR', description: 'Use DIR instead of /var/lib/dkms.' },
  { names: ['--sourcetree'], argument: 'DIR', description: 'Use DIR instead of /usr/src.' },
  { names: ['--installtree'], argument: 'DIR', description: 'Use DIR instead of /lib/modules.' },
  { names: ['--no-depmod'], description: 'Do not run depmod after install/uninstall.' },
  { names: ['--modprobe-on-install'], description: 'Load the modules after installing them.' },
  { names: ['-j'], argument: 'JOBS', description: 'Parallel make jobs (default: number of CPUs; 0 = no limit).' },
];

const directiveByName = new Map(DKMS_DIRECTIVES.map((d) => [d.name, d]));
const variableByName = new Map(DKMS_VARIABLES.map((v) => [v.name, v]));
const subcommandByName = new Map(DKMS_SUBCOMMANDS.map((s) => [s.name, s]));

/** The directive with this exact (case-sensitive) name. */
export function getDkmsDirective(name: string): DkmsDirective | undefined {
  return directiveByName.get(name);
}

export function isDkmsDirective(name: string): boolean {
  return directiveByName.has(name);
}

/** A variable dkms provides while it sources dkms.conf (or a common shell variable). */
export function getDkmsVariable(name: string): DkmsVariable | undefined {
  return variableByName.get(name);
}

export function getDkmsSubcommand(name: string): DkmsSubcommand | undefined {
  return subcommandByName.get(name);
}

export function getDkmsCommandOption(name: string): DkmsCommandOption | undefined {
  return DKMS_COMMAND_OPTIONS.find((o) => o.names.includes(name));
}

/** The family a directive belongs to, if any. */
export function dkmsFamilyOf(name: string): DkmsIndexFamily | undefined {
  return directiveByName.get(name)?.family;
}

/**
 * The directive a misspelt name most likely meant: the closest by edit distance (at most 2,
 * or 3 for long names), or one that differs only by a plural `S`. Undefined when none is close.
 */
export function suggestDkmsDirective(name: string): DkmsDirective | undefined {
  const upper = name.toUpperCase();
  if (directiveByName.has(upper) && upper !== name) return directiveByName.get(upper);
  const limit = name.length >= 12 ? 3 : 2;
  let best: DkmsDirective | undefined;
  let bestDistance = limit + 1;
  for (const d of DKMS_DIRECTIVES) {
    const dist = editDistance(upper, d.name, limit);
    if (dist < bestDistance) {
      best = d;
      bestDistance = dist;
    }
  }
  return best;
}
