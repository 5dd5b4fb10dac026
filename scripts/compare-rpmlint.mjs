// Compares Specwright with rpmlint on rpmlint's own test specs (../shared/corpus/rpmlint-tests):
// per rpmlint id that a Specwright rule shares (rule.rpmlintId), how many rpmlint findings we
// also report (same file; same line when rpmlint gives one), how many we report that it does not,
// and the recall. `--write` also writes docs/rpmlint-comparison.md. Usage:
//   node scripts/compare-rpmlint.mjs [--write] [DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isRpmlintResultStatus, parseRpmlintOutput } from './rpmlint-output.mjs';

const args = process.argv.slice(2);
const write = args.includes('--write');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? join(process.cwd(), '../shared/corpus/rpmlint-tests'));

/** Rules that only run under one distribution profile: linted a second time with that profile. */
const PROFILE_RULES = { 'lib-package-without-%mklibname': 'mageia' };

/** Why the two tools disagree, per id (written after reading every case). */
const EXPLANATIONS = {
  'use-of-RPM_SOURCE_DIR': 'rpmlint reports the first line per file that uses `$RPM_SOURCE_DIR` *or* `%{_sourcedir}`. Specwright reports every `$RPM_SOURCE_DIR` but not `%{_sourcedir}`: reading files shipped beside the spec from `%{_sourcedir}` is normal practice.',
  'macro-in-comment': 'Specwright skips `#` that is not a comment: in tag values (`URL: …/#%{name}`), in macro definition bodies and inside shell quotes; plain keywords written as words (`# %build`, `# %prep`) are not macros and stay silent. rpmlint also counts section names in comments (SpecCheckTemp.spec).',
  'macro-in-%changelog': 'Same macro reading as macro-in-comment; `%autochangelog` is exempt in both tools.',
  'comparison-operator-in-deptoken': 'Specwright reads dependency tokens like rpm (an operator token between blanks belongs to the version), so `foo<= 1.0` is one finding like in rpmlint; it also checks the weak dependency tags (Recommends, Suggests…), which rpmlint skips.',
  'unversioned-explicit-provides': 'Only unversioned provides of a name the spec also obsoletes (a rename) or requires or conflicts with at a version; the other unversioned provides rpmlint reports are `unversioned-provides-strict`\'s (off by default, turned on for this comparison). A Provides whose value is a single macro (`%{foo_provides}`) may expand to a versioned list and is not reported; nor are capabilities that are never versioned (`font()`, `system-release(N)`, `dnf-command()` …).',
  'unversioned-explicit-obsoletes': 'As for provides: a single-macro value is not reported.',
  'mixed-use-of-spaces-and-tabs': 'Off by default (compared here turned on). Same heuristic as rpmlint (its regular expression is reused), whitespace-only lines skipped; reported once per file on the later of the two lines.',
  'patch-not-applied': 'Specwright counts a patch as applied when its `%{PATCHn}` is used anywhere or its file name appears in a script, and treats `%patch 1` (rpm ≥ 4.18 positional form) as patch 1 — rpmlint reads it as patch 0. Specs using a `%{lua:}` loop over patches (ghc.spec) are skipped: rpmlint reports every patch there although they are applied.',
  'lib-package-without-%mklibname': 'Mageia-only rule: it runs only with `--distro mageia` (this comparison lints a second time with that profile for this id). rpmlint reports it for any distribution.',
  'setup-not-quiet': 'Identical trigger.',
  'patch-fuzz-is-changed': 'Specwright does not report `_default_patch_fuzz 0` (rpm\'s default: nothing changes).',
  'configure-without-libdir-spec': 'Specwright skips noarch packages (no libraries to place) and accepts `--libdir DIR` as well as `--libdir=DIR`.',
  'rpm-buildroot-usage': 'Identical trigger, but Specwright reports one finding per section (its message counts the other uses): kernel specs install into the build root from a function defined in %build and would otherwise get hundreds of findings. rpmlint reports every line, so its later lines in the same section count as missed here.',
  'invalid-spec-name': 'rpmlint only checks the spec name inside a source RPM, never for a spec file given on the command line; Specwright checks the file name against `Name:`. The test specs are named after the check they exercise, hence the extra findings.',
  'forbidden-controlchar-found': 'rpmlint looks only at the first token of a dependency tag (a bug in its loop) and at %changelog; Specwright checks every dependency tag value in full and %changelog.',
  'deprecated-grep': 'Specwright skips `egrep` inside single quotes and as part of an installed path (`%{buildroot}%{_bindir}/egrep`).',
  'superfluous-%clean-section': 'Identical trigger.',
  'hardcoded-library-path': 'rpmlint flags every `/usr/lib` and `/lib`. Specwright flags `/usr/lib64` and `/lib64` always, and `/usr/lib` or `/lib` only for library files (`*.so*`, `*.a`, `*.la`, `pkgconfig`), because `/usr/lib` also holds the architecture-independent trees (systemd units, udev rules, firmware, modules, Python on noarch) whose right macro is never `%{_libdir}`. On the 483 real specs rpmlint reports 1,018 such lines, most of them correct paths.',
};

