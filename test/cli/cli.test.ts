// The `specwright` command line, run as users run it: node dist/cli.js.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { REPO_ROOT, ensureBuilt } from '../helpers/lsp';
import { CLI_FIXTURES, cli, tempDir, type JsonFileReport, type RuleInfo } from './helpers';

const GOOD = path.join('test', 'fixtures', 'cli', 'good');
const BAD = path.join('test', 'fixtures', 'cli', 'bad');
const TEXT_LINE = /^(.+):(\d+):(\d+): (error|warning|information|hint): (.+) \[([\w%-]+)\]$/;
const SUMMARY = /^\d+ files?, \d+ errors?, \d+ warnings?/m;

let rules: RuleInfo[] = [];
const hasRule = (id: string) => rules.some((r) => r.id === id);
/** `--rule id=off` for every rule whose default is error: the run cannot exit 1. */
const noErrors = () => rules.filter((r) => r.defaultSeverity === 'error').flatMap((r) => ['--rule', `${r.id}=off`]);

function lintJson(args: string[], cwd?: string): { reports: JsonFileReport[]; status: number | null; stderr: string } {
  const r = cli(['lint', '--format', 'json', ...args], cwd);
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
  return { reports: JSON.parse(r.stdout) as JsonFileReport[], status: r.status, stderr: r.stderr };
}

