// The macro catalog: what the macros packagers use mean, and what they expand to on x86_64 for
// each distribution profile. Descriptions are Specwright's own. Values agree with
// shared/reference/rpm-macros.tsv (checked by test/catalog). Raw definitions are kept where a
// macro is defined in terms of others; fully expanded values are computed from them by
// expand.ts (see lookupMacro / macroValue), or given here when the distribution computes them
// (Python paths, compiler flags).
import type { DistroId } from '../types';
import { ARCH_MACROS } from './architectures';

export type MacroKind =
  | 'directory' | 'build' | 'python' | 'perl' | 'systemd' | 'kernel' | 'distro' | 'conditional'
  | 'files' | 'builtin' | 'function' | 'scriptlet' | 'misc';

export interface MacroOption {
  /** `-n`, `-p`, or a long option such as `--with-gnome`. */
  name: string;
  /** Name of the option's argument, when it takes one. */
  argument?: string;
  description: string;
}

export interface PreferInstead {
  /** The macro (without `%`) to use instead. */
  macro: string;
  /** Profiles where the advice applies; absent: everywhere. */
  distros?: DistroId[];
  reason: string;
}

/** One catalog entry as exposed by lookupMacro()/allMacros(). */
export interface MacroInfo {
  name: string;
  kind: MacroKind;
  description: string;
  /** How it is written, e.g. `%setup [-q] [-n dir]` or `%{basename:path}`. */
  usage?: string;
  /** Takes options/arguments (`%name(opts)` definition or a built-in taking arguments). */
  parametric: boolean;
  options: MacroOption[];
  /** Functions: what goes after the colon. */
  argument?: string;
  /** Implemented inside rpm itself: available on every profile. */
  builtin: boolean;
  /** Matches numbered names too (SOURCE0, PATCH12): the catalog name is the prefix. */
  numbered?: boolean;
  /** Raw definition body per profile (where it is recorded). */
  definitions: Partial<Record<DistroId, string>>;
  /** Fully expanded x86_64 value per profile, where it is static. `%{name}`-style spec placeholders may remain. */
  values: Partial<Record<DistroId, string>>;
  /** Profiles where the macro is defined at all. */
  definedOn: DistroId[];
  /** Profiles whose recorded definition/value has not been verified against a real system. */
  unverified: DistroId[];
  /** Why there is no static value (functions, parametric macros, values set by the environment). */
  valueless?: string;
  seeAlso: string[];
  preferInstead: PreferInstead[];
  /** Deprecation advice; absent when current. */
  deprecated?: string;
  /** Minimum rpm version, e.g. `4.18`. */
  since?: string;
  /** Where the facts come from (the macro file or document). */
  source?: string;
}

export const PROFILES: readonly DistroId[] = ['generic', 'fedora', 'rhel', 'opensuse', 'mageia'];
const DISTROS: readonly DistroId[] = ['fedora', 'rhel', 'opensuse', 'mageia'];

/** Per-profile strings as authored: `all` = every profile, `distros` = every profile but generic; null = undefined there. */
export type ProfileMap = Partial<Record<DistroId | 'all' | 'distros', string | null>>;

/** The authoring form of an entry (see MacroInfo for the meaning of the fields). */
export interface MacroSource {
  name: string;
  kind: MacroKind;
  description: string;
  usage?: string;
  parametric?: boolean;
  options?: MacroOption[];
  argument?: string;
  builtin?: boolean;
  numbered?: boolean;
  def?: ProfileMap;
  val?: ProfileMap;
  /** Defined on these profiles without a recorded body. */
  on?: readonly DistroId[];
  unverified?: readonly DistroId[];
  valueless?: string;
  seeAlso?: string[];
  preferInstead?: PreferInstead[];
  deprecated?: string;
  since?: string;
  /** Where the facts come from (the macro file or document), shown in hover. */
  source?: string;
}

