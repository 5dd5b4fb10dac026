// rpm as an oracle: rpm's own view of a spec text (rpm-view.py through python3-rpm), run sandboxed
// and cached per content. rpm EXECUTES a spec's %(…) and %{lua:…} code while parsing it, so every
// call runs in fresh namespaces:
//   - no network (`unshare --net`), its own PID namespace (everything dies with the call),
//   - a private mount namespace in which /bin/bash is bind-mounted over /bin/sh (Fedora specs'
//     %(…) use bash syntax, Debian's /bin/sh is dash) and fresh tmpfs hide the host's /tmp and
//     /var/tmp (rpmbuild writes its scripts there),
//   - a scratch HOME (/tmp/home) and working folder (/tmp/work) on that tmpfs, the same paths on
//     every call so two parses of two texts can be compared byte for byte,
//   - when started as root: the parse runs as nobody (it cannot write the project or the system),
//   - a timeout (30 s by default) after which the whole namespace is killed.
// Node's own API, no dependencies; see scripts/oracle/README.md.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const VIEW_SCRIPT = fs.readFileSync(path.join(here, 'rpm-view.py'), 'utf8');
const PYTHON = '/usr/bin/python3'; // the distribution's python: python3-rpm is installed for it only
const DEFAULT_TIMEOUT_MS = 30_000;

// Runs inside the new namespaces, before the parse: bash as /bin/sh, a private /tmp, then the
// command with a clean environment.
const SETUP = [
  'mount --make-rprivate / 2>/dev/null',
  'mount --bind /bin/bash /bin/sh',
  'mount -t tmpfs -o mode=1777 tmpfs /tmp',
  'mount -t tmpfs -o mode=1777 tmpfs /var/tmp',
  'mkdir -p /tmp/home /tmp/work && chmod 777 /tmp/home /tmp/work && cd /tmp/work',
  // No exec: this shell stays PID 1 of the namespace; unshare --kill-child kills it on timeout and
  // the kernel then kills every process of the namespace (setpriv would clear a PID 1's death signal).
  'env -i HOME=/tmp/home PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 TZ=UTC "$@"',
].join(' && ');

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The argv prefix that runs a command in the sandbox. */
export function sandboxCommand(command) {
  const unshare = ['unshare', '--mount', '--net', '--pid', '--fork', '--kill-child'];
  if (!isRoot) unshare.push('--map-root-user');
  const drop = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
  return [...unshare, '--', 'sh', '-c', SETUP, 'sh', ...drop, ...command];
}

let availability;
/** Whether rpm can run here, sandboxed: `{ ok: true, rpmVersion }` or `{ ok: false, reason }`. */
export function rpmAvailability() {
  if (availability) return availability;
  const probe = (argv) => spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', timeout: 20_000 });
  if (process.platform !== 'linux') return (availability = { ok: false, reason: 'the rpm oracle needs Linux namespaces' });
  if (probe([PYTHON, '-c', 'import rpm']).status !== 0) {
    return (availability = { ok: false, reason: `${PYTHON} cannot import rpm (apt-get install rpm python3-rpm)` });
  }
  if (probe(['unshare', '--version']).error) return (availability = { ok: false, reason: 'unshare is missing (apt-get install util-linux)' });
  const r = probe(sandboxCommand([PYTHON, '-c', 'import rpm, socket; print(rpm.__version__)']));
  if (r.status !== 0) {
    return (availability = { ok: false, reason: `cannot sandbox rpm here (unshare/mount failed: ${(r.stderr || r.error?.message || '').trim().split('\n')[0]})` });
  }
  return (availability = { ok: true, rpmVersion: r.stdout.trim() });
}

function normaliseDefines(defines) {
  if (!defines) return [];
  const list = Array.isArray(defines) ? defines : Object.entries(defines);
  return list.map(([name, value]) => `${name}=${value}`);
}

/**
 * rpm's view of one spec text, sandboxed (not cached). Resolves to the JSON of rpm-view.py
 * (`ok: true`, name, epoch, version, release, sources, sections, buildRequires, packages with
 * dependencies, scriptlets, triggers and file lists, section bodies, changelog, all header tags) or
 * `{ ok: false, error, stderr }` when rpm rejects the spec, crashes or times out.
 * @param {string} text the spec text
 * @param {{ fileName?: string, defines?: Record<string,string>|[string,string][], timeoutMs?: number }} [options]
 */
export function rpmView(text, options = {}) {
  const fileName = path.basename(options.fileName ?? 'spec.spec');
  const argv = sandboxCommand([PYTHON, '-c', VIEW_SCRIPT, fileName, ...normaliseDefines(options.defines)]);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.stdin.on('error', () => {}); // rpm may exit before reading all of a big spec
    child.stdin.end(text);
    child.on('error', (e) => { clearTimeout(timer); resolve({ ok: false, error: e.message, stderr: '' }); });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (timedOut) return resolve({ ok: false, error: `timed out after ${timeoutMs / 1000} s`, stderr: stderr.slice(0, 4000) });
      const stdout = Buffer.concat(out).toString('utf8');
      try {
        const view = JSON.parse(stdout);
        if (!view.ok) view.stderr = stderr.slice(0, 4000);
        else view.messages = stderr.split('\n').filter((l) => /^(warning|error): /.test(l)).slice(0, 50);
        resolve(view);
      } catch {
        resolve({ ok: false, error: `rpm-view exited with ${code} without a result`, stderr: stderr.slice(0, 4000) });
      }
    });
  });
}