before(() => {
  ensureBuilt();
  const r = cli(['rules', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  rules = JSON.parse(r.stdout) as RuleInfo[];
});

describe('lint output formats', () => {
  it('text: file:line:col: severity: message [rule-id], summary on stderr', () => {
    const r = cli(['lint', GOOD, BAD]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const lines = r.stdout.split('\n').filter(Boolean);
    for (const line of lines) {
      const m = TEXT_LINE.exec(line);
      assert.ok(m, `bad line: ${line}`);
      assert.ok(hasRule(m[6]), `unknown rule in ${line}`);
      assert.ok(Number(m[2]) >= 1 && Number(m[3]) >= 1);
    }
    assert.match(r.stderr, /^4 files, \d+ errors?, \d+ warnings?/m);
    if (hasRule('spec-unclosed-if')) assert.ok(lines.some((l) => l.startsWith(`${path.join(BAD, 'unclosed.spec')}:10:1: `) && l.endsWith('[spec-unclosed-if]')), r.stdout);
  });

  it('json: one array entry per file with 0-based LSP ranges', () => {
    const { reports } = lintJson([GOOD, BAD]);
    assert.deepEqual(reports.map((x) => [x.file, x.language]), [
      [path.join(GOOD, 'acme-dkms', 'dkms.conf'), 'dkms-conf'],
      [path.join(GOOD, 'hello.spec'), 'rpm-spec'],
      [path.join(BAD, 'dkms.conf'), 'dkms-conf'],
      [path.join(BAD, 'unclosed.spec'), 'rpm-spec'],
    ]);
    for (const report of reports) {
      for (const d of report.diagnostics) {
        assert.ok(hasRule(d.rule));
        assert.ok(['error', 'warning', 'information', 'hint'].includes(d.severity));
        assert.equal(typeof d.message, 'string');
        for (const p of [d.range.start, d.range.end]) assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0);
        assert.ok(Array.isArray(d.fixes));
        for (const f of d.fixes) {
          assert.equal(typeof f.title, 'string');
          for (const e of f.edits) assert.equal(typeof e.newText, 'string');
        }
      }
    }
    const unclosed = reports.find((x) => x.file.endsWith('unclosed.spec'))!;
    if (hasRule('spec-unclosed-if')) assert.ok(unclosed.diagnostics.some((d) => d.rule === 'spec-unclosed-if' && d.range.start.line === 9 && d.range.start.character === 0));
  });

  it('plain-text outputs quote code without Markdown backticks; JSON and SARIF markdown keep them', () => {
    const { dir, cleanup } = tempDir();
    try {
      const file = path.join(dir, 'foo-dkms.spec');
      fs.writeFileSync(file, 'Name: foo-dkms\nVersion: 1\nRelease: 1\nSummary: Foo\nLicense: MIT\n%post\n/usr/sbin/dkms add -m foo -v %{version}\n');
      const args = ['lint', '--rule', 'dkms-hardcoded-sbin-path=warning', file];
      const json = JSON.parse(cli([...args, '--format', 'json']).stdout) as JsonFileReport[];
      const raw = json[0].diagnostics.find((d) => d.rule === 'dkms-hardcoded-sbin-path')!.message;
      assert.match(raw, /call it as `dkms`/);
      const text = cli([...args, '--format', 'text']).stdout;
      assert.match(text, /call it as 'dkms' \(or %\{_sbindir\}\/dkms\) \[dkms-hardcoded-sbin-path\]/);
      assert.doesNotMatch(text, /`/);
      assert.doesNotMatch(cli([...args, '--format', 'github']).stdout, /`/);
      const sarif = JSON.parse(cli([...args, '--format', 'sarif']).stdout);
      const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'dkms-hardcoded-sbin-path');
      assert.doesNotMatch(result.message.text, /`/);
      assert.equal(result.message.markdown, raw);
    } finally {
      cleanup();
    }
  });

  it('sarif: 2.1.0 with the driver, rules, results, 1-based regions and relative URIs', () => {
    const r = cli(['lint', '--format', 'sarif', GOOD, BAD]);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.match(log.$schema, /sarif-2\.1\.0/);
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    const driver = run.tool.driver;
    assert.equal(driver.name, 'specwright');
    assert.match(driver.version, /^\d+\.\d+\.\d+/);
    assert.match(driver.informationUri, /^https:\/\//);
    assert.deepEqual(driver.rules.map((x: { id: string }) => x.id), rules.map((x) => x.id));
    for (const rule of driver.rules) {
      assert.equal(typeof rule.shortDescription.text, 'string');
      assert.ok(rule.helpUri.endsWith(`/${encodeURIComponent(rule.id)}.md`), rule.helpUri);
      assert.ok(['error', 'warning', 'note', 'none'].includes(rule.defaultConfiguration.level));
    }
    assert.ok(Array.isArray(run.results));
    for (const result of run.results) {
      assert.equal(driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
      assert.equal(typeof result.message.text, 'string');
      const loc = result.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, '%SRCROOT%');
      assert.ok(!loc.artifactLocation.uri.startsWith('/') && loc.artifactLocation.uri.startsWith('test/fixtures/cli/'));
      assert.ok(loc.region.startLine >= 1 && loc.region.startColumn >= 1 && loc.region.endLine >= loc.region.startLine);
      for (const fix of result.fixes ?? []) {
        assert.equal(typeof fix.description.text, 'string');
        for (const change of fix.artifactChanges) {
          assert.deepEqual(change.artifactLocation, loc.artifactLocation);
          for (const rep of change.replacements) {
            assert.ok(rep.deletedRegion.startLine >= 1);
            assert.equal(typeof rep.insertedContent.text, 'string');
          }
        }
      }
    }
    assert.equal(run.invocations[0].executionSuccessful, true);
  });
});

describe('exit codes', () => {
  it('0 when no finding is an error', () => {
    const r = cli(['lint', ...noErrors(), GOOD]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('1 when a finding is an error', (t) => {
    if (!hasRule('spec-unclosed-if')) return t.skip('spec-unclosed-if is not registered yet');
    const r = cli(['lint', '--rule', 'spec-unclosed-if=error', path.join(BAD, 'unclosed.spec')]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
  });

  it('2 on usage errors, with a did-you-mean', () => {
    const cases: [string[], RegExp][] = [
      [['lint', '--format', 'xml', GOOD], /--format must be one of text, json, sarif/],
      [['lint', '--distro', 'fedroa', GOOD], /did you mean 'fedora'/],
      [['lint', '--rule', 'no-such-rule-at-all=off', GOOD], /unknown rule/],
      [['lint', '--rule', 'nolevel', GOOD], /id=level/],
      [['lint', '--frmat', 'json', GOOD], /unknown option '--frmat' \(did you mean '--format'\?\)/],
      [['lint'], /needs at least one file/],
      [['lnt', GOOD], /unknown command 'lnt' \(did you mean 'lint'\?\)/],
      [['explain'], /one rule id/],
      [['explain', 'no-such-rule-at-all'], /unknown rule/],
      [['lint', 'test/fixtures/cli/does-not-exist.spec'], /does-not-exist\.spec: error: no such file/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message, args.join(' '));
    }
    if (rules.length > 0) {
      const id = rules[0].id;
      const typo = id.slice(0, -1) + (id.endsWith('x') ? 'y' : 'x');
      const r = cli(['lint', '--rule', `${typo}=off`, GOOD]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, new RegExp(`did you mean '${id}'`));
      const bad = cli(['lint', '--rule', `${id}=loud`, GOOD]);
      assert.equal(bad.status, 2);
      assert.match(bad.stderr, /level must be one of off, hint, information, warning, error/);
    }
  });

  it('2 for binary and non-UTF-8 files, which are named on stderr while the others are still reported', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'binary.spec'), Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x00, 0x01, 0x02]));
      fs.writeFileSync(path.join(dir, 'latin1.spec'), Buffer.from('Summary: caf\xe9\n', 'latin1'));
      fs.copyFileSync(path.join(CLI_FIXTURES, 'good', 'hello.spec'), path.join(dir, 'hello.spec'));
      for (const format of ['text', 'json', 'sarif']) {
        const r = cli(['lint', '--format', format, dir]);
        assert.equal(r.status, 2, r.stderr);
        assert.match(r.stderr, new RegExp(`${path.join(dir, 'binary.spec').replace(/[.\\]/g, '\\$&')}: error: binary file`));
        assert.match(r.stderr, /latin1\.spec: error: not valid UTF-8/);
        if (format === 'json') assert.deepEqual((JSON.parse(r.stdout) as JsonFileReport[]).map((x) => path.basename(x.file)), ['hello.spec']);
        if (format === 'sarif') {
          const inv = JSON.parse(r.stdout).runs[0].invocations[0];
          assert.equal(inv.executionSuccessful, false);
          assert.equal(inv.toolExecutionNotifications.length, 2);
        }
        if (format === 'text') assert.match(r.stderr, /^1 file, /m);
      }
    } finally {
      cleanup();
    }
  });
});

describe('file selection', () => {
  it('recurses into folders for *.spec, *.spec.in and dkms.conf, skipping node_modules and .git', () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const p of ['a/x.spec', 'a/b/y.spec.in', 'a/b/c/dkms.conf', 'node_modules/m/z.spec', '.git/w.spec', 'notes.txt', 'a/readme.md']) {
        fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
        fs.writeFileSync(path.join(dir, p), p.endsWith('dkms.conf') ? 'PACKAGE_NAME=x\n' : 'Name: x\n');
      }
      const { reports } = lintJson([dir]);
      assert.deepEqual(reports.map((x) => path.relative(dir, x.file)).sort(), ['a/b/c/dkms.conf', 'a/b/y.spec.in', 'a/x.spec']);
      // A file named explicitly is linted whatever its name.
      const explicit = lintJson([path.join(dir, 'notes.txt')]);
      assert.deepEqual(explicit.reports.map((x) => x.language), ['rpm-spec']);
    } finally {
      cleanup();
    }
  });
});

describe('configuration', () => {
  it('--rule id=off removes that rule from the output', () => {
    const { reports } = lintJson([GOOD, BAD]);
    const seen = [...new Set(reports.flatMap((x) => x.diagnostics.map((d) => d.rule)))];
    const off = seen.flatMap((id) => ['--rule', `${id}=off`]);
    const after = lintJson([...off, GOOD, BAD]).reports;
    assert.deepEqual(after.flatMap((x) => x.diagnostics), []);
  });

  it('picks up specwright.json above the file; CLI flags win over it', (t) => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'pkg'));
      fs.copyFileSync(path.join(CLI_FIXTURES, 'bad', 'unclosed.spec'), path.join(dir, 'pkg', 'unclosed.spec'));
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ distro: 'rhel', rules: hasRule('spec-unclosed-if') ? { 'spec-unclosed-if': 'off' } : {} }));
      const withConfig = lintJson([path.join(dir, 'pkg')]);
      assert.ok(withConfig.status === 0 || withConfig.status === 1, withConfig.stderr);
      if (!hasRule('spec-unclosed-if')) return t.skip('spec-unclosed-if is not registered yet');
      assert.ok(!withConfig.reports[0].diagnostics.some((d) => d.rule === 'spec-unclosed-if'));
      const flagWins = lintJson(['--rule', 'spec-unclosed-if=warning', path.join(dir, 'pkg')]);
      assert.ok(flagWins.reports[0].diagnostics.some((d) => d.rule === 'spec-unclosed-if' && d.severity === 'warning'));
    } finally {
      cleanup();
    }
  });

  it('an invalid specwright.json is a usage error naming the file, and linting goes on', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.copyFileSync(path.join(CLI_FIXTURES, 'good', 'hello.spec'), path.join(dir, 'hello.spec'));
      fs.writeFileSync(path.join(dir, 'specwright.json'), '{"distro": "debian"}');
      const r = lintJson([dir]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /specwright\.json: "distro" must be one of fedora, rhel, opensuse, mageia, generic/);
      assert.equal(r.reports.length, 1);
    } finally {
      cleanup();
    }
  });

  it('rpmlintrc addFilter hides the findings of rules with an rpmlint id', () => {
    const { dir, cleanup } = tempDir();
    try {
      const files = ['hello.spec', 'unclosed.spec'];
      fs.copyFileSync(path.join(CLI_FIXTURES, 'good', 'hello.spec'), path.join(dir, 'hello.spec'));
      fs.copyFileSync(path.join(CLI_FIXTURES, 'bad', 'unclosed.spec'), path.join(dir, 'unclosed.spec'));
      const before = lintJson(files.map((f) => path.join(dir, f))).reports;
      fs.writeFileSync(path.join(dir, 'rpmlintrc'), 'addFilter(".*")\n');
      const after = lintJson(files.map((f) => path.join(dir, f))).reports;
      const withRpmlintId = new Set(rules.filter((x) => x.rpmlintId).map((x) => x.id));
      for (let i = 0; i < files.length; i++) {
        const expected = before[i].diagnostics.filter((d) => !withRpmlintId.has(d.rule));
        assert.deepEqual(after[i].diagnostics, expected);
      }
    } finally {
      cleanup();
    }
  });
});

describe('--fix', () => {
  it('applies safe fixes, reports them, and leaves fix-free files byte-identical', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.cpSync(path.join(CLI_FIXTURES), path.join(dir, 'cli'), { recursive: true });
      fs.cpSync(path.join(REPO_ROOT, 'examples'), path.join(dir, 'examples'), { recursive: true });
      const before = lintJson([dir]).reports;
      const originals = new Map(before.map((x) => [x.file, fs.readFileSync(x.file)]));
      const r = cli(['lint', '--fix', '--format', 'json', dir]);
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const after = JSON.parse(r.stdout) as JsonFileReport[];
      for (const report of before) {
        const safe = report.diagnostics.filter((d) => d.fixes.some((f) => f.safety === 'safe')).length;
        const now = fs.readFileSync(report.file);
        const fixedReport = after.find((x) => x.file === report.file)!;
        if (safe === 0) {
          assert.ok(now.equals(originals.get(report.file)!), `${report.file} must be unchanged`);
          assert.equal(fixedReport.fixed, 0);
        } else {
          assert.ok(!now.equals(originals.get(report.file)!), `${report.file} has safe fixes and must change`);
          assert.ok(fixedReport.fixed! > 0);
          assert.match(r.stderr, new RegExp(`${path.basename(report.file).replace(/\./g, '\\.')}: fixed \\d+ problems?`));
          const left = fixedReport.diagnostics.filter((d) => d.fixes.some((f) => f.safety === 'safe')).length;
          assert.ok(left < safe, `${report.file}: ${left} safe fixes left of ${safe}`);
        }
      }
    } finally {
      cleanup();
    }
  });
});

describe('other commands', () => {
  it('rules --format json lists every rule with its metadata', () => {
    for (const r of rules) {
      assert.match(r.id, /^[A-Za-z0-9%_-]+$/);
      assert.ok(['rpm-spec', 'dkms-conf'].includes(r.language));
      assert.ok(['off', 'hint', 'information', 'warning', 'error'].includes(r.defaultSeverity));
      assert.equal(typeof r.fixable, 'boolean');
      assert.equal(typeof r.description, 'string');
      assert.ok(Object.keys(r.messages).length > 0, `${r.id}: messages by id`);
    }
    assert.match(rules.find((r) => r.id === 'setup-not-quiet')!.messages.notQuiet, /^%setup without -q/);
    const text = cli(['rules']);
    assert.equal(text.status, 0);
    assert.match(text.stdout, /^RULE\s+LANGUAGE\s+DEFAULT\s+FIXABLE\s+DESCRIPTION/);
    assert.match(text.stdout, new RegExp(`${rules.length} rules?\\n$`));
  });

  it('explain prints the metadata of a rule', (t) => {
    if (rules.length === 0) return t.skip('no rule registered yet');
    const r = cli(['explain', rules[0].id]);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.startsWith(`${rules[0].id}: ${rules[0].description}`));
    assert.match(r.stdout, /default severity: /);
    assert.match(r.stdout, /documentation: +https:\/\//);
    // The rule page is printed when docs/rules/<id>.md ships beside dist/.
    const withDoc = rules.find((x) => fs.existsSync(path.join(REPO_ROOT, 'docs', 'rules', `${x.id}.md`)));
    if (withDoc) assert.match(cli(['explain', withDoc.id]).stdout, new RegExp(`^# ${withDoc.id}$`, 'm'));
  });

  it('--version and --help', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const v = cli(['--version']);
    assert.equal(v.status, 0);
    assert.equal(v.stdout.trim(), pkg.version);
    for (const args of [['--help'], ['-h'], ['lint', '--help'], []]) {
      const h = cli(args);
      assert.equal(h.status, 0);
      assert.match(h.stdout, /^Usage: specwright <command>/);
      assert.match(h.stdout, /--format FORMAT +text \(default\), json, sarif/);
    }
  });
});

describe('summary line', () => {
  it('counts files, errors and warnings', () => {
    const r = cli(['lint', GOOD]);
    assert.match(r.stderr, SUMMARY);
    assert.match(r.stderr, /^2 files, /m);
  });
});