export function resolveProfileMap(map: ProfileMap | undefined): Partial<Record<DistroId, string>> {
  const out: Partial<Record<DistroId, string>> = {};
  if (!map) return out;
  for (const p of PROFILES) {
    let v: string | null | undefined = map[p];
    if (v === undefined && p !== 'generic') v = map.distros;
    if (v === undefined) v = map.all;
    if (typeof v === 'string') out[p] = v;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Helpers for terse authoring.

const FEDORA_RHEL: DistroId[] = ['fedora', 'rhel'];
const RH_MGA: DistroId[] = ['fedora', 'rhel', 'mageia'];
const SUSE: DistroId[] = ['opensuse'];
const MGA: DistroId[] = ['mageia'];

function dir(name: string, description: string, def: ProfileMap, extra: Partial<MacroSource> = {}): MacroSource {
  return { name, kind: 'directory', description, def, ...extra };
}
function sysd(name: string, path: string, description: string, extra: Partial<MacroSource> = {}): MacroSource {
  return dir(name, description, { distros: path }, extra);
}
function fn(name: string, argument: string, description: string, extra: Partial<MacroSource> = {}): MacroSource {
  return { name, kind: 'function', description, argument, usage: `%{${name}:${argument}}`, builtin: true, parametric: true, ...extra };
}
function param(name: string, kind: MacroKind, on: readonly DistroId[], description: string, extra: Partial<MacroSource> = {}): MacroSource {
  return { name, kind, description, on, parametric: true, valueless: 'parametric macro: its expansion depends on its arguments and options', ...extra };
}
function files(name: string, usage: string, description: string, extra: Partial<MacroSource> = {}): MacroSource {
  return { name, kind: 'files', description, usage, builtin: true, valueless: 'a %files directive, not a text macro', ...extra };
}
const opt = (name: string, description: string, argument?: string): MacroOption => (argument ? { name, argument, description } : { name, description });

const GO_SRPM_SOURCE = 'go-rpm-macros rpm/macros.d/macros.go-srpm and go-rpm-macros.spec (%writevars of golang_arches, gccgo_arches, gopath) (pagure.io/go-rpm-macros; RHEL 9: git.centos.org/rpms/go-rpm-macros)';
const GO_COMPILERS_SOURCE = 'go-rpm-macros rpm/macros.d/macros.go-compilers-golang (pagure.io/go-rpm-macros)';

const PEAR_SOURCE = 'Fedora php-pear macros.pear (src.fedoraproject.org/rpms/php-pear, Source13); openSUSE php macros.php (`%pear_datadir %(%{__pear} config-get data_dir 2> /dev/null || echo undefined)`)';

const PY = { fedora: '3.14', rhel: '3.9', opensuse: '3.13', mageia: '3.12' } as const;

// ---------------------------------------------------------------------------------------------

export const MACRO_SOURCE: readonly MacroSource[] = [
  // ---- installation directories (GNU-style) ----
  dir('_prefix', 'Installation prefix of the distribution\'s own packages; the root of every other installation directory.', { all: '/usr' }),
  dir('_exec_prefix', 'Prefix for architecture-dependent files; the same as %{_prefix} on every supported distribution.', { all: '%{_prefix}' }),
  dir('_bindir', 'Directory for user commands.', { all: '%{_exec_prefix}/bin' }),
  dir('_sbindir', 'Directory for system administration commands. Fedora 42 and later merged it into /usr/bin, so it expands to %{_bindir} there.', { all: '%{_exec_prefix}/sbin', fedora: '%{_bindir}' }),
  dir('_libexecdir', 'Directory for helper programs run by other programs rather than by users.', { all: '%{_exec_prefix}/libexec' }),
  dir('_datarootdir', 'Root of architecture-independent data; %{_datadir}, %{_mandir} and %{_infodir} sit under it.', { all: '%{_prefix}/share' }),
  dir('_datadir', 'Directory for architecture-independent data (/usr/share).', { all: '%{_datarootdir}' }),
  dir('_sysconfdir', 'Directory for host-specific configuration (/etc).', { all: '/etc' }),
  dir('_sharedstatedir', 'Directory for modifiable architecture-independent state. Upstream rpm still says /usr/com; the distributions set /var/lib.', { all: '%{_prefix}/com', distros: '/var/lib' }),
  dir('_localstatedir', 'Directory for modifiable data such as caches, logs and spools (/var).', { all: '/var' }),
  dir('_lib', 'Name of the library directory component: lib64 on 64-bit architectures such as x86_64, lib on 32-bit ones.', { all: 'lib64' }),
  dir('_libdir', 'Directory for architecture-dependent libraries (/usr/lib64 on x86_64). Only for arch-specific files: data, udev rules, systemd units and the like belong under /usr/lib or %{_datadir}.', { all: '%{_exec_prefix}/%{_lib}' }, { seeAlso: ['_lib', '_prefix'] }),
  dir('_includedir', 'Directory for C/C++ header files.', { all: '%{_prefix}/include' }),
  dir('_oldincludedir', 'Directory for header files of the non-gcc compilers of old; /usr/include.', { all: '/usr/include' }),
  dir('_infodir', 'Directory for GNU info manuals.', { all: '%{_datarootdir}/info' }),
  dir('_mandir', 'Directory for manual pages.', { all: '%{_datarootdir}/man' }),
  dir('_defaultdocdir', 'Directory under which %doc files are installed, one subdirectory per package. openSUSE uses /usr/share/doc/packages.', { all: '%{_datadir}/doc', opensuse: '%{_datadir}/doc/packages' }),
  dir('_docdir', 'Documentation directory; the same as %{_defaultdocdir}.', { all: '%{_defaultdocdir}' }, { seeAlso: ['_pkgdocdir'] }),
  dir('_defaultlicensedir', 'Directory under which %license files are installed.', { all: '%{_datadir}/licenses' }),
  dir('_licensedir', 'Directory for license texts marked with %license, one subdirectory per package.', { all: '%{_defaultlicensedir}' }),
  dir('_pkgdocdir', 'This package\'s documentation directory (%{_docdir}/%{name}); where %doc puts relative paths. Not defined by plain upstream rpm.', { distros: '%{_docdir}/%{name}' }),
  dir('_docdir_fmt', 'Format of the per-package documentation directory name used by %doc.', { distros: '%%{NAME}' }, { unverified: ['opensuse', 'mageia'] }),
  dir('_usr', 'The /usr hierarchy.', { all: '/usr' }),
  dir('_usrsrc', 'Directory for source code (/usr/src); DKMS module sources are installed under it.', { all: '%{_usr}/src' }),
  dir('_var', 'The /var hierarchy.', { all: '/var' }),
  dir('_tmppath', 'Temporary directory rpmbuild uses for its scripts.', { all: '%{_var}/tmp' }),
  dir('_rundir', 'Directory for runtime state that does not survive a reboot (/run).', { all: '/run' }),
  dir('_initddir', 'Directory for SysV init scripts. Red Hat and Mageia keep them under /etc/rc.d/init.d. New packages ship systemd units instead.', { all: '%{_sysconfdir}/init.d', fedora: '%{_sysconfdir}/rc.d/init.d', rhel: '%{_sysconfdir}/rc.d/init.d', mageia: '%{_sysconfdir}/rc.d/init.d' }, { seeAlso: ['_unitdir'] }),
  dir('_initrddir', 'Old spelling of %{_initddir}.', { fedora: '%{_initddir}', rhel: '%{_initddir}', mageia: '%{_initddir}' }, { deprecated: 'use %{_initddir}', preferInstead: [{ macro: '_initddir', reason: 'current name of the SysV init script directory' }], unverified: ['mageia'] }),
  dir('_localedir', 'Directory for message catalogs (.mo files); %find_lang looks there.', { distros: '%{_datadir}/locale' }),
  dir('_fontbasedir', 'Root directory of installed fonts.', { distros: '%{_datadir}/fonts' }),
  dir('_emacs_sitelispdir', 'Directory for Emacs Lisp packages.', { distros: '%{_datadir}/emacs/site-lisp' }),
  dir('_emacs_sitestartdir', 'Directory for Emacs start-up files loaded at launch.', { fedora: '%{_emacs_sitelispdir}/site-start.d', rhel: '%{_emacs_sitelispdir}/site-start.d' }),
  dir('_metainfodir', 'Directory for AppStream metainfo/appdata XML files.', { distros: '%{_datadir}/metainfo' }),
  dir('_javadir', 'Directory for architecture-independent Java archives.', { distros: '%{_datadir}/java' }, { unverified: ['opensuse', 'mageia'] }),
  dir('_jnidir', 'Directory for Java archives that ship JNI code.', { fedora: '%{_prefix}/lib/java', rhel: '%{_prefix}/lib/java' }),
  dir('bash_completions_dir', 'Directory for bash completion scripts.', { fedora: '%{_datadir}/bash-completion/completions' }),
  dir('zsh_completions_dir', 'Directory for zsh completion functions.', { fedora: '%{_datadir}/zsh/site-functions' }),
  dir('fish_completions_dir', 'Directory for fish completion scripts.', { fedora: '%{_datadir}/fish/vendor_completions.d' }),
  dir('_fillupdir', 'openSUSE directory for sysconfig templates merged into /etc/sysconfig by %fillup_only.', { opensuse: '%{_datadir}/fillup-templates' }, { unverified: ['opensuse'] }),
  dir('_rpmconfigdir', 'rpm\'s own configuration and helper script directory.', { all: '/usr/lib/rpm' }),
  dir('_rpmmacrodir', 'Directory where packages drop macro files (macros.*) that rpm loads.', { all: '%{_rpmconfigdir}/macros.d' }),
  dir('_fileattrsdir', 'Directory of the file-attribute rules that drive automatic dependency generation.', { all: '%{_rpmconfigdir}/fileattrs' }),
  // systemd and udev directories (from systemd's and the distributions' rpm macros)
  sysd('_unitdir', '/usr/lib/systemd/system', 'Directory for systemd system units shipped by packages. Architecture-independent: never under %{_libdir}.', { seeAlso: ['_userunitdir', 'systemd_post'] }),
  sysd('_userunitdir', '/usr/lib/systemd/user', 'Directory for systemd user units shipped by packages.'),
  sysd('_presetdir', '/usr/lib/systemd/system-preset', 'Directory for systemd preset files that decide whether units are enabled on installation.'),
  sysd('_userpresetdir', '/usr/lib/systemd/user-preset', 'Directory for presets of systemd user units.', { unverified: ['opensuse', 'mageia'] }),
  sysd('_systemd_util_dir', '/usr/lib/systemd', 'systemd\'s private directory of helpers and generators.', { unverified: ['opensuse', 'mageia'] }),
  sysd('_systemdgeneratordir', '/usr/lib/systemd/system-generators', 'Directory for systemd system generators.'),
  sysd('_systemdusergeneratordir', '/usr/lib/systemd/user-generators', 'Directory for systemd user generators.'),
  sysd('_udevrulesdir', '/usr/lib/udev/rules.d', 'Directory for udev rules shipped by packages. Architecture-independent: never under %{_libdir}.'),
  sysd('_udevhwdbdir', '/usr/lib/udev/hwdb.d', 'Directory for udev hardware database fragments.'),
  sysd('_tmpfilesdir', '/usr/lib/tmpfiles.d', 'Directory for systemd-tmpfiles configuration, which creates runtime directories and files.', { seeAlso: ['tmpfiles_create'] }),
  sysd('_sysusersdir', '/usr/lib/sysusers.d', 'Directory for systemd-sysusers files that declare the system users and groups a package needs.', { seeAlso: ['sysusers_create_compat'] }),
  sysd('_modprobedir', '/usr/lib/modprobe.d', 'Directory for modprobe configuration (module options, blacklists) shipped by packages.'),
  sysd('_modulesloaddir', '/usr/lib/modules-load.d', 'Directory for lists of kernel modules to load at boot.'),
  sysd('_sysctldir', '/usr/lib/sysctl.d', 'Directory for kernel parameter (sysctl) settings shipped by packages.'),
  sysd('_environmentdir', '/usr/lib/environment.d', 'Directory for environment settings of the systemd user manager.'),
  sysd('_journalcatalogdir', '/usr/lib/systemd/catalog', 'Directory for systemd journal message catalogs.'),
  sysd('_binfmtdir', '/usr/lib/binfmt.d', 'Directory for binfmt_misc registrations of foreign executable formats.'),
  dir('_firmwarepath', 'Directory for device firmware loaded by the kernel. Architecture-independent.', { fedora: '/usr/lib/firmware', rhel: '/usr/lib/firmware', opensuse: '/lib/firmware', mageia: '/lib/firmware' }, { unverified: ['opensuse', 'mageia'] }),
  // ---- build tree ----
  { name: '_topdir', kind: 'build', description: 'Top of the rpmbuild tree (BUILD, SOURCES, SPECS, RPMS, SRPMS live under it).', def: { all: '%{getenv:HOME}/rpmbuild', opensuse: '/usr/src/packages' }, unverified: ['opensuse'] },
  { name: '_builddir', kind: 'build', description: 'Directory where sources are unpacked and built.', def: { all: '%{_topdir}/BUILD' } },
  { name: '_sourcedir', kind: 'build', description: 'Directory holding the Source and Patch files. Refer to files as %{SOURCEn} rather than through it or $RPM_SOURCE_DIR.', def: { all: '%{_topdir}/SOURCES' }, seeAlso: ['SOURCE'] },
  { name: '_specdir', kind: 'build', description: 'Directory holding spec files.', def: { all: '%{_topdir}/SPECS' } },
  { name: '_rpmdir', kind: 'build', description: 'Output directory for binary packages.', def: { all: '%{_topdir}/RPMS' } },
  { name: '_srcrpmdir', kind: 'build', description: 'Output directory for source packages.', def: { all: '%{_topdir}/SRPMS' } },
  { name: '_buildrootdir', kind: 'build', description: 'Directory under which build roots are created.', def: { all: '%{_topdir}/BUILDROOT' } },
  { name: 'buildroot', kind: 'build', description: 'The staging root that %install populates and %files lists from. In shell code it is also $RPM_BUILD_ROOT; pick one spelling per spec.', def: { all: '%{_buildrootdir}/%{NAME}-%{VERSION}-%{RELEASE}.%{_arch}' } },
  { name: 'builddir', kind: 'build', description: 'Per-package build directory introduced by rpm 4.20; %setup unpacks into it.', def: { fedora: '%{_builddir}/%{NAME}-%{VERSION}-build' }, unverified: ['fedora'], since: '4.20' },
  // ---- build commands and flags ----
  { name: '__make', kind: 'build', description: 'Path of make.', def: { all: '/usr/bin/make' } },
  { name: '__install', kind: 'build', description: 'Path of install(1).', def: { all: '/usr/bin/install' } },
  { name: '_make_output_sync', kind: 'build', description: 'Makes parallel make group the output of each target (-O) when make supports it.', def: { all: '%(! %{__make} --version -O >/dev/null 2>&1 || echo -O)' }, valueless: 'computed by running make' },
  { name: '_make_verbose', kind: 'build', description: 'Variables that make Automake- and CMake-generated makefiles print full commands.', def: { all: 'V=1 VERBOSE=1' } },
  { name: '_smp_build_ncpus', kind: 'build', description: 'Number of parallel jobs for the build (from $RPM_BUILD_NCPUS or the CPU count).', on: PROFILES, valueless: 'depends on the build host' },
  { name: '_smp_mflags', kind: 'build', description: 'Parallel-jobs flag for make, -j followed by the job count.', def: { all: '-j%{_smp_build_ncpus}' }, seeAlso: ['make_build'] },
  { name: 'make_build', kind: 'build', description: 'Runs make for the default target, in parallel and with verbose output. Extra arguments are passed to make.', def: { all: '%{__make} %{_make_output_sync} %{?_smp_mflags} %{_make_verbose}' }, seeAlso: ['make_install'] },
  { name: 'make_install', kind: 'build', description: 'Runs `make install` into the build root (DESTDIR) and preserves timestamps. Extra arguments are passed to make.', def: { all: '%{__make} install DESTDIR=%{?buildroot} INSTALL="%{__install} -p"' } },
  { name: 'makeinstall', kind: 'build', description: 'Old `make install` form that overrides prefix, bindir, libdir, … on the make command line instead of using DESTDIR. Breaks packages that hard-code paths at build time.', on: PROFILES, deprecated: 'use %make_install', preferInstead: [{ macro: 'make_install', reason: 'DESTDIR-based installation is reliable' }], valueless: 'long multi-line make invocation' },
  { name: 'makeinstall_std', kind: 'build', description: 'Mageia shorthand for `make install DESTDIR=%{buildroot}`.', on: MGA, preferInstead: [{ macro: 'make_install', reason: 'portable across distributions' }], valueless: 'command line' },
  { name: 'make_jobs', kind: 'build', description: 'openSUSE alias of %make_build, kept for older specs.', on: SUSE, preferInstead: [{ macro: 'make_build', reason: 'the upstream rpm name' }], valueless: 'command line', unverified: SUSE },
  { name: '_configure', kind: 'build', description: 'The configure script %configure runs; override it to run configure from another directory.', def: { all: './configure' } },
  { name: 'configure', kind: 'build', description: 'Sets the build flags and runs ./configure with the distribution\'s directories (--prefix, --libdir=%{_libdir}, --sysconfdir, …) and host triplet. Extra arguments are added to the command line.', on: PROFILES, parametric: true, valueless: 'multi-line command', seeAlso: ['_configure', 'set_build_flags'] },
  { name: 'configure2_5x', kind: 'build', description: 'Mageia alias of %configure from the autoconf 2.5 transition.', on: MGA, preferInstead: [{ macro: 'configure', reason: 'the same thing under its portable name' }], valueless: 'command line' },
  { name: 'set_build_flags', kind: 'build', description: 'Exports CFLAGS, CXXFLAGS, FFLAGS, FCFLAGS and LDFLAGS with the distribution\'s flags, for builds that do not go through %configure, %cmake or %meson.', on: PROFILES, valueless: 'shell code' },
  { name: 'optflags', kind: 'build', description: 'The distribution\'s default compiler optimisation and hardening flags (also $RPM_OPT_FLAGS).', val: { generic: '-O2 -g', fedora: '-O2 -flto=auto -ffat-lto-objects -fexceptions -g -grecord-gcc-switches -pipe -Wall -Werror=format-security -Wp,-U_FORTIFY_SOURCE,-D_FORTIFY_SOURCE=3 -Wp,-D_GLIBCXX_ASSERTIONS -specs=/usr/lib/rpm/redhat/redhat-hardened-cc1 -fstack-protector-strong -specs=/usr/lib/rpm/redhat/redhat-annobin-cc1 -m64 -march=x86-64 -mtune=generic -fasynchronous-unwind-tables -fstack-clash-protection -fcf-protection -mtls-dialect=gnu2 -fno-omit-frame-pointer -mno-omit-leaf-frame-pointer', rhel: '-O2 -flto=auto -ffat-lto-objects -fexceptions -g -grecord-gcc-switches -pipe -Wall -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -Wp,-D_GLIBCXX_ASSERTIONS -specs=/usr/lib/rpm/redhat/redhat-hardened-cc1 -fstack-protector-strong -specs=/usr/lib/rpm/redhat/redhat-annobin-cc1 -m64 -march=x86-64-v2 -mtune=generic -fasynchronous-unwind-tables -fstack-clash-protection -fcf-protection', opensuse: '-O2 -Wall -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=3 -fstack-protector-strong -funwind-tables -fasynchronous-unwind-tables -fstack-clash-protection -Werror=return-type -flto=auto -g', mageia: '-O2 -g -pipe -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fstack-protector-strong -fasynchronous-unwind-tables -fstack-clash-protection -fcf-protection' }, unverified: DISTROS, seeAlso: ['build_cflags'] },
  { name: 'build_cflags', kind: 'build', description: 'C compiler flags for the build; %{optflags} plus distribution additions.', def: { all: '%{optflags}' }, unverified: DISTROS },
  { name: 'build_cxxflags', kind: 'build', description: 'C++ compiler flags for the build.', def: { all: '%{optflags}' }, unverified: DISTROS },
  { name: 'build_fflags', kind: 'build', description: 'Fortran compiler flags for the build.', def: { all: '%{optflags} %{?_fmoddir:-I%{_fmoddir}}' }, unverified: DISTROS },
  { name: 'build_ldflags', kind: 'build', description: 'Linker flags for the build (relro, now, as-needed and the like on the distributions).', on: PROFILES, valueless: 'distribution-specific linker flags' },
  { name: '_hardened_build', kind: 'build', description: 'Fedora/RHEL switch for full RELRO and PIE; on by default, set to 0 to opt out.', def: { fedora: '1', rhel: '1' } },
  { name: '_lto_cflags', kind: 'build', description: 'Link-time-optimisation flags added to the build flags; `%define _lto_cflags %{nil}` disables LTO for a package.', def: { fedora: '-flto=auto -ffat-lto-objects', rhel: '-flto=auto -ffat-lto-objects' } },
  { name: '__cmake', kind: 'build', description: 'Path of cmake.', def: { distros: '/usr/bin/cmake' } },
  { name: '_vpath_srcdir', kind: 'build', description: 'Source directory the cmake and meson macros configure from.', def: { fedora: '.', rhel: '.' } },
  { name: '_vpath_builddir', kind: 'build', description: 'Out-of-tree build directory used by %cmake, %meson and friends.', def: { fedora: '%{_vendor}-%{_target_os}-build', rhel: '%{_vendor}-%{_target_os}-build' } },
  param('cmake', 'build', DISTROS, 'Configures a CMake project with the distribution\'s install directories and flags (CMAKE_INSTALL_PREFIX=%{_prefix}, …), out of tree on Fedora. Extra arguments go to cmake.', { seeAlso: ['cmake_build', 'cmake_install', 'ctest'] }),
  param('cmake_build', 'build', DISTROS, 'Builds the configured CMake project in parallel.'),
  param('cmake_install', 'build', DISTROS, 'Installs the CMake project into the build root.'),
  param('ctest', 'build', FEDORA_RHEL, 'Runs the CMake project\'s tests with ctest, in parallel.'),
  param('meson', 'build', DISTROS, 'Configures a Meson project with the distribution\'s directories and flags. Extra arguments go to meson setup.', { seeAlso: ['meson_build', 'meson_install', 'meson_test'] }),
  param('meson_build', 'build', DISTROS, 'Builds the configured Meson project with ninja.'),
  param('meson_install', 'build', DISTROS, 'Installs the Meson project into the build root.'),
  param('meson_test', 'build', DISTROS, 'Runs the Meson project\'s tests.'),
  param('ninja_build', 'build', FEDORA_RHEL, 'Runs ninja in the current build directory, verbose and in parallel.'),
  param('ninja_install', 'build', FEDORA_RHEL, 'Runs `ninja install` into the build root.'),
  param('ninja_test', 'build', FEDORA_RHEL, 'Runs the ninja test target.'),
  param('qmake_qt5', 'build', RH_MGA, 'Runs qmake for Qt 5 with the distribution\'s flags (Fedora/RHEL name; openSUSE and Mageia call it %qmake5).', { on: [...DISTROS], unverified: ['opensuse', 'mageia'], seeAlso: ['qmake5'] }),
  param('qmake5', 'build', ['opensuse', 'mageia'], 'openSUSE/Mageia macro running qmake for Qt 5 with the distribution\'s flags.', { unverified: ['opensuse', 'mageia'], seeAlso: ['qmake_qt5'] }),
  param('qmake_qt6', 'build', ['fedora'], 'Runs qmake for Qt 6 with the distribution\'s flags.'),
  param('cargo_prep', 'build', FEDORA_RHEL, 'Prepares a Rust crate build: writes the cargo configuration for offline builds against packaged crates (-v VENDOR_DIR for vendored sources).', { options: [opt('-v', 'use the given vendored-crates directory', 'dir'), opt('-N', 'do not use the system crate registry')] }),
  param('cargo_generate_buildrequires', 'build', FEDORA_RHEL, 'Emits BuildRequires for the crate\'s dependencies (use in %generate_buildrequires).', { options: [opt('-a', 'all features'), opt('-f', 'the given features', 'features'), opt('-t', 'also test dependencies')] }),
  param('cargo_build', 'build', ['fedora', 'rhel', 'opensuse'], 'Builds the Rust crate in release mode with the distribution\'s flags.', { unverified: SUSE }),
  param('cargo_install', 'build', ['fedora', 'rhel', 'opensuse'], 'Installs the crate\'s binaries (or sources, for library crates on Fedora) into the build root.', { unverified: SUSE }),
  param('cargo_test', 'build', ['fedora', 'rhel', 'opensuse'], 'Runs the crate\'s test suite.', { unverified: SUSE }),
  param('cargo_license_summary', 'build', ['fedora'], 'Prints a summary of the licenses of statically linked crates, for the License tag.'),
  param('cargo_license', 'build', ['fedora'], 'Prints the license of each statically linked crate (for a LICENSE.dependencies file).'),
  param('goprep', 'build', ['fedora'], 'Prepares a Go package build in a GOPATH layout (Fedora go-rpm-macros).'),
  param('gobuild', 'build', ['fedora'], 'Builds a Go command with the distribution\'s flags and build ID.'),
  param('gopkginstall', 'build', ['fedora'], 'Installs Go sources for a golang-*-devel package.'),
  param('gocheck', 'build', ['fedora'], 'Runs the Go package\'s tests.'),
  param('gometa', 'build', ['fedora'], 'Computes URL, Source and other metadata for a Go package from %goipath.'),
  // go-srpm-macros (built from go-rpm-macros, in the default build root on Fedora and RHEL): its
  // spec writes golang_arches, gccgo_arches and gopath into macros.go-srpm with %writevars.
  { name: 'gopath', kind: 'directory', description: 'Root of the system GOPATH, where golang-*-devel packages install Go sources (`%{gopath}/src/IMPORT/PATH`); go-srpm-macros.', def: { fedora: '%{_datadir}/gocode', rhel: '%{_datadir}/gocode' }, unverified: ['rhel'], source: GO_SRPM_SOURCE },
  { name: 'golang_arches', kind: 'build', description: 'Architectures the gc Go compiler (golang) supports; go-srpm-macros. `ExclusiveArch: %{golang_arches}`.', def: { fedora: '%{ix86} %{golang_arches_future}', rhel: 'x86_64 aarch64 ppc64le s390x riscv64 loongarch64' }, unverified: ['rhel'], seeAlso: ['go_arches', 'gccgo_arches'], source: GO_SRPM_SOURCE },
  { name: 'golang_arches_future', kind: 'build', description: 'The architectures of %golang_arches without the 32-bit x86 ones; go-srpm-macros.', def: { fedora: 'x86_64 %{arm} aarch64 ppc64le s390x riscv64 loongarch64', rhel: 'x86_64 %{arm} aarch64 ppc64le s390x riscv64 loongarch64' }, unverified: ['rhel'], source: GO_SRPM_SOURCE },
  { name: 'gccgo_arches', kind: 'build', description: 'Architectures where Go code is built with gcc-go instead of golang; go-srpm-macros.', def: { fedora: '%{mips}', rhel: '%{mips}' }, unverified: ['rhel'], seeAlso: ['go_arches', 'golang_arches'], source: GO_SRPM_SOURCE },
  { name: 'go_arches', kind: 'build', description: 'Every architecture some Go compiler supports (%golang_arches and %gccgo_arches); `ExclusiveArch: %{go_arches}` in Go packages; go-srpm-macros.', def: { fedora: '%{golang_arches} %{gccgo_arches}', rhel: '%{golang_arches} %{gccgo_arches}' }, unverified: ['rhel'], seeAlso: ['golang_arches', 'gccgo_arches'], source: GO_SRPM_SOURCE },
  { name: 'go_compiler', kind: 'build', description: 'Set to 1 to signal that the Go compiler macros are available; go-srpm-macros.', def: { fedora: '1', rhel: '1' }, unverified: ['rhel'], source: GO_SRPM_SOURCE },
  param('gorpmname', 'build', FEDORA_RHEL, 'Turns a Go import path into an rpm package name (`golang-github-foo-bar`); go-srpm-macros.', { usage: '%gorpmname IMPORT_PATH', unverified: ['rhel'], source: GO_SRPM_SOURCE }),
  // go-rpm-macros' macros.go-compilers-golang: the flags %gobuild and %gotest pass to the go tool.
  param('gotest', 'build', ['fedora'], 'Runs `go test` with the distribution\'s flags (%gotestflags, the build ldflags); arguments go to go test.', { seeAlso: ['gocheck', 'gotestflags'], source: GO_COMPILERS_SOURCE }),
  param('gobuildflags', 'build', ['fedora'], 'The arguments %gobuild passes to `go build`: %gobuild_baseflags and `-ldflags "%gobuild_ldflags"`, for build scripts that run go build themselves.', { seeAlso: ['gobuild', 'gobuild_baseflags', 'gobuild_ldflags'], source: GO_COMPILERS_SOURCE }),
  { name: 'gobuild_baseflags', kind: 'build', description: 'The `go build` flags other than -ldflags (%gocompilerflags, -tags, -a -v -x); go-rpm-macros.', on: ['fedora'], valueless: 'flags that depend on the compiler macros and the environment', seeAlso: ['gobuildflags'], source: GO_COMPILERS_SOURCE },
  { name: 'gobuild_ldflags', kind: 'build', description: 'The value %gobuild passes to `go build -ldflags` (LDFLAGS, a build ID, external linking with the distribution\'s link flags); go-rpm-macros.', on: ['fedora'], valueless: 'flags that depend on the environment and a random build ID', seeAlso: ['gobuildflags'], source: GO_COMPILERS_SOURCE },
  { name: 'gotestflags', kind: 'build', description: 'The `go test` flags %gotest passes (%gocompilerflags by default; specs may redefine it); go-rpm-macros.', on: ['fedora'], valueless: 'flags that depend on the compiler macros', seeAlso: ['gotest'], source: GO_COMPILERS_SOURCE },
  { name: 'gotestextldflags', kind: 'build', description: 'The external linker flags %gotest passes (the distribution\'s %build_ldflags); go-rpm-macros.', on: ['fedora'], valueless: 'the distribution\'s linker flags', seeAlso: ['gotest'], source: GO_COMPILERS_SOURCE },
  param('forgemeta', 'build', ['fedora'], 'Computes URL, Source0 and the %setup directory from %forgeurl and a version, tag or commit.'),
  param('forgeautosetup', 'build', ['fedora'], '%autosetup with the directory %forgemeta computed.'),
  { name: 'debug_package', kind: 'build', description: 'Emits the -debuginfo subpackage; on the distributions it is inserted automatically, so specs only undefine it (`%global debug_package %{nil}`) to disable debuginfo.', on: PROFILES, valueless: 'package section generated by rpm' },
  { name: '__os_install_post', kind: 'build', description: 'Post-%install processing (compress man pages, strip binaries, byte-compile, …) run by rpmbuild after %install.', on: PROFILES, valueless: 'shell code differing per distribution' },
  { name: '_missing_doc_files_terminate_build', kind: 'misc', description: 'When 1, a %doc file that does not exist fails the build.', def: { all: '1' } },
  { name: '_unpackaged_files_terminate_build', kind: 'misc', description: 'When 1, files installed in the build root but not listed in any %files fail the build.', def: { all: '1' } },
  { name: '_default_patch_fuzz', kind: 'misc', description: 'Fuzz factor allowed when applying patches; 0 means patches must apply exactly.', def: { all: '0' } },
  { name: '_default_patch_flags', kind: 'misc', description: 'Options always passed to patch(1) by %patch.', def: { all: '--no-backup-if-mismatch -f' }, unverified: DISTROS },
  { name: '__provides_exclude', kind: 'misc', description: 'Regular expression of automatically generated Provides to drop; set by the spec.', on: [], valueless: 'set by the spec itself', seeAlso: ['__requires_exclude'] },
  { name: '__requires_exclude', kind: 'misc', description: 'Regular expression of automatically generated Requires to drop; set by the spec.', on: [], valueless: 'set by the spec itself' },
  { name: '__provides_exclude_from', kind: 'misc', description: 'Regular expression of file paths that must not generate Provides (for example private plugins).', on: [], valueless: 'set by the spec itself' },
  { name: '__requires_exclude_from', kind: 'misc', description: 'Regular expression of file paths that must not generate Requires.', on: [], valueless: 'set by the spec itself' },
  { name: 'find_lang', kind: 'build', description: 'Finds the message catalogs of a domain in the build root and writes a file list (NAME.lang) with %lang markers, for `%files -f NAME.lang`.', usage: '%find_lang NAME [options]', parametric: true, on: PROFILES, options: [opt('--with-gnome', 'also collect GNOME help files'), opt('--with-kde', 'also collect KDE documentation'), opt('--with-qt', 'also collect Qt .qm translations'), opt('--with-man', 'also collect translated man pages'), opt('--all-name', 'match every domain, not only NAME'), opt('--without-mo', 'skip gettext .mo files')], valueless: 'runs the find-lang.sh helper' },
  // ---- Python ----
  { name: '__python3', kind: 'python', description: 'Path of the main Python 3 interpreter.', def: { distros: '/usr/bin/python3' } },
  { name: 'python3', kind: 'python', description: 'The Python 3 interpreter to run in the build (%{__python3}).', def: { fedora: '%{__python3}', rhel: '%{__python3}', mageia: '%{__python3}' }, unverified: MGA },
  { name: 'python3_version', kind: 'python', description: 'Major.minor version of the main Python 3 (computed by running the interpreter).', val: PY },
  { name: 'python3_version_nodots', kind: 'python', description: 'Python 3 version without the dot, for names such as python314.', val: { fedora: PY.fedora.replace('.', ''), rhel: PY.rhel.replace('.', ''), opensuse: PY.opensuse.replace('.', ''), mageia: PY.mageia.replace('.', '') } },
  { name: 'python3_pkgversion', kind: 'python', description: 'Suffix of the python3 package name prefix: 3 for the main interpreter, 3.11 or 3.12 for RHEL\'s alternative stacks.', def: { fedora: '3', rhel: '3' } },
  // The distributions compute the site directories by running the interpreter; these definitions give the same paths from the release's %python3_version.
  { name: 'python3_sitelib', kind: 'python', description: 'Directory for pure-Python modules. Under /usr/lib even on 64-bit systems.', def: { distros: '/usr/lib/python%{python3_version}/site-packages' }, seeAlso: ['python3_sitearch'] },
  { name: 'python3_sitearch', kind: 'python', description: 'Directory for Python modules with compiled extensions (under %{_libdir}).', def: { distros: '/usr/lib64/python%{python3_version}/site-packages' }, seeAlso: ['python3_sitelib'] },
  { name: 'python_sitelib', kind: 'python', description: 'Unversioned pure-Python module directory. On Fedora an alias of the Python 3 one; on openSUSE it is per flavor inside %python_subpackages.', def: { fedora: '%{python3_sitelib}' }, on: ['fedora', 'opensuse'], seeAlso: ['python3_sitelib'] },
  { name: 'python_sitearch', kind: 'python', description: 'Unversioned compiled-module directory. On Fedora an alias of %{python3_sitearch}; on openSUSE it is per flavor.', def: { fedora: '%{python3_sitearch}' }, on: ['fedora', 'opensuse'], seeAlso: ['python3_sitearch'] },
  { name: 'py_sitedir', kind: 'python', description: 'Old SUSE/PLD/Mandriva-era macro for the Python 2 compiled-module directory. Fedora and current specs use %{python3_sitearch} (or %{python_sitearch} on openSUSE).', val: { opensuse: '/usr/lib64/python2.7/site-packages' }, unverified: SUSE, deprecated: 'Python 2 era macro', preferInstead: [{ macro: 'python3_sitearch', reason: 'the Python 3 location on Fedora, RHEL and Mageia' }, { macro: 'python_sitearch', distros: SUSE, reason: 'per-flavor location on openSUSE' }] },
  { name: 'py_requires', kind: 'python', description: 'Old SUSE macro that once added the Python runtime requirement; now expands to nothing.', def: { opensuse: '' }, unverified: SUSE, deprecated: 'dependencies on Python are generated automatically' },
  param('py3_build', 'python', RH_MGA, 'Builds a setuptools project with `setup.py build`. Fedora deprecates it in favour of the pyproject macros.', { deprecated: 'on Fedora use %pyproject_wheel', preferInstead: [{ macro: 'pyproject_wheel', distros: ['fedora'], reason: 'setup.py invocations are deprecated' }] }),
  param('py3_install', 'python', RH_MGA, 'Installs a setuptools project with `setup.py install` into the build root. Fedora deprecates it in favour of the pyproject macros.', { deprecated: 'on Fedora use %pyproject_install', preferInstead: [{ macro: 'pyproject_install', distros: ['fedora'], reason: 'setup.py invocations are deprecated' }] }),
  param('py3_shebang_fix', 'python', FEDORA_RHEL, 'Rewrites `#!/usr/bin/env python` shebangs in the given paths to the distribution\'s interpreter.'),
  param('py_byte_compile', 'python', FEDORA_RHEL, 'Byte-compiles Python files in a directory with the given interpreter.', { usage: '%py_byte_compile INTERPRETER PATH' }),
  param('pyproject_buildrequires', 'python', FEDORA_RHEL, 'Generates BuildRequires from pyproject.toml / setup.py metadata; used in %generate_buildrequires.', { options: [opt('-t', 'also the tox test dependencies'), opt('-x', 'also the given extras', 'extras'), opt('-r', 'also runtime dependencies (default)'), opt('-R', 'no runtime dependencies')] }),
  param('pyproject_wheel', 'python', FEDORA_RHEL, 'Builds a wheel of the project with pip, following PEP 517.'),
  param('pyproject_install', 'python', FEDORA_RHEL, 'Installs the built wheel into the build root.'),
  param('pyproject_save_files', 'python', FEDORA_RHEL, 'Records the installed modules matching the given globs in %{pyproject_files}, for `%files -f %{pyproject_files}`.', { options: [opt('-l', 'require license files to be found and marked %license'), opt('-L', 'do not look for license files')] }),
  param('pyproject_check_import', 'python', FEDORA_RHEL, 'Smoke-tests that the recorded modules import.', { options: [opt('-e', 'exclude modules matching the glob', 'glob'), opt('-t', 'only top-level modules')] }),
  param('pyproject_extras_subpkg', 'python', FEDORA_RHEL, 'Declares one metapackage per Python extra (`python3-foo+extra`, its %package, %description and %files) that requires the base package and the extra\'s dependencies; written in the preamble, after the base package.', { options: [opt('-n', 'the base package the extras belong to', 'name'), opt('-i', 'the installed .dist-info/.egg-info path the metapackages own (%ghost)', 'path'), opt('-f', 'a file listing the paths they own (%ghost)', 'file'), opt('-F', 'no %files section')], source: 'pyproject-rpm-macros macros.pyproject: `%pyproject_extras_subpkg(n:i:f:F)`, passed on to python-rpm-macros %python_extras_subpkg' }),
  { name: 'pyproject_files', kind: 'python', description: 'Path of the file list written by %pyproject_save_files.', on: FEDORA_RHEL, valueless: 'path inside the build directory' },
  param('pytest', 'python', ['fedora', 'rhel', 'opensuse'], 'Runs pytest against the installed build root with the right PYTHONPATH.'),
  param('tox', 'python', ['fedora'], 'Runs the tox test environments against the installed package.'),
  param('py3_dist', 'python', FEDORA_RHEL, 'Turns Python distribution names into python3dist(…) dependencies.', { usage: '%{py3_dist NAME…}' }),
  param('py_provides', 'python', FEDORA_RHEL, 'Adds Provides for a Python name (and its python3- alternatives).'),
  param('python_provide', 'python', FEDORA_RHEL, 'Old Fedora macro generating Provides/Obsoletes for python2/3 names.', { deprecated: 'use %py_provides', preferInstead: [{ macro: 'py_provides', reason: 'replacement in current python-rpm-macros' }] }),
  param('python_build', 'python', SUSE, 'openSUSE multi-flavor build: runs setup.py build once per Python flavor.'),
  param('python_install', 'python', SUSE, 'openSUSE multi-flavor install, once per Python flavor.'),
  param('python_subpackages', 'python', SUSE, 'openSUSE: expands the spec into one python3XX- subpackage per Python flavor.'),
  param('python_module', 'python', SUSE, 'openSUSE: dependency on a Python module for every flavor, e.g. BuildRequires: %{python_module pytest}.', { usage: '%{python_module NAME}' }),
  param('python_files', 'python', SUSE, 'openSUSE: starts the %files list of each flavor subpackage.'),
  param('python_expand', 'python', SUSE, 'openSUSE: runs a shell command once per Python flavor, with $python set.'),
  param('python_clone', 'python', SUSE, 'openSUSE: copies a script into per-flavor names (-a adds update-alternatives handling).'),
  param('python_install_alternative', 'python', SUSE, 'openSUSE: registers flavor-specific executables with update-alternatives (%post).'),
  param('python_uninstall_alternative', 'python', SUSE, 'openSUSE: unregisters flavor alternatives (%postun).'),
  // ---- Perl ----
  { name: '__perl', kind: 'perl', description: 'Path of the Perl interpreter.', def: { distros: '/usr/bin/perl' } },
  { name: 'perl_vendorlib', kind: 'perl', description: 'Directory for architecture-independent Perl modules shipped by distribution packages.', val: { fedora: '/usr/share/perl5/vendor_perl', rhel: '/usr/share/perl5/vendor_perl' }, on: DISTROS, seeAlso: ['perl_vendorarch'] },
  { name: 'perl_vendorarch', kind: 'perl', description: 'Directory for Perl modules with compiled (XS) parts shipped by distribution packages.', val: { fedora: '/usr/lib64/perl5/vendor_perl', rhel: '/usr/lib64/perl5/vendor_perl' }, on: DISTROS },
  { name: 'perl_privlib', kind: 'perl', description: 'Directory of the core Perl library.', val: { fedora: '/usr/share/perl5', rhel: '/usr/share/perl5' }, on: DISTROS },
  { name: 'perl_archlib', kind: 'perl', description: 'Directory of the architecture-dependent core Perl library.', val: { fedora: '/usr/lib64/perl5', rhel: '/usr/lib64/perl5' }, on: DISTROS },
  param('perl_default_filter', 'perl', FEDORA_RHEL, 'Filters the usual private Provides (.so of XS modules) from a Perl package\'s generated dependencies.'),
  param('perl_make_install', 'perl', SUSE, 'openSUSE: runs `make install` for a MakeMaker module into the build root.'),
  param('perl_process_packlist', 'perl', SUSE, 'openSUSE: removes .packlist and perllocal.pod from the build root.'),
  param('perl_gen_filelist', 'perl', SUSE, 'openSUSE: writes %{name}.files listing the installed module files.'),
  param('perl_requires', 'perl', SUSE, 'openSUSE: run-time dependency on the Perl version the module was built with.'),
  // ---- PHP PEAR ----
  // The PEAR directories, read from the installed pear's configuration (`pear config-get data_dir`)
  // by php-pear's macros.pear (Fedora) and php's macros.php (openSUSE).
  { name: 'pear_phpdir', kind: 'directory', description: 'Directory for the PHP code of PEAR packages, as the installed pear reports it (`pear config-get php_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get php_dir)', source: PEAR_SOURCE },
  { name: 'pear_docdir', kind: 'directory', description: 'Directory for the documentation of PEAR packages, as the installed pear reports it (`pear config-get doc_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get doc_dir)', source: PEAR_SOURCE },
  { name: 'pear_testdir', kind: 'directory', description: 'Directory for the test suites of PEAR packages, as the installed pear reports it (`pear config-get test_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get test_dir)', source: PEAR_SOURCE },
  { name: 'pear_datadir', kind: 'directory', description: 'Directory for the data files of PEAR packages, as the installed pear reports it (`pear config-get data_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get data_dir)', source: PEAR_SOURCE },
  { name: 'pear_cfgdir', kind: 'directory', description: 'Directory for the configuration files of PEAR packages, as the installed pear reports it (`pear config-get cfg_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get cfg_dir)', source: PEAR_SOURCE },
  { name: 'pear_wwwdir', kind: 'directory', description: 'Directory for the web files of PEAR packages, as the installed pear reports it (`pear config-get www_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get www_dir)', source: PEAR_SOURCE },
  { name: 'pear_metadir', kind: 'directory', description: 'Directory for the PEAR registry metadata, as the installed pear reports it (`pear config-get metadata_dir`).', on: ['fedora', 'opensuse'], unverified: ['fedora', 'opensuse'], valueless: 'read from the pear configuration with %(pear config-get metadata_dir)', source: PEAR_SOURCE },
  // ---- systemd scriptlets ----
  param('systemd_requires', 'systemd', ['fedora', 'rhel', 'opensuse'], 'Adds the Requires(post/preun/postun) on systemd a package with units needs. Mostly unneeded today.', { seeAlso: ['systemd_ordering'] }),
  param('systemd_ordering', 'systemd', FEDORA_RHEL, 'Orders installation after systemd without requiring it (for containers).'),
  param('systemd_post', 'systemd', DISTROS, 'In %post: applies presets to the given units on first installation. openSUSE\'s own macro is %service_add_post.', { usage: '%systemd_post UNIT…', unverified: SUSE, preferInstead: [{ macro: 'service_add_post', distros: SUSE, reason: 'openSUSE convention' }] }),
  param('systemd_preun', 'systemd', DISTROS, 'In %preun: stops and disables the given units when the package is erased.', { usage: '%systemd_preun UNIT…', unverified: SUSE, preferInstead: [{ macro: 'service_del_preun', distros: SUSE, reason: 'openSUSE convention' }] }),
  param('systemd_postun', 'systemd', DISTROS, 'In %postun: reloads systemd after units were removed, without restarting them.', { usage: '%systemd_postun UNIT…', unverified: SUSE }),
  param('systemd_postun_with_restart', 'systemd', DISTROS, 'In %postun: restarts the given units after an upgrade.', { usage: '%systemd_postun_with_restart UNIT…', unverified: SUSE, preferInstead: [{ macro: 'service_del_postun', distros: SUSE, reason: 'openSUSE convention' }] }),
  param('systemd_posttrans_with_restart', 'systemd', ['fedora'], 'In %posttrans: restarts the given units once the whole transaction is done (systemd ≥ 254).'),
  param('systemd_user_post', 'systemd', DISTROS, 'In %post: applies presets to the given user units.', { unverified: ['opensuse', 'mageia'] }),
  param('systemd_user_preun', 'systemd', DISTROS, 'In %preun: disables the given user units on erase.', { unverified: ['opensuse', 'mageia'] }),
  param('sysusers_create_compat', 'systemd', FEDORA_RHEL, 'In %pre: creates the users of a sysusers.d file on systems where rpm does not do it itself.', { usage: '%sysusers_create_compat FILE' }),
  param('tmpfiles_create', 'systemd', DISTROS, 'In %post: creates the files and directories of the given tmpfiles.d configuration.', { unverified: ['mageia'] }),
  param('udev_rules_update', 'systemd', FEDORA_RHEL, 'In %post/%postun: makes udev reload its rules.'),
  param('service_add_pre', 'systemd', SUSE, 'openSUSE, in %pre: records the state of the given units before an upgrade.', { usage: '%service_add_pre UNIT…' }),
  param('service_add_post', 'systemd', SUSE, 'openSUSE, in %post: enables the given units according to presets.', { usage: '%service_add_post UNIT…' }),
  param('service_del_preun', 'systemd', SUSE, 'openSUSE, in %preun: stops and disables the given units on erase.'),
  param('service_del_postun', 'systemd', SUSE, 'openSUSE, in %postun: restarts the given units after an upgrade (unless DISABLE_RESTART_ON_UPDATE is set).'),
  param('service_del_postun_without_restart', 'systemd', SUSE, 'openSUSE, in %postun: reloads systemd without restarting the units.', { unverified: SUSE }),
  param('fillup_only', 'scriptlet', SUSE, 'openSUSE, in %post: merges a sysconfig template from %{_fillupdir} into /etc/sysconfig.'),
  param('ldconfig_scriptlets', 'scriptlet', FEDORA_RHEL, 'Emits %post/%postun scriptlets running ldconfig; unnecessary on current Fedora, where a file trigger runs it.', { options: [opt('-n', 'for the given subpackage', 'name')] }),
  param('ldconfig_post', 'scriptlet', FEDORA_RHEL, 'Emits a %post scriptlet running ldconfig.'),
  param('ldconfig_postun', 'scriptlet', FEDORA_RHEL, 'Emits a %postun scriptlet running ldconfig.'),
  param('firewalld_reload', 'scriptlet', FEDORA_RHEL, 'Reloads firewalld after a package installs firewalld service definitions.'),
  param('selinux_relabel_pre', 'scriptlet', FEDORA_RHEL, 'In %pre of a SELinux policy module: records the state for a later relabel.'),
  param('selinux_relabel_post', 'scriptlet', FEDORA_RHEL, 'In %post of a SELinux policy module: relabels files whose context changed.'),
  param('install_info', 'scriptlet', ['opensuse', 'mageia'], 'Registers an info manual in the info directory.', { unverified: ['opensuse', 'mageia'] }),
  param('install_info_delete', 'scriptlet', ['opensuse', 'mageia'], 'Unregisters an info manual.', { unverified: ['opensuse', 'mageia'] }),
  // ---- kernel modules ----
  // Fedora/RHEL: kernel-srpm-macros (macros.kmp, /usr/lib/rpm/redhat/kmodtool); RPM Fusion: the kmodtool and akmods packages.
  // openSUSE: kernel-source's rpm/macros.kernel-source. Facts from those files, in our own words.
  param('kernel_module_package', 'kernel', ['fedora', 'rhel', 'opensuse'], 'Generates the kernel module subpackages (kmod-NAME on Fedora/RHEL, NAME-kmp-FLAVOR on openSUSE) for each kernel flavor to build, from a template (kmodtool on Fedora/RHEL, /usr/lib/rpm/kernel-module-subpackage on openSUSE). Flavors given as arguments are the ones built (-x: the ones left out). As side effects it sets %flavors_to_build and %kernel_source(), and on Fedora/RHEL %kmodtool, %kernel_version (the newest installed kernel-devel unless already set) and %kverrel.', { options: [opt('-n', 'module package name', 'name'), opt('-v', 'version', 'version'), opt('-r', 'release', 'release'), opt('-s', 'Fedora/RHEL: alternative kmodtool script', 'script'), opt('-t', 'openSUSE: alternative subpackage template', 'template'), opt('-f', 'file list template', 'file'), opt('-p', 'preamble file added to each subpackage', 'file'), opt('-x', 'exclude the listed flavors instead of building only them')], seeAlso: ['kernel_module_package_buildreqs', 'flavors_to_build', 'kernel_source', 'kmodtool', 'suse_kernel_module_package'], source: 'Fedora kernel-srpm-macros macros.kmp (src.fedoraproject.org/rpms/kernel-srpm-macros); openSUSE kernel-source rpm/macros.kernel-source (github.com/openSUSE/kernel-source)' }),
  param('suse_kernel_module_package', 'kernel', SUSE, 'openSUSE/SLE: builds Kernel Module Packages (KMPs), one NAME-kmp-FLAVOR subpackage per kernel flavor installed under /usr/src/linux-obj/<arch>/. Unlike %kernel_module_package, the flavors given as arguments are the ones left out (`%suse_kernel_module_package kdump um`); -x turns that round. -s names the subpackage template. Sets %flavors_to_build and %kernel_source() as side effects.', { options: [opt('-n', 'module package name', 'name'), opt('-v', 'version', 'version'), opt('-r', 'release', 'release'), opt('-s', 'alternative subpackage template', 'file'), opt('-f', 'file list template', 'file'), opt('-p', 'preamble file added to each KMP', 'file'), opt('-x', 'build only the listed flavors'), opt('-c', 'certificate to sign the modules with (adds a -ueficert subpackage)', 'file')], seeAlso: ['kernel_module_package', 'kernel_module_package_buildreqs', 'flavors_to_build', 'kernel_source'], source: 'openSUSE kernel-source rpm/macros.kernel-source (github.com/openSUSE/kernel-source); SUSE Kernel Module Packages Manual' }),
  { name: 'kernel_module_package_buildreqs', kind: 'kernel', description: 'The BuildRequires a kernel module package needs for %kernel_module_package (kernel-devel and kmod tools on Fedora/RHEL; modutils, kernel-syms, kmod-compat and suse-kernel-rpm-scriptlets on openSUSE): `BuildRequires: %kernel_module_package_buildreqs`.', on: ['fedora', 'rhel', 'opensuse'], valueless: 'list of package names', seeAlso: ['kernel_module_package', 'suse_kernel_module_package'], source: 'Fedora kernel-srpm-macros macros.kmp; openSUSE kernel-source rpm/macros.kernel-source' },
  { name: 'kernel_module_package_release', kind: 'kernel', description: 'Release offset of kernel module packages; 1 in openSUSE\'s kernel-source macros.', on: SUSE, val: { opensuse: '1' }, unverified: SUSE, source: 'openSUSE kernel-source rpm/macros.kernel-source' },
  { name: 'flavors_to_build', kind: 'kernel', description: 'Set by %kernel_module_package / %suse_kernel_module_package: the kernel flavors to build the module for, separated by spaces (`default` by default on Fedora/RHEL; the flavors installed under /usr/src/linux-obj on openSUSE). %build and %install loop over it: `for flavor in %flavors_to_build; do … done`. Undefined before that macro runs.', on: ['fedora', 'rhel', 'opensuse'], valueless: 'set when %kernel_module_package expands', seeAlso: ['kernel_module_package', 'kernel_source'], source: 'Fedora kernel-srpm-macros macros.kmp; openSUSE kernel-source rpm/macros.kernel-source' },
  param('kernel_source', 'kernel', ['fedora', 'rhel', 'opensuse'], 'Set by %kernel_module_package: the kernel build tree for a flavor, `%{kernel_source $flavor}` (on openSUSE /usr/src/linux-obj/<arch>/<flavor>), to pass to make -C.', { usage: '%{kernel_source <flavor>}', seeAlso: ['flavors_to_build', 'kernel_module_package'], source: 'Fedora kernel-srpm-macros macros.kmp; openSUSE kernel-source rpm/macros.kernel-source' }),
  { name: 'kmodtool', kind: 'kernel', description: 'Fedora/RHEL: set by %kernel_module_package to the kmodtool script that writes the kmod subpackages (its -s option, else /usr/lib/rpm/redhat/kmodtool). RPM Fusion kmod specs run the kmodtool program of the kmodtool package themselves, inside %{expand:%(kmodtool --target %{_target_cpu} --kmodname %{name} …)}, to get kmod-NAME-<kernel> subpackages for each kernel and, with --akmod, an akmod-NAME package that akmods rebuilds on the user\'s machine.', on: FEDORA_RHEL, valueless: 'path of a helper script', seeAlso: ['kernel_module_package', 'kmodtool_check', 'akmod_install'], source: 'Fedora kernel-srpm-macros macros.kmp; the kmodtool package (github.com/rpmfusion/kmodtool before 2017, Fedora since)' },
  { name: 'kmodtool_check', kind: 'kernel', description: 'RPM Fusion: aborts the build when kmodtool is missing; written %{?kmodtool_check}.', on: ['fedora'], valueless: 'shell code', unverified: ['fedora'] },
  param('akmod_install', 'kernel', ['fedora'], 'Defined by the template kmodtool --akmod prints: in %install, copies the source RPM that is being built into %{_usrsrc}/akmods/ (with a NAME-kmod.latest link), which the akmod-NAME package ships and akmods rebuilds for new kernels on the user\'s machine.', { unverified: ['fedora'], source: 'kmodtool (print_akmodtemplate), RPM Fusion / Fedora kmodtool package' }),
  { name: 'cpu_arch', kind: 'kernel', description: 'openSUSE kernel macros: the kernel\'s name for the target CPU (i386 for the ix86 family, arm64 for aarch64, else %_target_cpu).', on: SUSE, valueless: 'computed from %_target_cpu', source: 'openSUSE kernel-source rpm/macros.kernel-source' },
  { name: 'linux_arch', kind: 'kernel', description: 'openSUSE kernel macros: the kernel source architecture (x86, powerpc, s390, arm64, arm, riscv …) for %cpu_arch.', on: SUSE, valueless: 'computed from %cpu_arch', seeAlso: ['linux_make_arch'], source: 'openSUSE kernel-source rpm/macros.kernel-source' },
  { name: 'linux_make_arch', kind: 'kernel', description: 'openSUSE kernel macros: `ARCH=%linux_arch`, to pass to make when building against a kernel tree.', on: SUSE, valueless: 'ARCH=<kernel architecture>', seeAlso: ['linux_arch'], source: 'openSUSE kernel-source rpm/macros.kernel-source' },
  // ---- distribution markers ----
  { name: '_arch', kind: 'distro', description: 'Architecture being built for (x86_64 here).', def: { all: 'x86_64' } },
  { name: '_target_cpu', kind: 'distro', description: 'CPU of the build target; equals %{_arch} unless cross-building or building i686 on x86_64.', def: { all: 'x86_64' } },
  { name: '_build_arch', kind: 'distro', description: 'Architecture of the build host.', def: { all: 'x86_64' } },
  { name: '_target_os', kind: 'distro', description: 'Operating system of the build target.', def: { all: 'linux' } },
  { name: '_os', kind: 'distro', description: 'Operating system being built for.', def: { all: 'linux' } },
  { name: '_gnu', kind: 'distro', description: 'Suffix of the GNU triplet.', def: { all: '-gnu' } },
  { name: '_vendor', kind: 'distro', description: 'Vendor part of the platform triplet; compare it in `%if "%{_vendor}" == "suse"` style checks.', def: { fedora: 'redhat', rhel: 'redhat', opensuse: 'suse', mageia: 'mageia' }, on: PROFILES },
  { name: '_target_platform', kind: 'distro', description: 'Target triplet (cpu-vendor-os) used for --host and --build.', def: { all: '%{_target_cpu}-%{_vendor}-%{_target_os}', fedora: '%{_target_cpu}-%{_vendor}-%{_target_os}%{?_gnu}', rhel: '%{_target_cpu}-%{_vendor}-%{_target_os}%{?_gnu}' }, unverified: ['opensuse', 'mageia'] },
  { name: '__isa_name', kind: 'distro', description: 'Instruction-set family name used in %{_isa}.', def: { all: 'x86' } },
  { name: '__isa_bits', kind: 'distro', description: 'Word size of the target (64 or 32).', def: { all: '64' } },
  { name: '__isa', kind: 'distro', description: 'Instruction-set name of the target, e.g. x86-64.', def: { all: '%{__isa_name}-%{__isa_bits}' } },
  { name: '_isa', kind: 'distro', description: 'Architecture suffix for dependencies, `(x86-64)` on x86_64: `Requires: %{name}-libs%{?_isa} = %{version}-%{release}` ties a subpackage to the same architecture.', def: { all: '%{?__isa:(%{__isa})}%{!?__isa:%{nil}}' } },
  { name: 'dist', kind: 'distro', description: 'Distribution tag appended to Release (`Release: 1%{?dist}`). Not defined by upstream rpm or openSUSE.', def: { fedora: '.fc43', rhel: '.el9', mageia: '.mga10' } },
  { name: 'fedora', kind: 'distro', description: 'Fedora release number, defined only on Fedora; test with `%if 0%{?fedora}`.', def: { fedora: '43' } },
  { name: 'rhel', kind: 'distro', description: 'Major version of RHEL and its rebuilds (CentOS Stream, Alma, Rocky); test with `%if 0%{?rhel} >= 9`.', def: { rhel: '9' } },
  // The EL release markers: each release defines its own to 1 (releases.ts); the family is EL 10.
  // EL 6/7 are past their end of life and modelled by no profile, so on every profile they are undefined
  // (`%if 0%{?el7}` arms are dead), which is what those builds' own macro packages say of the others.
  { name: 'el6', kind: 'distro', description: 'Defined to 1 on Enterprise Linux 6 builds only (no profile models EL 6).', on: [], valueless: '1 on EL 6 builds, undefined on the others' },
  { name: 'el7', kind: 'distro', description: 'Defined to 1 on Enterprise Linux 7 builds only (no profile models EL 7).', on: [], valueless: '1 on EL 7 builds, undefined on the others' },
  { name: 'el8', kind: 'distro', description: 'Defined to 1 on Enterprise Linux 8 builds only; test with `%if 0%{?el8}`.', on: ['rhel'], valueless: '1 on EL 8 builds, undefined on the others' },
  { name: 'el9', kind: 'distro', description: 'Defined to 1 on Enterprise Linux 9 builds only.', on: ['rhel'], valueless: '1 on EL 9 builds, undefined on the others' },
  { name: 'el10', kind: 'distro', description: 'Defined to 1 on Enterprise Linux 10 builds only.', def: { rhel: '1' } },
  { name: 'centos', kind: 'distro', description: 'CentOS (Stream) major version; undefined on RHEL itself and on the other profiles.', on: [], valueless: 'defined only on CentOS builds, which no profile models' },
  { name: 'eln', kind: 'distro', description: 'Defined on Fedora ELN (Enterprise Linux Next) builds only.', on: [], valueless: 'defined only on Fedora ELN builds' },
  // epel-rpm-macros is in the build roots of EPEL builds only (mock's epel-*.tpl configs add it to
  // the chroot): undefined on Fedora and the other families, unknown on RHEL (EPEL or not).
  { name: 'epel', kind: 'distro', description: 'EPEL major version (9, 10), defined only in EPEL build roots (epel-rpm-macros); undefined on Fedora and on plain RHEL builds. Test with `%if 0%{?epel}`.', on: ['rhel'], valueless: 'defined only when epel-rpm-macros is installed (EPEL builds)', source: 'epel-rpm-macros macros.epel-rpm-macros (src.fedoraproject.org/rpms/epel-rpm-macros); mock-core-configs templates/epel-*.tpl install it in EPEL chroots' },
  // flatpak-rpm-macros is installed only in the build roots that rebuild RPMs for Flatpaks (prefix /app):
  // on an ordinary build of every profile `%if 0%{?flatpak}` arms are dead.
  { name: 'flatpak', kind: 'distro', description: 'Defined to 1 when RPMs are rebuilt for a Flatpak (flatpak-rpm-macros, which also moves %{_prefix} to /app); undefined on ordinary builds. Test with `%if 0%{?flatpak}`.', on: [], valueless: 'defined only in Flatpak build roots', source: 'Fedora flatpak-rpm-macros macros.flatpak (src.fedoraproject.org/rpms/flatpak-rpm-macros): "only for installation in buildroots when rebuilding RPMS to package in Flatpaks"' },
  { name: 'suse_version', kind: 'distro', description: 'openSUSE/SLE code version: 1699 on Tumbleweed, 1500 on Leap 15/SLE 15. Test with `%if 0%{?suse_version} >= 1500`.', def: { opensuse: '1699' } },
  { name: 'sle_version', kind: 'distro', description: 'SLE service-pack version (e.g. 150600) on Leap and SLE; undefined on Tumbleweed.', on: [], valueless: 'defined only on Leap/SLE releases (150600 on Leap 15.6)' },
  { name: 'is_opensuse', kind: 'distro', description: '1 on openSUSE (Tumbleweed, Leap), undefined on SLE.', def: { opensuse: '1' } },
  { name: 'mgaversion', kind: 'distro', description: 'Mageia release number.', def: { mageia: '10' } },
  { name: 'mdkversion', kind: 'distro', description: 'Legacy Mandriva version marker still defined by Mageia for old specs.', def: { mageia: '201000' }, unverified: MGA, preferInstead: [{ macro: 'mgaversion', reason: 'Mageia\'s own release marker' }] },
  param('mkrel', 'distro', MGA, 'Mageia: appends the distribution suffix to a release number (`Release: %mkrel 1`).', { preferInstead: [{ macro: 'dist', reason: 'portable `Release: 1%{?dist}`' }] }),
  param('mklibname', 'distro', MGA, 'Mageia: builds a library package name from a name and soname (`%mklibname foo 1`).'),
  param('scl_package', 'misc', [], 'Software Collections: sets up the collection prefix for a package.', { valueless: 'defined only inside Software Collections builds' }),
  { name: 'scl_prefix', kind: 'misc', description: 'Software Collections name prefix; written %{?scl_prefix} so it vanishes outside a collection build.', on: [], valueless: 'defined only inside Software Collections builds' },
  // ---- conditional builds ----
  { name: 'bcond', kind: 'conditional', description: 'Declares a build conditional and its default: `%bcond NAME 1` builds with it unless `--without NAME` (rpm ≥ 4.17.1).', usage: '%bcond NAME DEFAULT', builtin: true, parametric: true, since: '4.17.1', valueless: 'declaration', seeAlso: ['with', 'without'] },
  { name: 'bcond_with', kind: 'conditional', description: 'Declares a conditional that is off unless the build passes `--with NAME`.', usage: '%bcond_with NAME', builtin: true, parametric: true, def: { all: '%bcond %{1} 0' }, valueless: 'declaration' },
  { name: 'bcond_without', kind: 'conditional', description: 'Declares a conditional that is on unless the build passes `--without NAME`.', usage: '%bcond_without NAME', builtin: true, parametric: true, def: { all: '%bcond %{1} 1' }, valueless: 'declaration' },
  { name: 'with', kind: 'conditional', description: 'Expands to 1 when the build conditional is enabled, else 0: `%if %{with docs}`.', usage: '%{with NAME}', builtin: true, parametric: true, def: { all: '%{expand:%%{?with_%{1}:1}%%{!?with_%{1}:0}}' }, valueless: 'depends on its argument' },
  { name: 'without', kind: 'conditional', description: 'Expands to 1 when the build conditional is disabled, else 0.', usage: '%{without NAME}', builtin: true, parametric: true, def: { all: '%{expand:%%{?with_%{1}:0}%%{!?with_%{1}:1}}' }, valueless: 'depends on its argument' },
  fn('defined', 'NAME', '1 if the macro is defined, else 0; a readable alternative to `0%{?NAME:1}`.', { kind: 'conditional', since: '4.17' }),
  fn('undefined', 'NAME', '1 if the macro is undefined, else 0.', { kind: 'conditional', since: '4.17' }),
  // ---- spec built-ins ----
  { name: 'name', kind: 'builtin', description: 'The package Name from the preamble.', builtin: true, valueless: 'taken from the spec', seeAlso: ['version', 'release'] },
  { name: 'version', kind: 'builtin', description: 'The Version from the preamble.', builtin: true, valueless: 'taken from the spec' },
  { name: 'release', kind: 'builtin', description: 'The Release from the preamble (including %{?dist}).', builtin: true, valueless: 'taken from the spec' },
  { name: 'epoch', kind: 'builtin', description: 'The Epoch from the preamble; undefined when the spec has none, so write %{?epoch}.', builtin: true, valueless: 'taken from the spec' },
  { name: 'summary', kind: 'builtin', description: 'The Summary from the preamble.', builtin: true, valueless: 'taken from the spec' },
  { name: 'url', kind: 'builtin', description: 'The URL from the preamble.', builtin: true, valueless: 'taken from the spec' },
  { name: 'SOURCE', kind: 'builtin', numbered: true, description: 'Full path of a source file: %{SOURCE1} is Source1 inside %{_sourcedir}.', usage: '%{SOURCEn}', builtin: true, valueless: 'taken from the spec', seeAlso: ['S'] },
  { name: 'PATCH', kind: 'builtin', numbered: true, description: 'Full path of a patch file: %{PATCH3} is Patch3 inside %{_sourcedir}.', usage: '%{PATCHn}', builtin: true, valueless: 'taken from the spec', seeAlso: ['P'] },
  { name: 'sources', kind: 'builtin', description: 'All source file paths of the spec, space-separated.', builtin: true, valueless: 'taken from the spec' },
  { name: 'patches', kind: 'builtin', description: 'All patch file paths of the spec, space-separated.', builtin: true, valueless: 'taken from the spec' },
  { name: 'nil', kind: 'builtin', description: 'Expands to nothing; used to empty a macro (`%global debug_package %{nil}`).', def: { all: '%{!?nil}' }, builtin: true },
  { name: 'setup', kind: 'build', description: 'Unpacks Source0 (and others on request) in %prep and changes into the source directory.', usage: '%setup [-q] [-n DIR] [-c] [-D] [-T] [-a N] [-b N]', builtin: true, parametric: true, options: [opt('-q', 'quiet: do not list unpacked files'), opt('-n', 'name of the unpacked directory (default %{name}-%{version})', 'dir'), opt('-c', 'create the directory and unpack inside it'), opt('-D', 'do not delete the directory first'), opt('-T', 'do not unpack Source0 automatically'), opt('-a', 'unpack source N after changing into the directory', 'N'), opt('-b', 'unpack source N before changing into the directory', 'N'), opt('-C', 'create the directory and strip the top-level directory of the archive (rpm ≥ 4.18)')], valueless: 'built-in command', seeAlso: ['autosetup'] },
  { name: 'autosetup', kind: 'build', description: 'Unpacks the sources like %setup and applies every patch in order; quiet unless -v.', usage: '%autosetup [-p N] [-n DIR] [-S VCS] [-N] [-v]', builtin: true, parametric: true, options: [opt('-p', 'strip N leading path components from patches (as patch -pN)', 'N'), opt('-n', 'name of the unpacked directory', 'dir'), opt('-S', 'apply patches with a version control system (git, git_am, quilt, …)', 'vcs'), opt('-N', 'do not apply patches (use %autopatch later)'), opt('-v', 'verbose'), opt('-c', 'create the directory before unpacking'), opt('-D', 'do not delete the directory first'), opt('-T', 'do not unpack Source0'), opt('-a', 'also unpack source N after changing directory', 'N'), opt('-b', 'also unpack source N before changing directory', 'N'), opt('-C', 'strip the archive\'s top-level directory')], valueless: 'built-in command', seeAlso: ['autopatch', 'setup'] },
  { name: 'patch', kind: 'build', description: 'Applies one patch in %prep: `%patch -P N` or `%patch N` (rpm ≥ 4.18). The old %patchN form was removed in rpm 4.20.', usage: '%patch [-P N] [-p N] [N…]', builtin: true, parametric: true, options: [opt('-P', 'number of the patch to apply', 'N'), opt('-p', 'strip N leading path components', 'N'), opt('-b', 'backup suffix', 'suffix'), opt('-E', 'remove files emptied by the patch'), opt('-R', 'apply in reverse'), opt('-F', 'fuzz factor', 'N'), opt('-d', 'change to DIR first', 'dir'), opt('-o', 'write output to FILE', 'file'), opt('-z', 'backup suffix (same as -b)', 'suffix')], valueless: 'built-in command', seeAlso: ['autopatch'] },
  { name: 'autopatch', kind: 'build', description: 'Applies all patches, or a numeric range of them, in order.', usage: '%autopatch [-p N] [-m MIN] [-M MAX] [-v] [N…]', builtin: true, parametric: true, options: [opt('-p', 'strip N leading path components', 'N'), opt('-m', 'first patch number to apply', 'N'), opt('-M', 'last patch number to apply', 'N'), opt('-v', 'verbose'), opt('-q', 'quiet')], valueless: 'built-in command' },
  { name: 'autorelease', kind: 'builtin', description: 'Fedora rpmautospec: computes Release from the git history (`Release: %autorelease`).', usage: '%autorelease [-b BASE] [-e EXTRA] [-s SNAPSHOT]', parametric: true, on: ['fedora'], options: [opt('-b', 'base release number', 'N'), opt('-e', 'extra suffix', 'text'), opt('-s', 'snapshot suffix', 'text'), opt('-p', 'pre-release numbering')], valueless: 'computed from the git history', seeAlso: ['autochangelog'] },
  { name: 'autochangelog', kind: 'builtin', description: 'Fedora rpmautospec: generates %changelog from the git history.', on: ['fedora'], valueless: 'computed from the git history' },
  { name: 'gpgverify', kind: 'build', description: 'Fedora: verifies a source tarball signature against a keyring in %prep.', usage: '%{gpgverify} --keyring=%{SOURCE2} --signature=%{SOURCE1} --data=%{SOURCE0}', on: FEDORA_RHEL, valueless: 'path of a helper script' },
  { name: 'fdupes', kind: 'build', description: 'openSUSE: replaces duplicate files in the build root by hard or symbolic links.', usage: '%fdupes [-s] %{buildroot}%{_prefix}', parametric: true, on: SUSE, valueless: 'runs a helper' },
  // ---- macro definition and control ----
  { name: 'define', kind: 'builtin', description: 'Defines a macro; its body is expanded lazily, each time it is used, and the definition is local to the scope it appears in.', usage: '%define NAME[(OPTS)] BODY', builtin: true, parametric: true, valueless: 'definition primitive', seeAlso: ['global', 'undefine'] },
  { name: 'global', kind: 'builtin', description: 'Defines a macro whose body is expanded once, at definition, and which stays visible everywhere. Preferred over %define in specs.', usage: '%global NAME[(OPTS)] BODY', builtin: true, parametric: true, valueless: 'definition primitive' },
  { name: 'undefine', kind: 'builtin', description: 'Removes the most recent definition of a macro.', usage: '%undefine NAME', builtin: true, parametric: true, valueless: 'definition primitive' },
  { name: 'dnl', kind: 'builtin', description: 'Comment that runs to the end of the line and, unlike #, is not macro-expanded.', usage: '%dnl text', builtin: true, valueless: 'comment' },
  { name: 'include', kind: 'builtin', description: 'Reads another file into the spec at this point while parsing.', usage: '%include FILE', builtin: true, parametric: true, valueless: 'parse-time directive' },
  fn('load', 'FILE', 'Loads a macro file at this point.'),
  { name: 'trace', kind: 'builtin', description: 'Toggles tracing of macro expansion to stderr (debugging).', builtin: true, valueless: 'debugging primitive' },
  { name: 'dump', kind: 'builtin', description: 'Prints every defined macro to stderr (debugging).', builtin: true, valueless: 'debugging primitive' },
  fn('macrobody', 'NAME', 'The unexpanded body of a macro.', { since: '4.16' }),
  fn('expand', 'TEXT', 'Expands its argument and then expands the result again; used to build macro names at run time.'),
  fn('lua', 'CODE', 'Runs embedded Lua code; what it prints becomes the expansion. Specwright never executes it.'),
  fn('basename', 'PATH', 'Final path component, as basename(1).'),
  fn('dirname', 'PATH', 'Path without its final component, as dirname(1).'),
  fn('suffix', 'PATH', 'File name extension after the last dot, without the dot.'),
  fn('exists', 'PATH', '1 if the path exists on the build host, else 0.', { since: '4.18' }),
  fn('getenv', 'NAME', 'Value of an environment variable of the build.'),
  fn('getconfdir', '', 'rpm\'s configuration directory (usually /usr/lib/rpm).', { usage: '%{getconfdir}', argument: undefined, parametric: false, since: '4.16' }),
  fn('echo', 'TEXT', 'Prints the text to stderr while parsing; expands to nothing.'),
  fn('warn', 'TEXT', 'Prints the text as a warning while parsing; expands to nothing.'),
  fn('error', 'TEXT', 'Prints the text as an error and makes parsing fail.'),
  fn('verbose', 'TEXT', 'The text when rpm runs verbosely, else nothing.'),
  fn('shescape', 'TEXT', 'The text in single quotes, safe to pass to the shell.', { since: '4.18' }),
  fn('shrink', 'TEXT', 'The text with leading/trailing whitespace removed and inner runs collapsed to one space.', { since: '4.14' }),
  fn('quote', 'TEXT', 'Keeps the text as a single argument when passed to a parametric macro.'),
  fn('url2path', 'URL', 'The path part of a URL (u2p is an old alias).'),
  fn('uncompress', 'FILE', 'Shell command that decompresses the file to stdout, chosen by its compression type.'),
  fn('S', 'N', 'Path of source N; the same as %{SOURCEn}.', { since: '4.16' }),
  fn('P', 'N', 'Path of patch N; the same as %{PATCHn}.', { since: '4.16' }),
  fn('upper', 'TEXT', 'The text in upper case.', { since: '4.19' }),
  fn('lower', 'TEXT', 'The text in lower case.', { since: '4.19' }),
  fn('len', 'TEXT', 'Length of the text in characters.', { since: '4.19' }),
  fn('rep', 'TEXT N [SEP]', 'The text repeated N times (as Lua string.rep).', { since: '4.19', usage: '%{rep TEXT N [SEP]}' }),
  fn('reverse', 'TEXT', 'The text reversed (as Lua string.reverse).', { since: '4.19' }),
  fn('sub', 'TEXT I [J]', 'Substring from character I to J (as Lua string.sub).', { since: '4.19', usage: '%{sub TEXT I [J]}' }),
  fn('gsub', 'TEXT PATTERN REPL [N]', 'Replaces Lua-pattern matches in the text (as Lua string.gsub).', { since: '4.19', usage: '%{gsub TEXT PATTERN REPL [N]}' }),
  fn('expr', 'EXPRESSION', 'Evaluates an arithmetic/logical expression, like %[…].', { since: '4.17' }),
  { name: 'rpmversion', kind: 'builtin', description: 'Version of the rpm doing the build, e.g. 4.20.1 (rpm ≥ 4.19; the 4.18 of the generic profile leaves it unexpanded).', builtin: true, since: '4.19', unverified: ['generic'], valueless: 'version of the installed rpm' },
  // ---- %files directives ----
  files('doc', '%doc FILE…', 'Marks documentation. Relative paths are copied from the build directory into %{_pkgdocdir}.', { seeAlso: ['license'] }),
  files('license', '%license FILE…', 'Marks license texts; installed under %{_licensedir} and kept even when documentation is excluded.'),
  files('config', '%config[(noreplace|missingok)] PATH', 'Marks a configuration file. With (noreplace) a locally modified file is kept and the new one saved as .rpmnew; (missingok) tolerates its absence.', { options: [opt('noreplace', 'keep the admin\'s modified file on upgrade'), opt('missingok', 'do not complain when the file is missing')] }),
  files('dir', '%dir PATH', 'Owns a directory without owning its contents.'),
  files('attr', '%attr(MODE,USER,GROUP) PATH', 'Sets mode, owner and group of one entry; `-` keeps the value from the build root.'),
  files('defattr', '%defattr(FMODE,USER,GROUP,DMODE)', 'Default attributes for the following entries. %defattr(-,root,root,-) is the default since rpm 4.4 and can be dropped.', { deprecated: 'redundant since rpm 4.4' }),
  files('ghost', '%ghost PATH', 'Owns a file that is not in the package (created at run time): its attributes are tracked and it is removed on erase.'),
  files('verify', '%verify([not] ATTR…) PATH', 'Chooses which attributes `rpm -V` checks (md5, size, link, user, group, mtime, mode, rdev, caps).'),
  files('exclude', '%exclude PATH', 'Leaves a path out of this package\'s file list.'),
  files('lang', '%lang(LL) PATH', 'Marks a file as belonging to a language, so it is installed only for configured locales.'),
  files('caps', '%caps(CAPS) PATH', 'Sets POSIX file capabilities (cap_net_raw=ep) on an executable.'),
  files('artifact', '%artifact PATH', 'Marks build artifacts (such as build-id links) that are not normal content (rpm ≥ 4.14).', { since: '4.14' }),
  files('docdir', '%docdir PATH', 'Declares a directory whose files are all documentation.'),
  files('readme', '%readme FILE', 'Old marker for README files; treated like %doc.', { deprecated: 'use %doc' }),
  files('missingok', '%config(missingok) PATH', 'Qualifier of %config for files that may be absent; not a directive of its own.'),
];

// Arch-list macros come from architectures.ts.
const ARCH_SOURCES: MacroSource[] = ARCH_MACROS.map((a) => ({ name: a.name, kind: 'distro', description: `Architecture list for %ifarch: ${a.description}`, def: { all: a.value } }));

/** Every authored entry, arch macros included (names are unique). */
/**
 * Catalog macros whose expansion is several lines (or whose Lua body runs and prints several), by
 * their definitions in rpm and the distributions' macro packages: in a `#` comment, only the first
 * line is commented out. Only macros known to span lines are listed: a catalog macro without a
 * recorded body is not assumed to (`%{optflags}`, `%{build_ldflags}`, `%cmake_build`, `%find_lang`
 * are one line).
 */
export const MULTI_LINE_MACROS: ReadonlySet<string> = new Set([
  // rpm: build commands and generated sections
  'configure', 'makeinstall', 'set_build_flags', 'debug_package', '__os_install_post', 'autosetup', 'autopatch',
  // cmake, meson, Python, Rust, Go, forge (redhat-rpm-config, *-rpm-macros)
  'cmake', 'meson', 'py3_build', 'py3_install', 'py2_build', 'py2_install', 'py_build', 'py_install',
  'pyproject_wheel', 'pyproject_install', 'pyproject_buildrequires', 'cargo_prep', 'gometa', 'goprep', 'gopkginstall',
  'gocheck', 'forgemeta', 'forgesetup', 'forgeautosetup', 'configure2_5x',
  // scriptlet and dependency blocks
  'ldconfig_scriptlets', 'systemd_post', 'systemd_preun', 'systemd_postun', 'systemd_postun_with_restart',
  'systemd_user_post', 'systemd_user_preun', 'systemd_requires', 'systemd_ordering', 'kernel_module_package', 'akmod_install',
]);

export const ALL_MACRO_SOURCES: readonly MacroSource[] = [...MACRO_SOURCE, ...ARCH_SOURCES];