/** The default cache folder: $SPECWRIGHT_ORACLE_CACHE, else ~/.cache/specwright/rpm-views. */
export function defaultCacheDir() {
  if (process.env.SPECWRIGHT_ORACLE_CACHE) return process.env.SPECWRIGHT_ORACLE_CACHE;
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'specwright', 'rpm-views');
}

const scriptHash = createHash('sha256').update(VIEW_SCRIPT).digest('hex').slice(0, 16);

/** The cache key of one call: the text, the file name, the defines, the view script and rpm's version. */
export function cacheKey(text, options = {}) {
  return createHash('sha256')
    .update(JSON.stringify([scriptHash, rpmAvailability().rpmVersion ?? '', path.basename(options.fileName ?? 'spec.spec'), normaliseDefines(options.defines), text]))
    .digest('hex');
}

/**
 * rpmView() with a cache on disk per content (a timed-out call is not cached).
 * Resolves to the view with `cached: true|false`.
 * @param {string} text
 * @param {{ fileName?: string, defines?: Record<string,string>|[string,string][], timeoutMs?: number, cacheDir?: string }} [options]
 */
export async function cachedRpmView(text, options = {}) {
  const dir = options.cacheDir ?? defaultCacheDir();
  const key = cacheKey(text, options);
  const file = path.join(dir, key.slice(0, 2), `${key}.json`);
  try {
    return { ...JSON.parse(fs.readFileSync(file, 'utf8')), cached: true };
  } catch { /* not cached yet */ }
  const view = await rpmView(text, options);
  if (view.ok || !/^timed out/.test(view.error)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(view));
    fs.renameSync(tmp, file);
  }
  return { ...view, cached: false };
}

/**
 * cachedRpmView() for many specs, `jobs` at a time. Items are `{ file, text?, fileName?, defines? }`
 * (text read from file when absent). Resolves to the views in the same order.
 */
export async function rpmViews(items, { jobs = Math.max(1, Math.min(4, os.cpus().length)), cacheDir, onProgress } = {}) {
  const results = new Array(items.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < items.length) {
      const i = next++;
      const item = items[i];
      const text = item.text ?? fs.readFileSync(item.file, 'utf8');
      results[i] = await cachedRpmView(text, { fileName: item.fileName ?? path.basename(item.file ?? 'spec.spec'), defines: item.defines, cacheDir, timeoutMs: item.timeoutMs });
      done++;
      onProgress?.(done, items.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

/**
 * `rpm --eval EXPRESSION`, sandboxed like rpmView(): what rpm's own macros say (for example what
 * rpm runs before %install). Resolves to the expansion without its final newline, or rejects.
 * @param {string} expression
 * @param {{ timeoutMs?: number }} [options]
 */
export function rpmEval(expression, options = {}) {
  const argv = sandboxCommand(['rpm', '--eval', expression]);
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', (e) => { clearTimeout(timer); reject(e); });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`rpm --eval failed (${code}): ${Buffer.concat(err).toString('utf8').slice(0, 500)}`));
      resolve(Buffer.concat(out).toString('utf8').replace(/\n$/, ''));
    });
  });
}

/**
 * Runs an rpm tool (`rpmbuild`, `rpmspec`, `rpm`) sandboxed like rpmView() on a spec text, which
 * it sees as /tmp/work/<fileName>; `{SPEC}` in args stands for that path. The sandbox's
 * /tmp/home/rpmbuild is the _topdir. `then` is an optional shell command run afterwards in the same
 * sandbox (for example `rpm -qp … /tmp/home/rpmbuild/RPMS/*\/*.rpm`); its output follows.
 * Resolves to `{ status, stdout, stderr }` (status null on timeout).
 * @param {string} tool
 * @param {string[]} args
 * @param {string} text
 * @param {{ fileName?: string, then?: string, timeoutMs?: number }} [options]
 */
export function rpmTool(tool, args, text, options = {}) {
  const spec = `/tmp/work/${path.basename(options.fileName ?? 'spec.spec')}`;
  const script = `cat > "$0"; "$@"; rc=$?; ${options.then ?? ':'}; exit $rc`;
  const argv = sandboxCommand(['sh', '-c', script, spec, tool, ...args.map((a) => a.replaceAll('{SPEC}', spec))]);
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.stdin.on('error', () => {});
    child.stdin.end(text);
    child.on('error', (e) => { clearTimeout(timer); resolve({ status: null, stdout: '', stderr: e.message }); });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ status: timedOut ? null : code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}
