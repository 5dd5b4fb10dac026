// Distribution releases: the values a release's own macro files give, on top of its family's
// catalog entries (macros.ts). A profile name is a family (`fedora`, `rhel`, `opensuse`, `mageia`,
// `generic`), which means the family's newest release, or a release id (`fedora-44`, `rhel-9`,
// `opensuse-leap-15.6`, …). Code that switches on the family keeps reading the family; values
// that differ between releases come from here.
//
// Each value names where it comes from (the distribution's macro file and package, and the
// version or date it was read at). `verified: false` marks values taken from release notes or
// from our reference table without reading the macro file itself.
import type { DistroId } from '../types';

export interface ReleaseSource {
  /** Macros this source gives (names without `%`), or `rpm` for the rpm version. */
  macros: readonly string[];
  /** The distribution's file and package, e.g. `macros.dist (fedora-release-common)`. */
  file: string;
  /** Version, date or link the fact was read at. */
  where: string;
  verified: boolean;
}

export interface Release {
  /** Profile name of the release: `fedora-44`, `rhel-9`, `opensuse-tumbleweed`. */
  readonly id: string;
  readonly family: DistroId;
  /** Human name: `Fedora 44`, `EL 9 (RHEL 9, CentOS Stream 9)`. */
  readonly label: string;
  /** Short name for lists: `Fedora 44`, `EL 9`. */
  readonly short: string;
  /** Other accepted names (`fedora-rawhide` is also `fedora-46`). */
  readonly aliases: readonly string[];
  /** rpm version the release ships (decides which spec syntax it accepts). */
  readonly rpm: string;
  /**
   * Macro values that differ from the family catalog (x86_64, raw definitions as the macro file
   * writes them); null: not defined on this release.
   */
  readonly macros: Readonly<Record<string, string | null>>;
  readonly sources: readonly ReleaseSource[];
  /** Still maintained by the distribution at the time of the table (late 2026). */
  readonly maintained: boolean;
}

const FEDORA_DIST = (n: number): ReleaseSource => ({ macros: ['fedora', 'dist'], file: 'macros.dist (fedora-release-common)', where: n === 46 ? 'fedora-release.spec `%define dist_version 46`, `bug_version rawhide` (Fedora dist-git, 2026-08-22)' : `fedora-release ${n}; rawhide was ${n + 1}+ when ${n} branched`, verified: n === 46 });
const FEDORA_SBIN: ReleaseSource = { macros: ['_sbindir'], file: 'macros (redhat-rpm-config)', where: 'Fedora 42 change "Unify /usr/bin and /usr/sbin": %_sbindir is %{_bindir} from Fedora 42 on', verified: false };

function fedora(n: number, python: string, rpm: string, pythonWhere: string, rpmWhere: string, extra: Partial<Release> = {}): Release {
  return {
    id: `fedora-${n}`,
    family: 'fedora',
    label: `Fedora ${n}`,
    short: `Fedora ${n}`,
    aliases: [],
    rpm,
    macros: { fedora: String(n), dist: `.fc${n}`, python3_version: python, python3_version_nodots: python.replace('.', '') },
    sources: [
      FEDORA_DIST(n),
      { macros: ['python3_version', 'python3_version_nodots'], file: 'macros.python-srpm (python-srpm-macros, %__default_python3_version)', where: pythonWhere, verified: true },
      { macros: ['rpm'], file: 'rpm.spec', where: rpmWhere, verified: true },
      FEDORA_SBIN,
    ],
    maintained: true,
    ...extra,
  };
}

type Cited = { where: string; verified: boolean };