/**
 * rpmlint findings reviewed one by one and found wrong: they do not count against recall.
 * { id, file, line? (any when absent), why }
 */
const RPMLINT_WRONG = [
  { id: 'patch-not-applied', file: 'ghc.spec', why: 'applied with `%patch -P1` (no blank after -P), which rpmlint\'s pattern does not read' },
  { id: 'patch-not-applied', file: 'SpecCheckPatch.spec', why: '`%patch -P2 -p1` applies it; rpmlint needs a blank after -P' },
  { id: 'patch-not-applied', file: 'intltool.spec', why: '`%patch 1 -p1` (rpm ≥ 4.18) applies patch 1; rpmlint reads it as patch 0' },
  { id: 'macro-in-comment', file: 'SpecCheckTemp.spec', details: /^%(build|prep|check|description|package|changelog)$/, why: 'section names in a comment are not macros: rpm leaves them alone' },
  { id: 'no-%prep-section', file: 'libspelling.spec', why: '`BuildSystem: meson` (rpm 4.20) generates the section' },
  { id: 'no-%build-section', file: 'libspelling.spec', why: '`BuildSystem: meson` (rpm 4.20) generates the section' },
  { id: 'hardcoded-library-path', file: 'hardcoded-library-path.spec', why: 'a bare directory under /usr/lib or /lib (no library file, no lib64) is not wrong by itself: arch-independent files belong there' },
  { id: 'use-of-RPM_SOURCE_DIR', file: 'use-of-RPM-SOURCE-DIR.spec', line: 11, why: 'the text of %description, not a script (Specwright reports the real use on line 22)' },
];
const wrongReason = (f) => RPMLINT_WRONG.find((w) => w.id === f.id && w.file === f.file && (w.line === undefined || w.line === f.line) && (!w.details || w.details.test(f.details)))?.why;

/** rpmlint ids without a Specwright rule, and why. */
const NOT_SHARED = {
  'no-buildroot-tag': 'Debian\'s default rpmlint configuration adds this check; BuildRoot is ignored since rpm 4.6, so Specwright reports the opposite (obsolete-buildroot-tag).',
  'specfile-error': 'rpm\'s own parse errors (`rpm -q --specfile`): they need rpm and its macro files. Specwright\'s spec-* rules cover the static part (unknown tags, unclosed %if…).',
  'invalid-url': 'Needs the sources with macros expanded by rpm; not a static check.',
  'non-standard-group': 'Depends on the distribution\'s configured group list; Group is optional today.',
};

function have(cmd) {
  const r = spawnSync(cmd, ['--version'], { encoding: 'utf8' });
  return !r.error;
}

