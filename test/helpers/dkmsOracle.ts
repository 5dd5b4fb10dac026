// Debian's real dkms as the oracle for dkms.conf: `dkms add <dir>/dkms.conf` into a private
// dkms tree and source tree (--dkmstree/--sourcetree in a temporary folder). `add` sources the
// file and runs dkms's own validation (read_conf) but builds nothing, so no kernel is needed.
// dkms sources the file as bash, so a conf can run any command: the run is sandboxed in a user
// and network namespace (`unshare -rn`: no network; "root" there is only this user, which dkms's
// root check wants), with a scratch HOME, TMPDIR and working folder, a clean environment and a
// timeout.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface DkmsVerdict {
  accepted: boolean;
  /** dkms's exit status (null when it was killed by the timeout). */
  status: number | null;
  /** dkms's `Error!` lines and the conf's own `dkms.conf: Error!` lines. */
  errors: string[];
  output: string;
}

const DKMS = '/usr/sbin/dkms';
/** A made-up target kernel, so the result does not depend on the machine's running kernel. */
export const ORACLE_KERNEL = '6.8.0-oracle';

let availability: string | undefined | null = null;

/** undefined when the oracle can run; otherwise why not (a skip message). */
export function dkmsOracleUnavailable(): string | undefined {
  if (availability !== null) return availability;
  if (!fs.existsSync(DKMS)) return (availability = 'skipped: Debian\'s dkms is not installed (apt-get install dkms; .ci/run installs it)');
  const probe = spawnSync('unshare', ['-rn', 'true'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0) return (availability = `skipped: cannot sandbox dkms (unshare -rn failed: ${(probe.stderr || probe.error?.message || '').trim()})`);
  return (availability = undefined);
}

/** The installed dkms's version (`dkms-3.0.10` → `3.0.10`). */
export function dkmsVersion(): string {
  const r = spawnSync(DKMS, ['--version'], { encoding: 'utf8', timeout: 10_000, env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin' } });
  return (r.stdout || '').trim().replace(/^dkms-/, '');
}

/**
 * Feeds one dkms.conf text to `dkms add`. `extraFiles` are written beside it (relative paths),
 * for confs that read files of their own source tree.
 */
export function dkmsAdd(confText: string, extraFiles: Record<string, string> = {}): DkmsVerdict {
  return runDkms('add', confText, extraFiles);
}

/**
 * `dkms build` of a dkms.conf and its source tree (`files`, relative paths; a value starting with
 * `#!` is written executable) against a stand-in kernel tree (an empty folder with `include/`,
 * given as --kernelsourcedir): dkms patches, runs the scripts and MAKE, and looks for the built
 * modules; MAKE must build them without a kernel (a Makefile that writes the .ko files).
 */
export function dkmsBuild(confText: string, files: Record<string, string>, kernelFiles: Record<string, string> = {}): DkmsVerdict {
  return runDkms('build', confText, files, kernelFiles);
}

function runDkms(action: 'add' | 'build', confText: string, extraFiles: Record<string, string>, kernelFiles: Record<string, string> = {}): DkmsVerdict {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-dkms-oracle-'));
  try {
    const dirs = { input: 'input', tree: 'dkms-tree', source: 'source-tree', home: 'home', tmp: 'tmp', cwd: 'cwd', kernel: 'kernel' };
    for (const d of Object.values(dirs)) fs.mkdirSync(path.join(root, d));
    fs.mkdirSync(path.join(root, dirs.kernel, 'include'));
    // files of the stand-in kernel tree (a Makefile that plays Kbuild)
    for (const [rel, text] of Object.entries(kernelFiles)) fs.writeFileSync(path.join(root, dirs.kernel, rel), text);
    for (const [rel, text] of Object.entries(extraFiles)) {
      const p = path.join(root, dirs.input, rel);
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, text, { mode: text.startsWith('#!') ? 0o755 : 0o644 });
    }
    const conf = path.join(root, dirs.input, 'dkms.conf');
    fs.writeFileSync(conf, confText);
    const kernel = action === 'build' ? ['--kernelsourcedir', path.join(root, dirs.kernel)] : [];
    const r = spawnSync(
      'timeout',
      ['-k', '5', '60', 'unshare', '-rn', DKMS, action, conf, '--dkmstree', path.join(root, dirs.tree), '--sourcetree', path.join(root, dirs.source), '-k', `${ORACLE_KERNEL}/x86_64`, ...kernel],
      {
        cwd: path.join(root, dirs.cwd),
        encoding: 'utf8',
        env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', HOME: path.join(root, dirs.home), TMPDIR: path.join(root, dirs.tmp), LANG: 'C', LC_ALL: 'C' },
      },
    );
    const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
    const errors = output.split('\n').filter((l) => /Error!/.test(l));
    return { accepted: r.status === 0, status: r.status, errors, output };
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}