function el(n: 8 | 9 | 10, python: string, rpm: string, pythonSource: Cited, rpmSource: Cited, extra: Record<string, string | null> = {}): Release {
  const markers: Record<string, string | null> = { el8: null, el9: null, el10: null };
  markers[`el${n}`] = '1';
  return {
    id: `rhel-${n}`,
    family: 'rhel',
    label: `EL ${n} (RHEL ${n}, CentOS Stream ${n}, Alma/Rocky ${n})`,
    short: `EL ${n}`,
    aliases: [`el${n}`, `centos-stream-${n}`],
    rpm,
    macros: { rhel: String(n), dist: `.el${n}`, ...markers, python3_version: python, python3_version_nodots: python.replace('.', ''), ...extra },
    sources: [
      { macros: ['rhel', `el${n}`], file: 'macros.dist (redhat-release / centos-stream-release)', where: `EL ${n}: %rhel ${n}, %el${n} 1`, verified: false },
      { macros: ['dist'], file: 'macros.dist (redhat-release / centos-stream-release)', where: `%dist .el${n}: the release suffix of EL ${n} packages (the rpm NEVRAs below; RHEL minor-release updates add _N, e.g. rpm-4.14.3-32.el8_10)`, verified: rpmSource.verified },
      { macros: ['python3_version', 'python3_version_nodots'], file: 'python3 package (the main Python of the release)', ...pythonSource },
      ...(Object.keys(extra).length ? [{ macros: Object.keys(extra), file: 'macros.python-srpm (python-srpm-macros)', where: `EL ${n}: ${Object.entries(extra).map(([k, v]) => `%${k} ${v}`).join(', ')}`, verified: false }] : []),
      { macros: ['rpm'], file: 'rpm package', ...rpmSource },
    ],
    maintained: true,
  };
}