if (!have('rpmlint')) {
  console.log('rpmlint is not installed, so there is nothing to compare (install it with: apt-get install rpmlint rpm). Skipping.');
  process.exit(0);
}
if (!existsSync(dir)) {
  console.log(`No rpmlint test specs at ${dir}: pass the folder as an argument. Skipping.`);
  process.exit(0);
}
if (!existsSync('dist/cli.js')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

const files = readdirSync(dir).filter((f) => f.endsWith('.spec')).sort();

// ---- rpmlint, in batches (one file at a time when a batch fails outright) ----
const rpmlint = [];
function runRpmlint(batch) {
  const r = spawnSync('rpmlint', batch, { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || !isRpmlintResultStatus(r.status ?? -1)) return false;
  rpmlint.push(...parseRpmlintOutput(r.stdout));
  return true;
}
for (let i = 0; i < files.length; i += 16) {
  const batch = files.slice(i, i + 16);
  if (runRpmlint(batch)) continue;
  for (const f of batch) if (!runRpmlint([f])) console.error(`rpmlint failed on ${f}`);
}

// ---- Specwright ----
const rulesJson = spawnSync(process.execPath, ['dist/cli.js', 'rules', '--format', 'json'], { encoding: 'utf8' });
const rules = JSON.parse(rulesJson.stdout);
// The first rule with an rpmlint id names the row; a second one (unversioned-provides-strict, the
// rest of rpmlint's unversioned-explicit-provides) adds its findings to the same id.
const byRpmlintId = new Map();
for (const r of rules) if (r.rpmlintId && !byRpmlintId.has(r.rpmlintId)) byRpmlintId.set(r.rpmlintId, r.id);

// Rules that are off by default but implement an rpmlint check are compared too (at warning).
const turnedOn = rules.filter((r) => r.rpmlintId && r.defaultSeverity === 'off').flatMap((r) => ['--rule', `${r.id}=warning`]);
function lint(extra) {
  const r = spawnSync(process.execPath, ['dist/cli.js', 'lint', '--format', 'json', ...turnedOn, ...extra, dir], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status !== 0 && r.status !== 1) {
    console.error(r.stderr);
    process.exit(1);
  }
  return JSON.parse(r.stdout);
}
const ours = []; // { file, id (rpmlint id), line (1-based), endLine }
const collect = (results, keep) => {
  for (const res of results) {
    for (const d of res.diagnostics) {
      const rule = rules.find((r) => r.id === d.rule);
      if (!rule?.rpmlintId || !keep(rule.rpmlintId)) continue;
      ours.push({ file: basename(res.file), id: rule.rpmlintId, line: d.range.start.line + 1, endLine: d.range.end.line + 1 });
    }
  }
};
collect(lint([]), (id) => !(id in PROFILE_RULES));
for (const [id, distro] of Object.entries(PROFILE_RULES)) collect(lint(['--distro', distro]), (x) => x === id);

// ---- compare ----
// Only SpecCheck's ids are comparable on spec files (TagsCheck & co. need built packages).
const idsFile = join(dir, '../../reference/rpmlint-spec-check-ids.txt');
const specCheckIds = new Set(existsSync(idsFile) ? readFileSync(idsFile, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && l !== 'id') : []);
for (const f of rpmlint) specCheckIds.add(f.id);
const shared = [...byRpmlintId.keys()].filter((id) => specCheckIds.has(id)).sort();
const rows = [];
const disagreements = [];
let totalRpmlint = 0;
let totalMatched = 0;
let totalExtra = 0;
let totalWrong = 0;
for (const id of shared) {
  const theirs = rpmlint.filter((f) => f.id === id);
  const mine = ours.filter((o) => o.id === id);
  let matched = 0;
  const missed = [];
  // File-level rpmlint findings pair one-to-one with our findings in the same file.
  const fileLevelUsed = new Map();
  for (const f of theirs) {
    let ok;
    if (f.line !== undefined) ok = mine.some((o) => o.file === f.file && f.line >= o.line && f.line <= o.endLine);
    else {
      const used = fileLevelUsed.get(f.file) ?? 0;
      ok = mine.filter((o) => o.file === f.file).length > used;
      if (ok) fileLevelUsed.set(f.file, used + 1);
    }
    if (ok) matched++;
    else {
      missed.push(f);
      if (wrongReason(f)) totalWrong++;
    }
  }
  const extra = mine.filter((o) => !theirs.some((f) => f.file === o.file && (f.line === undefined || (f.line >= o.line && f.line <= o.endLine))));
  totalRpmlint += theirs.length;
  totalMatched += matched;
  totalExtra += extra.length;
  rows.push({ id, rule: byRpmlintId.get(id), rpmlint: theirs.length, matched, extra: extra.length, recall: theirs.length ? matched / theirs.length : undefined });
  if (missed.length || extra.length) disagreements.push({ id, missed, extra });
}

const pct = (x) => (x === undefined ? '–' : `${(x * 100).toFixed(0)}%`);
const table = [
  '| rpmlint id | Specwright rule | rpmlint | also reported | only Specwright | recall |',
  '| --- | --- | ---: | ---: | ---: | ---: |',
  ...rows.map((r) => `| \`${r.id}\` | [\`${r.rule}\`](rules/${encodeURIComponent(r.rule)}.md) | ${r.rpmlint} | ${r.matched} | ${r.extra} | ${pct(r.recall)} |`),
  `| **total** | | ${totalRpmlint} | ${totalMatched} | ${totalExtra} | **${pct(totalRpmlint ? totalMatched / totalRpmlint : undefined)}** |`,
].join('\n');
const rightTotal = totalRpmlint - totalWrong;
const summary = `Recall on all ${totalRpmlint} rpmlint findings of shared ids: ${pct(totalMatched / totalRpmlint)}. ${totalWrong} of them were reviewed and are rpmlint false positives (listed below); recall on the other ${rightTotal}: **${pct(totalMatched / rightTotal)}**.`;

console.log(table);
console.log('\n' + summary);
for (const d of disagreements) {
  console.log(`\n${d.id}:`);
  for (const m of d.missed) console.log(`  missed ${m.file}${m.line ? ':' + m.line : ''} ${m.details}${wrongReason(m) ? ' [rpmlint wrong: ' + wrongReason(m) + ']' : ''}`);
  for (const e of d.extra) console.log(`  extra  ${e.file}:${e.line}`);
}
const unshared = [...new Set(rpmlint.map((f) => f.id))].filter((id) => !byRpmlintId.has(id)).sort();
if (unshared.length) console.log(`\nrpmlint ids without a Specwright rule: ${unshared.join(', ')}`);

if (write) {
  const lines = [
    '# Specwright and rpmlint',
    '',
    `Generated by \`npm run compare:rpmlint -- --write\` (rpmlint ${spawnSync('rpmlint', ['--version'], { encoding: 'utf8' }).stdout.trim()}, Debian's default configuration) on rpmlint's own test specs (${files.length} files, one per check). A finding counts as "also reported" when Specwright reports the same check in the same file, on the same line when rpmlint gives one.`,
    '',
    table,
    '',
    summary,
    '',
    '## Disagreements',
    '',
  ];
  for (const d of disagreements) {
    lines.push(`### \`${d.id}\``, '');
    if (EXPLANATIONS[d.id]) lines.push(EXPLANATIONS[d.id], '');
    for (const m of d.missed) lines.push(`- only rpmlint: \`${m.file}${m.line ? ':' + m.line : ''}\`${m.details ? ` (${m.details.replace(/\|/g, '\\|')})` : ''}${wrongReason(m) ? ` — rpmlint is wrong: ${wrongReason(m)}` : ''}`);
    for (const e of d.extra) lines.push(`- only Specwright: \`${e.file}:${e.line}\``);
    lines.push('');
  }
  lines.push('## rpmlint checks without a Specwright rule', '');
  for (const id of unshared) lines.push(`- \`${id}\`: ${NOT_SHARED[id] ?? 'not a spec-text check.'}`);
  lines.push('');
  writeFileSync('docs/rpmlint-comparison.md', lines.join('\n'));
  console.log('\nwrote docs/rpmlint-comparison.md');
}
