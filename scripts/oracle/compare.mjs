// Field-by-field comparison of rpm's view of a spec (rpm.mjs) with `specwright query --format json`.
// A field is "equal" when Specwright's value is rpm's; "certain but wrong" when it differs and
// Specwright did not list the field (or a part of it) in `uncertain`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

/** The fields compared, in report order. */
export const FIELDS = ['name', 'epoch', 'version', 'release', 'packages', 'sections', 'sources', 'buildRequires', 'requires'];

/** Section kinds rpm's bindings can tell apart (see rpm-view.py global_sections). */
const SECTION_KINDS = new Set(['prep', 'conf', 'generate_buildrequires', 'build', 'install', 'check', 'clean']);

/** Dependencies rpm adds itself (rpmlib() features, interpreters and file paths) are left out, on both sides. */
function comparableDependency(dep) {
  return !dep.rpmAdded && !dep.interpreter && !dep.name.startsWith('rpmlib(') && !dep.name.startsWith('/');
}
const nameSet = (deps) => [...new Set((deps ?? []).filter(comparableDependency).map((d) => d.name))].sort();
const sourceKey = (s) => `${s.kind} ${s.number} ${s.file}`;
const sameList = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a pointer in `uncertain` covers the field at `pointer` (the same value, a part of it, or a whole that holds it). */
function covers(uncertain, pointer) {
  return uncertain.some((p) => p === '' || p === pointer || p.startsWith(pointer + '/') || pointer.startsWith(p + '/'));
}

/**
 * Compares one spec. `rpm` is an rpm view with ok: true; `ours` is one element of the query JSON.
 * Returns one entry per field: `{ field, equal, certain, rpm, ours }` (values as compared).
 */
export function compareSpec(rpm, ours) {
  const uncertain = ours.uncertain ?? [];
  const out = [];
  const add = (field, rpmValue, ourValue, pointers) => {
    const equal = Array.isArray(rpmValue) ? sameList(rpmValue, ourValue) : rpmValue === ourValue;
    out.push({ field, equal, certain: !pointers.some((p) => covers(uncertain, p)), rpm: rpmValue, ours: ourValue });
  };
  const str = (v) => (v === null || v === undefined ? null : String(v));
  for (const field of ['name', 'epoch', 'version', 'release']) add(field, str(rpm[field]), str(ours[field]), [`/${field}`]);

  const rpmPackages = rpm.packages.map((p) => p.name).sort();
  const ourPackages = (ours.packages ?? []).map((p) => p.name).sort();
  add('packages', rpmPackages, ourPackages, ['/packages']
    .concat((ours.packages ?? []).map((_, i) => `/packages/${i}/name`)));

  // rpm 4.18's parsed text can hide which section follows %prep (rpm-view.py says so): not compared then.
  if (rpm.sectionsCertain !== false) add('sections', rpm.sections.filter((s) => SECTION_KINDS.has(s)).sort(), (ours.sections ?? []).filter((s) => SECTION_KINDS.has(s)).sort(), ['/sections']);
  add('sources', rpm.sources.map(sourceKey).sort(), (ours.sources ?? []).map(sourceKey).sort(), ['/sources']);
  add('buildRequires', nameSet(rpm.buildRequires), nameSet(ours.buildRequires), ['/buildRequires']);

  // Requires per package, over the packages both sides know (a missing package is the packages field's).
  const ourByName = new Map((ours.packages ?? []).map((p, i) => [p.name, { p, i }]));
  const rpmRequires = [];
  const ourRequires = [];
  const pointers = [];
  for (const p of rpm.packages) {
    const o = ourByName.get(p.name);
    if (!o) continue;
    rpmRequires.push(...nameSet(p.requires).map((n) => `${p.name}: ${n}`));
    ourRequires.push(...nameSet(o.p.requires).map((n) => `${p.name}: ${n}`));
    pointers.push(`/packages/${o.i}/requires`);
  }
  add('requires', rpmRequires.sort(), ourRequires.sort(), pointers);
  return out;
}

/**
 * Runs `specwright query --format json` (dist/cli.js of `repo`) over the files, in batches.
 * Returns a Map file → query object, or throws when the CLI has no query command.
 */
export function specwrightQuery(repo, files, { distro = 'generic', batch = 200 } = {}) {
  const cli = path.join(repo, 'dist', 'cli.js');
  const result = new Map();
  for (let i = 0; i < files.length; i += batch) {
    const chunk = files.slice(i, i + batch);
    const r = spawnSync(process.execPath, [cli, 'query', '--distro', distro, '--format', 'json', ...chunk], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
    if (r.status !== 0 && !r.stdout.trim().startsWith('[')) {
      throw new Error(`specwright query failed (exit ${r.status}): ${(r.stderr || r.error?.message || '').slice(0, 500)}`);
    }
    for (const q of JSON.parse(r.stdout)) result.set(path.resolve(q.file), q);
  }
  return result;
}

/** Whether dist/cli.js of `repo` has the query command; `{ ok, reason }`. */
export function queryAvailability(repo) {
  const cli = path.join(repo, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'query', '--help'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return { ok: false, reason: `${cli} has no query command yet (npm run build; exit ${r.status}: ${(r.stderr || '').trim().split('\n')[0]})` };
  return { ok: true };
}

/** What differs: both values for scalars; for lists, the elements only rpm has and only Specwright has. */
export function difference(rpmValue, ourValue) {
  if (!Array.isArray(rpmValue)) return { rpm: rpmValue, ours: ourValue };
  const theirs = new Set(rpmValue);
  const mine = new Set(ourValue);
  return { rpm: rpmValue.filter((x) => !mine.has(x)), ours: ourValue.filter((x) => !theirs.has(x)) };
}

/**
 * Aggregates comparisons. `rows` are `{ file, rpm, ours }` with rpm.ok. Returns per field
 * `{ compared, equal, certainWrong, uncertainWrong }` and the list of certain-but-wrong values.
 */
export function aggregate(rows) {
  const totals = Object.fromEntries(FIELDS.map((f) => [f, { compared: 0, equal: 0, certainWrong: 0, uncertainWrong: 0 }]));
  const certainWrong = [];
  const missing = [];
  for (const { file, rpm, ours } of rows) {
    if (!ours) {
      missing.push(file);
      continue;
    }
    for (const c of compareSpec(rpm, ours)) {
      const t = totals[c.field];
      t.compared++;
      if (c.equal) t.equal++;
      else if (c.certain) {
        t.certainWrong++;
        certainWrong.push({ file, field: c.field, ...difference(c.rpm, c.ours) });
      } else t.uncertainWrong++;
    }
  }
  return { totals, certainWrong, missing };
}