/** Every release Specwright has values for, newest first within each family. */
export const RELEASES: readonly Release[] = [
  fedora(46, '3.15', '6.1.0', 'python-rpm-macros.spec: "Update main Python to 3.15" (2026-06-03)', 'rpm.spec: 6.1.0-1 (2026-08-20)', { id: 'fedora-rawhide', label: 'Fedora Rawhide (46)', short: 'Fedora Rawhide', aliases: ['fedora-46', 'rawhide'] }),
  fedora(45, '3.15', '6.1', 'python-rpm-macros.spec: "Update main Python to 3.15" (2026-06-03), before the Fedora 45 mass rebuild (2026-07-16)', 'rpm.spec: 6.0.91 (6.1 beta) at the Fedora 45 mass rebuild (2026-07-16), 6.1.0 on 2026-08-20'),
  fedora(44, '3.14', '6.0.1', 'python-rpm-macros.spec: version 3.14 at the Fedora 44 mass rebuild (2026-01-17)', 'rpm.spec: 6.0.1-2 at the Fedora 44 mass rebuild (2026-01-17)'),
  fedora(43, '3.14', '6.0.0', 'python-rpm-macros 3.14 (Fedora 43 change "Python 3.14"); shared/reference/rpm-macros.tsv', 'Fedora 43 change "RPM 6.0" (https://fedoraproject.org/wiki/Changes/RPM-6.0, targeted release Fedora Linux 43; rpm 6.0.0 released 2025-09-22)', { maintained: false }),
  el(10, '3.12', '4.19.1.1', { where: 'developers.redhat.com/articles/2025/03/13/how-rhel-provides-secure-and-stable-python-streams: "Python 3.12 will be the main Python interpreter in RHEL 10"', verified: true }, { where: 'AlmaLinux 10.0 BaseOS: https://vault.almalinux.org/10.0/BaseOS/x86_64_v2/os/Packages/python3-rpm-4.19.1.1-12.el10.alma.1.x86_64_v2.rpm; Rocky 10.2 BaseOS metadata lists rpm-4.19.1.1-23.el10 (NEVRAs seen in public package lists)', verified: true }),
  el(9, '3.9', '4.16.1.3', { where: 'docs.redhat.com, RHEL 9 "Installing and using dynamic programming languages", 1.1 Python versions: "Python 3.9 is the default Python implementation in RHEL 9"', verified: true }, { where: 'NEVRAs in public EL 9 package lists: rpm-4.16.1.3-22.el9 (RHEL 9.2), -27.el9, -37.el9, -39.el9 next to redhat-release-9.7; the version stays 4.16.1.3 across EL 9 minor releases', verified: true }),
  el(8, '3.6', '4.14.3', { where: 'developers.redhat.com/articles/2025/03/13/how-rhel-provides-secure-and-stable-python-streams: "older Python versions that serve as the main interpreters, such as Python 3.6 in RHEL 8"', verified: true }, { where: 'NEVRAs in public EL 8 package lists: rpm-4.14.3-31.el8, rpm-4.14.3-32.el8_10 next to redhat-release-8.10', verified: true }, { __python3: '/usr/libexec/platform-python' }),
  {
    id: 'opensuse-tumbleweed',
    family: 'opensuse',
    label: 'openSUSE Tumbleweed',
    short: 'Tumbleweed',
    aliases: ['tumbleweed'],
    rpm: '4.20.1',
    macros: { suse_version: '1699', sle_version: null, is_opensuse: '1', python3_version: '3.13', python3_version_nodots: '313', _libexecdir: '%{_exec_prefix}/libexec' },
    sources: [
      { macros: ['suse_version', 'sle_version', 'is_opensuse'], file: 'openSUSE:Factory project configuration (prjconf), which rpm-config-SUSE\'s suse_dist_macros.in copies into the macros; %sle_version is not set on Tumbleweed', where: 'github.com/openSUSE/obs-build configs/tumbleweed.conf at 99e6f465ebbf (2026-07-23, synced from the TW config 20260703): `%suse_version 1699`, `%is_opensuse 1`, no %sle_version; 1699 since obs-build f1504c2bfe2b "move to suse_version 1699" (2023-04-25)', verified: true },
      { macros: ['_libexecdir'], file: 'macros (rpm-config-SUSE)', where: 'news.opensuse.org 2020-11-23: %_libexecdir is /usr/libexec since Tumbleweed 20200825', verified: true },
      { macros: ['python3_version', 'python3_version_nodots'], file: 'macros.python_all (python-rpm-macros), primary flavor (%primary_python in the project configuration)', where: 'github.com/openSUSE/obs-build configs/tumbleweed.conf at 99e6f465ebbf (2026-07-23): `%primary_python python313`, `FileProvides: /usr/bin/python3 python313-base`; github.com/openSUSE/python-rpm-macros default-prjconf at 5b5f66187a00 (2026-05-27, "the default definition from Factory"): `%primary_python python313`', verified: true },
      { macros: ['rpm'], file: 'rpm package', where: 'Tumbleweed ships rpm 4.20', verified: false },
    ],
    maintained: true,
  },
  {
    id: 'opensuse-leap-15.6',
    family: 'opensuse',
    label: 'openSUSE Leap 15.6 / SLE 15 SP6',
    short: 'Leap 15.6',
    aliases: ['leap-15.6', 'sle-15', 'sle-15-sp6'],
    rpm: '4.14.3',
    macros: { suse_version: '1500', sle_version: '150600', is_opensuse: '1', python3_version: '3.6', python3_version_nodots: '36', _libexecdir: '%{_exec_prefix}/lib' },
    sources: [
      { macros: ['suse_version', 'sle_version', 'is_opensuse'], file: 'suse_macros (rpm-config-SUSE, filled from the openSUSE:Leap:15.6 project configuration)', where: 'SUSE KB 000020568 (https://www.suse.com/support/kb/doc/?id=000020568): the release prefix 150300 "encodes the major codestream (15), the service pack (03)" and matches the SLE version macro, so SP6 is 150600 (NEVRAs such as libgpgme11-1.23.0-150600.3.5.1 next to openSUSE-release-15.6); openSUSE package specs test `0%{?suse_version} == 1500 && 0%{?sle_version} == 150600` for "Leap 15.6" (python-QDarkStyle) and `0%{?sle_version} == 150600 && 0%{?is_opensuse}` for Leap 15.6 as opposed to SLE (xfce4-screenshooter)', verified: true },
      { macros: ['_libexecdir'], file: 'macros (rpm-config-SUSE)', where: 'news.opensuse.org 2020-11-23: "openSUSE Leap distributions … still expand %_libexecdir to the old /usr/lib"', verified: true },
      { macros: ['python3_version', 'python3_version_nodots'], file: 'macros.python3 (python3-base)', where: 'NEVRA python3-base-3.6.15-150300.10.84.1 from SLE-Module-Basesystem15-SP6-Updates (a zypper log in a public repository); python-QDarkStyle.spec: "pyside2 is for primary python3 flavor only but the exception was in Leap 15.6 has both built with 3.6 and 3.11"', verified: true },
      { macros: ['rpm'], file: 'rpm package', where: 'NEVRA rpm-ndb-4.14.3-150400.59.16.1 in a package list next to openSUSE-release-15.6-lp156.417.4.1 (public repository); rpm-build-4.14.3-150300.52.1 on SLE 15', verified: true },
    ],
    maintained: true,
  },
  {
    id: 'mageia-10',
    family: 'mageia',
    label: 'Mageia 10',
    short: 'Mageia 10',
    aliases: [],
    rpm: '4.20',
    macros: { mgaversion: '10', dist: '.mga10', python3_version: '3.13', python3_version_nodots: '313' },
    sources: [
      { macros: ['mgaversion', 'dist'], file: 'macros (rpm-mageia-setup) / mageia-release', where: 'shared/reference/rpm-macros.tsv (Mageia 10)', verified: false },
      { macros: ['python3_version', 'python3_version_nodots'], file: 'python3 package', where: 'blog.mageia.org 2026-01-07 (Mageia 10 planning): Python stays at 3.13', verified: true },
      { macros: ['rpm'], file: 'rpm package', where: 'Mageia 10 Alpha 1 announcement: RPM 4.20 (as reported at https://sempreupdate.com.br/mageia-10-alpha-novidades-do-lancamento, "RPM: 4.20")', verified: true },
    ],
    maintained: true,
  },
  {
    id: 'mageia-9',
    family: 'mageia',
    label: 'Mageia 9',
    short: 'Mageia 9',
    aliases: [],
    rpm: '4.18.1',
    macros: { mgaversion: '9', dist: '.mga9', python3_version: '3.10', python3_version_nodots: '310' },
    sources: [
      { macros: ['mgaversion', 'dist'], file: 'macros (rpm-mageia-setup) / mageia-release', where: 'Mageia 9: %mgaversion 9, %dist .mga9', verified: false },
      { macros: ['python3_version', 'python3_version_nodots'], file: 'python3 package', where: 'Mageia 9 ships Python 3.10', verified: false },
      { macros: ['rpm'], file: 'rpm package', where: 'Mageia 9 ships rpm 4.18.1', verified: false },
    ],
    maintained: true,
  },
  {
    id: 'generic',
    family: 'generic',
    label: 'generic rpm (upstream 4.18)',
    short: 'generic rpm',
    aliases: [],
    rpm: '4.18.0',
    macros: {},
    sources: [
      { macros: ['rpm'], file: '/usr/lib/rpm/macros (rpm)', where: 'upstream rpm 4.18.0 as Debian installs it (package rpm 4.18.0+dfsg-1+deb12u1, `rpm --version`: "RPM version 4.18.0"), the oracle of the test suite (`rpm --eval`)', verified: true },
    ],
    maintained: true,
  },
];

/** The family names, in the order the settings list them. */
export const FAMILY_NAMES: readonly DistroId[] = ['fedora', 'rhel', 'opensuse', 'mageia', 'generic'];

const BY_NAME = new Map<string, Release>();
for (const r of RELEASES) {
  BY_NAME.set(r.id, r);
  for (const a of r.aliases) BY_NAME.set(a, r);
}

/** The release a family name stands for: the newest one Specwright knows (stable for Fedora). */
export const NEWEST: Readonly<Record<DistroId, Release>> = {
  fedora: BY_NAME.get('fedora-45')!,
  rhel: BY_NAME.get('rhel-10')!,
  opensuse: BY_NAME.get('opensuse-tumbleweed')!,
  mageia: BY_NAME.get('mageia-10')!,
  generic: BY_NAME.get('generic')!,
};
for (const f of FAMILY_NAMES) BY_NAME.set(f, NEWEST[f]);

/** Every accepted profile name: families, release ids and aliases. */
export const PROFILE_NAMES: readonly string[] = [...FAMILY_NAMES, ...RELEASES.filter((r) => r.id !== 'generic').map((r) => r.id)];
export const PROFILE_ALIASES: readonly string[] = RELEASES.flatMap((r) => r.aliases);

/** The release a profile name selects, or undefined for an unknown name. */
export function findRelease(name: string): Release | undefined {
  return BY_NAME.get(name.trim().toLowerCase());
}

/** The release of a family or profile name; unknown names fall back to the family's newest or generic. */
export function releaseOf(name: string | Release): Release {
  if (typeof name !== 'string') return name;
  return findRelease(name) ?? NEWEST.generic;
}

/** `6.0.1` ≥ `4.20`? Versions compare numerically, part by part. */
export function rpmAtLeast(release: Release, version: string): boolean {
  const a = release.rpm.split('.').map(Number);
  const b = version.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

/** Releases of a family, newest first. */
export function releasesOf(family: DistroId): Release[] {
  return RELEASES.filter((r) => r.family === family);
}
